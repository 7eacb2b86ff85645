"""The storage layer: the only place in QuiltArchive that speaks SQL."""
