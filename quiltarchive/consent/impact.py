"""Withdrawal impact: where a person's photos, patches and stories have gone, so staff can
recall them: the collections holding them, and past exports (from the publication ledger)."""

from dataclasses import dataclass

from quiltarchive.archive import Archive
from quiltarchive.model.collection import ItemKind
from quiltarchive.model.publication import Publication
from quiltarchive.storage.ledger import LedgerStore


@dataclass(frozen=True, slots=True)
class CollectionImpact:
    collection_id: int
    name: str
    photo_ids: tuple[int, ...]
    patch_ids: tuple[int, ...] = ()  # the person's patches in the set
    story_ids: tuple[int, ...] = ()  # the stories they told in the set


@dataclass(frozen=True, slots=True)
class Impact:
    person_id: int
    name: str
    photo_ids: tuple[int, ...]  # photos in which the person is identifiable
    collections: tuple[CollectionImpact, ...]
    publications: tuple[Publication, ...]  # past exports, each with only the affected files
    patch_ids: tuple[int, ...] = ()  # patches they made
    story_ids: tuple[int, ...] = ()  # stories they told

    @property
    def nothing_to_recall(self) -> bool:
        return not self.collections and not self.publications


def withdrawal_impact(archive: Archive, person_id: int) -> Impact:
    person = archive.people.get(person_id)
    photo_ids = tuple(
        sorted({a.photo_id for a in archive.appearances.of_person(person_id) if a.identifiable})
    )
    patch_ids = tuple(sorted(p.id for p in archive.patches.list(maker_id=person_id)))
    story_ids = tuple(sorted(s.id for s in archive.stories.list(teller_id=person_id)))
    consent_ids = [c.id for c in archive.consents.of_person(person_id)]
    found: dict[int, tuple[str, dict[ItemKind, list[int]]]] = {}
    for kind, ids in (
        (ItemKind.PHOTO, photo_ids),
        (ItemKind.PATCH, patch_ids),
        (ItemKind.STORY, story_ids),
    ):
        for collection_id, name, targets in archive.collections.holding(kind, ids):
            found.setdefault(collection_id, (name, {}))[1][kind] = targets
    collections = tuple(
        CollectionImpact(
            collection_id,
            name,
            tuple(held.get(ItemKind.PHOTO, ())),
            tuple(held.get(ItemKind.PATCH, ())),
            tuple(held.get(ItemKind.STORY, ())),
        )
        for collection_id, (name, held) in sorted(found.items())
    )
    publications = tuple(
        LedgerStore(archive.db).publications_holding(photo_ids, consent_ids, patch_ids, story_ids)
    )
    return Impact(
        person_id, person.name, photo_ids, collections, publications, patch_ids, story_ids
    )
