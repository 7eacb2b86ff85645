"""Curated sets (collections): building them, and seeing before an export what will go out."""
