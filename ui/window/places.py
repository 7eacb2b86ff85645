"""The places the sidebar opens: photo lists, people, patches, the lists to work through."""

from dataclasses import dataclass

from quiltarchive.model.consent import Use


@dataclass(frozen=True)
class Place:
    kind: str  # one of KINDS
    id: int | None = None  # the event's, import's or collection's id
    use: Use | None = None  # for "ready"
    title: str = ""

    @property
    def shows_photos(self) -> bool:
        return self.kind in PHOTO_KINDS

    @property
    def needs_consent_overview(self) -> bool:
        return self.kind in ("needs-review", "ready", "withheld")

    def same_as(self, other: "Place") -> bool:
        return (self.kind, self.id, self.use) == (other.kind, other.id, other.use)


PHOTO_KINDS = ("all", "event", "import", "needs-review", "ready", "withheld")
KINDS = (*PHOTO_KINDS, "people", "patches", "expiring", "collection")

ALL_PHOTOS = Place("all")
PEOPLE = Place("people")
PATCHES = Place("patches")
EXPIRING = Place("expiring")
NEEDS_REVIEW = Place("needs-review")
WITHHELD = Place("withheld")
READY_USES = (Use.WEB, Use.PRINT, Use.SOCIAL, Use.PRESS)
