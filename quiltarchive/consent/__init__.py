"""The consent model: the one place that decides what may leave the archive.

`rules` holds the decision as pure functions over plain records; `assessment` loads those
records in bulk and asks the rules; the other modules carry out the duties around consent
(recording it, withdrawal impact, review lists, subject access, erasure).
"""
