"""Finding the quilt or patch a caller means: a record, an id, a name or a code."""

from quiltarchive.archive import Archive
from quiltarchive.model.patch import Patch
from quiltarchive.model.quilt import Quilt

QuiltRef = Quilt | int | str  # a quilt, its id, or its name
PatchRef = Patch | int | str  # a patch, its id, or its code


def find_quilt(archive: Archive, quilt: QuiltRef) -> Quilt:
    """The quilt meant by a record, an id or a name (names ignore letter case)."""
    if isinstance(quilt, Quilt):
        return archive.quilts.get(quilt.id)
    if isinstance(quilt, int):
        return archive.quilts.get(quilt)
    return archive.quilts.named(quilt)


def find_patch(archive: Archive, patch: PatchRef) -> Patch:
    """The patch meant by a record, an id or a code (codes ignore letter case)."""
    if isinstance(patch, Patch):
        return archive.patches.get(patch.id)
    if isinstance(patch, int):
        return archive.patches.get(patch)
    return archive.patches.by_code(patch)
