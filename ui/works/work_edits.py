"""The app's edits to quilts, patches and stories: undoable commands on the archive's undo
stack, each calling the same core functions as the command line (and so on the audit trail)."""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from quiltarchive.model.patch import Patch, PhotoRole
from quiltarchive.model.quilt import Move, Placement, Position
from quiltarchive.works import patches, placement, quilts, stories
from ui.edits import Change, Edits, Outcome

WORKS = Change(works=True)
Photos = list[tuple[int, PhotoRole]]


def tr(text: str) -> str:
    return QCoreApplication.translate("WorkEdits", text)


class WorkEdits:
    def __init__(self, edits: Edits) -> None:
        self.edits = edits
        self.archive = edits.archive

    # -- ids across undo and redo of their creation ----------------------------------------

    def _quilt(self, quilt_id: int) -> int:
        return self.edits.current("quilt", quilt_id)

    def _patch(self, patch_id: int) -> int:
        return self.edits.current("patch", patch_id)

    def _fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        """The people and event a patch or story names, as they are recorded now."""
        kinds = {"maker_id": "person", "teller_id": "person", "event_id": "event"}
        return {
            key: self.edits.current(kinds[key], value)
            if key in kinds and value is not None
            else value
            for key, value in fields.items()
        }

    def _placement(self, done: Placement) -> Placement:
        def position(at: Position | None) -> Position | None:
            return None if at is None else at._replace(quilt_id=self._quilt(at.quilt_id))

        return Placement(
            tuple(
                Move(self._patch(m.patch_id), m.code, position(m.before), position(m.after))
                for m in done.moves
            )
        )

    # -- quilts ----------------------------------------------------------------------------

    def create_quilt(self, name: str, rows: int, columns: int, notes: str = "") -> Outcome:
        """The result is the Quilt."""
        made: list[int] = []

        def do() -> Any:
            quilt = quilts.create_quilt(self.archive, name, rows, columns, notes)
            self.edits.created("quilt", made, quilt.id)
            return quilt

        return self.edits.run(
            tr("Create quilt “{0}”").format(name.strip()),
            do,
            lambda: quilts.delete_quilt(self.archive, self._quilt(made[0])),
            WORKS,
        )

    def place(self, patch_id: int, quilt_id: int, row: int, column: int) -> Outcome:
        """Place or move a patch; the result is the core's Placement. An occupied cell or one
        outside the grid is refused, with the archive's reason in the outcome."""
        code = self.archive.patches.get(self._patch(patch_id)).code
        latest: list[Placement] = []

        def do() -> Placement:
            if not latest:
                done = placement.place_patch(
                    self.archive, self._patch(patch_id), self._quilt(quilt_id), row, column
                )
            else:  # redo: undo the undo
                done = placement.undo_placement(self.archive, self._placement(latest[0]))
            latest[:] = [done]
            return done

        def undo() -> None:
            latest[:] = [placement.undo_placement(self.archive, self._placement(latest[0]))]

        return self.edits.run(
            tr("Place patch {0} at row {1}, column {2}").format(code, row, column),
            do,
            undo,
            WORKS,
        )

    def unplace(self, patch_id: int) -> Outcome:
        code = self.archive.patches.get(self._patch(patch_id)).code
        latest: list[Placement] = []

        def do() -> Placement:
            if not latest:
                done = placement.unplace_patch(self.archive, self._patch(patch_id))
            else:
                done = placement.undo_placement(self.archive, self._placement(latest[0]))
            latest[:] = [done]
            return done

        def undo() -> None:
            latest[:] = [placement.undo_placement(self.archive, self._placement(latest[0]))]

        return self.edits.run(tr("Take patch {0} out of its quilt").format(code), do, undo, WORKS)

    # -- patches ---------------------------------------------------------------------------

    def add_patch(self, code: str, photos: Photos, **fields: Any) -> Outcome:
        """Record a patch with its photos; the result is the Patch."""
        made: list[int] = []

        def do() -> Patch:
            patch = patches.add_patch(self.archive, code, photos=photos, **self._fields(fields))
            self.edits.created("patch", made, patch.id)
            return patch

        return self.edits.run(
            tr("Add patch {0}").format(code.strip().upper()),
            do,
            lambda: patches.delete_patch(self.archive, self._patch(made[0])),
            WORKS,
        )

    def update_patch(self, patch_id: int, photos: Photos | None, **changes: Any) -> Outcome:
        """Change a patch's record and (unless None) its photos, as one undoable edit."""
        before = self.archive.patches.get(self._patch(patch_id))
        previous = {key: getattr(before, key) for key in changes}
        old_photos = [(p.photo_id, p.role) for p in before.photos]

        def change(fields: dict[str, Any], chosen: Photos | None) -> Patch:
            current = self._patch(patch_id)
            with self.archive.atomic():
                if fields:
                    patches.update_patch(self.archive, current, **self._fields(fields))
                if chosen is not None:
                    patches.set_patch_photos(self.archive, current, chosen)
                return self.archive.patches.get(current)

        return self.edits.run(
            tr("Change patch {0}").format(before.code),
            lambda: change(changes, photos),
            lambda: change(previous, old_photos if photos is not None else None),
            WORKS,
        )

    # -- stories ---------------------------------------------------------------------------

    def add_story(self, title: str, **fields: Any) -> Outcome:
        """Record a story; the result is the Story."""
        made: list[int] = []

        def do() -> Any:
            linked = [self._patch(p) for p in fields.get("patches", ())]
            story = stories.add_story(
                self.archive, title, **{**self._fields(fields), "patches": linked}
            )
            self.edits.created("story", made, story.id)
            return story

        return self.edits.run(
            tr("Add story “{0}”").format(title.strip()),
            do,
            lambda: stories.delete_story(self.archive, self.edits.current("story", made[0])),
            WORKS,
        )

    def update_story(
        self, story_id: int, photo_ids: Iterable[int], patch_ids: Iterable[int], **changes: Any
    ) -> Outcome:
        before = self.archive.stories.get(self.edits.current("story", story_id))
        previous = {key: getattr(before, key) for key in changes}
        photos, linked = list(photo_ids), list(patch_ids)

        def change(patch_ids: list[int], photo_ids: Iterable[int], fields: dict[str, Any]) -> Any:
            return stories.update_story(
                self.archive,
                self.edits.current("story", story_id),
                photo_ids=list(photo_ids),
                patches=[self._patch(p) for p in patch_ids],
                **self._fields(fields),
            )

        return self.edits.run(
            tr("Change story “{0}”").format(before.title),
            lambda: change(linked, photos, changes),
            lambda: change(list(before.patch_ids), before.photo_ids, previous),
            WORKS,
        )
