"""Importing photos from cards, phones and folders into an archive."""
