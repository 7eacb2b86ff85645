"""The QuiltArchive desktop application (PySide6), built on the core in `quiltarchive`."""
