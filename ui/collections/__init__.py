"""Collections (curated sets) in the app: the collection page, and exporting one."""
