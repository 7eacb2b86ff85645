"""Marking widgets for the stylesheet (primary and danger buttons, headings, hints)."""

from PySide6.QtWidgets import QWidget


def mark(widget: QWidget, name: str, value: object = True) -> QWidget:
    """Set a style property and have the stylesheet look at the widget again."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget
