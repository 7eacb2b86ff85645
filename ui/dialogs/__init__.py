"""Small dialogs of the application itself: the user's name, About."""
