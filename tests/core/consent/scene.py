"""Building consent situations in a real archive, the way a librarian records them."""

import shutil
from datetime import date, timedelta
from itertools import count
from pathlib import Path

from PIL import Image

from quiltarchive.archive import Archive
from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.consents import record_consent, withdraw_consent
from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights, set_withheld

D = date(2026, 6, 15)  # the day every example is decided for
FACE = Box(0.4, 0.2, 0.2, 0.3)


class Scene:
    def __init__(self, archive: Archive, folder: Path) -> None:
        self.archive = archive
        self.folder = folder
        self._serial = count(1)

    def photo(
        self,
        review: ReviewState = ReviewState.UNREVIEWED,
        rights: Rights = Rights.UNKNOWN,
        withheld: bool = False,
    ) -> int:
        """A real, distinct image imported into the archive, then reviewed as asked."""
        serial = next(self._serial)
        path = self.folder / f"IMG_{serial:04d}.png"
        Image.new("RGB", (64, 48), (serial * 37 % 256, serial * 91 % 256, 120)).save(path)
        summary = list(import_photos(self.archive, [path], workers=1))[-1].summary
        (photo_id,) = [p.id for p in self.archive.photos.list(batch_id=summary.batch_id)]
        if rights is not Rights.UNKNOWN:
            set_rights(
                self.archive, photo_id, rights, "CC BY 4.0" if rights is Rights.LICENSED else ""
            )
        if review is not ReviewState.UNREVIEWED:
            set_review_state(self.archive, photo_id, review)
        if withheld:
            set_withheld(self.archive, photo_id, True)
        return photo_id

    def reviewed_photo(self) -> int:
        return self.photo(ReviewState.REVIEWED, Rights.STAFF)

    def adult(self, name: str = "Amina Yusuf", **options) -> int:
        return add_person(self.archive, name, age_band=AgeBand.ADULT, **options).id

    def child(self, name: str = "Tom Okafor", age: int = 9, guardians=()) -> int:
        return add_person(
            self.archive, name, birth_year=D.year - age - 1, guardian_ids=guardians
        ).id

    def consent(
        self,
        person: int,
        uses=(Use.WEB, Use.PRINT),
        *,
        by: int | None = None,
        given_on: date = D - timedelta(days=30),
        expires_on: date | None = None,
        credit: Credit | None = None,
        supersedes: int | None = None,
        story: bool = False,
    ) -> int:
        return record_consent(
            self.archive,
            person,
            given_by_id=by if by is not None else person,
            given_on=given_on,
            uses=uses,
            expires_on=expires_on,
            credit=credit,
            supersedes_id=supersedes,
            story=story,
        ).consent.id

    def withdraw(self, consent_id: int, on: date) -> None:
        withdraw_consent(self.archive, consent_id, on, "asked at the library desk")

    def appears(self, photo: int, person: int | None, *, identifiable=True, box=None) -> int:
        return add_appearance(self.archive, photo, person, box=box, identifiable=identifiable).id


def copy_corpus_file(corpus: Path, name: str, folder: Path) -> Path:
    destination = folder / Path(name).name
    shutil.copy(corpus / name, destination)
    return destination
