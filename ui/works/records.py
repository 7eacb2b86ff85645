"""What the patch and story lists show, read together off the GUI thread: each record with its
maker's or teller's name, where it sits, its thumbnail and the consent decision for a use."""

from dataclasses import dataclass
from pathlib import Path

from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import assess_subjects
from quiltarchive.model.consent import Use
from quiltarchive.model.decision import Decision
from quiltarchive.model.patch import Patch
from quiltarchive.model.quilt import Quilt
from quiltarchive.model.story import Story
from quiltarchive.model.subject import Subject


@dataclass(frozen=True)
class PatchRow:
    patch: Patch
    maker: str  # the maker's name as recorded ("" if erased)
    quilt: str  # the name of the quilt it is in, "" when unplaced
    thumbnail: Path | None  # the front photo's thumbnail
    decision: Decision


@dataclass(frozen=True)
class StoryRow:
    story: Story
    teller: str
    decision: Decision  # story permission included


@dataclass(frozen=True)
class Works:
    use: Use
    quilts: list[Quilt]
    patches: list[PatchRow]
    stories: list[StoryRow]
    people: list[tuple[int, str]]  # everyone, for the makers' and tellers' lists

    def patch_row(self, patch_id: int) -> PatchRow | None:
        return next((r for r in self.patches if r.patch.id == patch_id), None)


def read_works(archive: Archive, use: Use) -> Works:
    patches = archive.patches.list()
    stories = archive.stories.list()
    quilts = archive.quilts.list()
    subjects = [Subject.patch(p.id) for p in patches] + [Subject.story(s.id) for s in stories]
    decisions = assess_subjects(archive, subjects, use)
    wanted = {p.maker_id for p in patches if p.maker_id}
    wanted |= {s.teller_id for s in stories if s.teller_id}
    people = {person.id: person.name for person in archive.people.get_many(wanted)}
    fronts = {
        photo_id: archive.layout.thumbnail_path(sha256)
        for photo_id, sha256 in archive.photos.hashes(
            p.front_photo_id for p in patches if p.front_photo_id
        ).items()
    }
    names = {q.id: q.name for q in quilts}
    return Works(
        use,
        quilts,
        [
            PatchRow(
                p,
                people.get(p.maker_id or 0, ""),
                names.get(p.position.quilt_id, "") if p.position else "",
                fronts.get(p.front_photo_id or 0),
                decisions[Subject.patch(p.id)],
            )
            for p in patches
        ],
        [
            StoryRow(s, people.get(s.teller_id or 0, ""), decisions[Subject.story(s.id)])
            for s in stories
        ],
        archive.people.names(),
    )
