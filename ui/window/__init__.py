"""The main window and its parts: sidebar, pages, detail pane, actions and menus."""
