"""Taking a curated set out of the archive: offline gallery, press pack, XMP sidecars.

Every export asks `quiltarchive.consent.assessment` about every item on the day of the export
and leaves out whatever it refuses; nothing here decides on its own. Images are made again from
pixels (no camera metadata survives), names come only from consent, and the whole export is
written to a temporary folder that is renamed into place only once it is complete and recorded
in the publication ledger.
"""
