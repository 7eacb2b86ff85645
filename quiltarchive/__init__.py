"""QuiltArchive core: the archive, its import, consent and exports. Never imports Qt."""

__version__ = "0.1.0"
