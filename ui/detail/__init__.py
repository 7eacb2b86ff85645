"""The detail pane: everything about the selected photo(s), and where to change it."""
