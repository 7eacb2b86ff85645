"""Withdrawal impact: where a person's photos have gone, so staff can recall them."""

from dataclasses import dataclass

from quiltarchive.archive import Archive
from quiltarchive.model.publication import Publication
from quiltarchive.storage.ledger import LedgerStore


@dataclass(frozen=True, slots=True)
class CollectionImpact:
    collection_id: int
    name: str
    photo_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Impact:
    person_id: int
    name: str
    photo_ids: tuple[int, ...]  # photos in which the person is identifiable
    collections: tuple[CollectionImpact, ...]
    publications: tuple[Publication, ...]  # past exports, each with only the affected files

    @property
    def nothing_to_recall(self) -> bool:
        return not self.collections and not self.publications


def withdrawal_impact(archive: Archive, person_id: int) -> Impact:
    person = archive.people.get(person_id)
    photo_ids = tuple(
        sorted({a.photo_id for a in archive.appearances.of_person(person_id) if a.identifiable})
    )
    consent_ids = [c.id for c in archive.consents.of_person(person_id)]
    ledger = LedgerStore(archive.db)
    collections = tuple(
        CollectionImpact(cid, name, tuple(photos))
        for cid, name, photos in ledger.collections_holding(photo_ids)
    )
    publications = tuple(ledger.publications_holding(photo_ids, consent_ids))
    return Impact(person_id, person.name, photo_ids, collections, publications)
