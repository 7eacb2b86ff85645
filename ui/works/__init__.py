"""Quilts, patches and residents' stories in the app."""
