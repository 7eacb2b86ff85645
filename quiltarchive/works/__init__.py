"""Quilts, patches and residents' stories: recording them, placing patches, the quilt map, the
virtual quilt render and search. A patch or a story is its maker's work; whether it may leave
the archive is decided in `quiltarchive.consent.assessment`, never here."""
