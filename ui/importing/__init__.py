"""Importing from the window: choosing what and into which event, progress, and the summary."""
