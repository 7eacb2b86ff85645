"""Erasure (the right to be forgotten): remove a person's personal data and consent forms,
withhold or delete the photos in which they are identifiable, and leave on the audit trail only
that an erasure happened."""

from dataclasses import dataclass

from quiltarchive import files
from quiltarchive.archive import Archive
from quiltarchive.storage.audit import ERASURE
from quiltarchive.storage.erasure import REDACTED, ErasureStore, backup_holds


@dataclass(frozen=True, slots=True)
class ErasureReport:
    person_id: int
    photos_withheld: tuple[int, ...]
    photos_deleted: tuple[int, ...]
    consents_removed: int
    consents_removed_from_others: tuple[int, ...]  # people whose consent this person had given
    consent_forms_deleted: int
    patches_unattributed: tuple[int, ...]  # their patches: kept, with no maker and no story
    stories_deleted: tuple[int, ...]  # the stories they told
    texts_scrubbed: int
    audit_entries_redacted: int
    backups_removed: int


@dataclass(frozen=True, slots=True)
class ErasurePlan:
    """What erasing a person will do, to show before anyone confirms it."""

    person_id: int
    name: str
    photo_ids: tuple[int, ...]  # identifiable in: withheld, or deleted if chosen
    consents: int
    consent_forms: int  # scans of their forms, and of forms they signed for others
    given_for: tuple[str, ...]  # names of the people they gave consent for, as a guardian
    patches: int  # kept, without a maker and without the maker's story
    stories: int  # deleted


def plan_erasure(archive: Archive, person_id: int) -> ErasurePlan:
    person = archive.people.get(person_id)
    own = archive.consents.of_person(person_id)
    given_for_others = archive.consents.given_by(person_id)
    others = archive.people.get_many(sorted({c.person_id for c in given_for_others}))
    return ErasurePlan(
        person_id=person_id,
        name=person.name,
        photo_ids=tuple(
            sorted({a.photo_id for a in archive.appearances.of_person(person_id) if a.identifiable})
        ),
        consents=len(own),
        consent_forms=len({c.scan_sha256 for c in own + given_for_others if c.scan_sha256}),
        given_for=tuple(p.name for p in others),
        patches=len(archive.patches.list(maker_id=person_id)),
        stories=len(archive.stories.list(teller_id=person_id)),
    )


def erase_person(archive: Archive, person_id: int, *, delete_photos: bool = False) -> ErasureReport:
    person = archive.people.get(person_id)
    appearances = archive.appearances.of_person(person_id)
    shown_in = sorted({a.photo_id for a in appearances if a.identifiable})
    own = archive.consents.of_person(person_id)
    given_for_others = archive.consents.given_by(person_id)
    scans = {(c.scan_sha256, c.scan_extension) for c in own + given_for_others if c.scan_sha256}
    patch_ids = [p.id for p in archive.patches.list(maker_id=person_id)]
    stories = archive.stories.list(teller_id=person_id)
    entities = (
        [("person", person_id)]
        + [("consent", c.id) for c in own + given_for_others]
        + [("appearance", a.id) for a in appearances]
        + [("patch", patch_id) for patch_id in patch_ids]
        + [("story", s.id) for s in stories]
    )
    store = ErasureStore(archive.db)
    removed_originals: list[tuple[str, str]] = []
    with archive.atomic():
        erasure_seq = archive.audit.record(
            ERASURE,
            "person",
            person_id,
            after={"photos": len(shown_in), "photos_deleted": delete_photos},
        )
        about = set(archive.audit.seqs_about(entities)) - {erasure_seq}
        mentioning = set(archive.audit.seqs_mentioning(person.name)) - about - {erasure_seq}
        redacted = archive.audit.redact(sorted(about), by_seq=erasure_seq)
        redacted += archive.audit.scrub(
            sorted(mentioning), person.name, REDACTED, by_seq=erasure_seq
        )
        touched = archive.appearances.make_unknown(person_id)
        for consent in given_for_others + own:
            archive.consents.delete(consent.id)
        for photo_id in shown_in:
            if delete_photos:
                photo = archive.photos.get(photo_id)
                removed_originals.append((photo.sha256, photo.extension))
                archive.photos.delete(photo_id)
            else:
                archive.photos.set_withheld(photo_id, True)
        store.forget_maker(person_id)
        for story in stories:
            archive.stories.delete(story.id)
        archive.people.delete(person_id)
        scrubbed = store.scrub_name(person.name)
        archive.search_index.reindex(p for p in touched if p not in shown_in or not delete_photos)
        archive.work_search.reindex_patches(patch_ids)
        work_photos = {
            p.photo_id for patch in archive.patches.get_many(patch_ids) for p in patch.photos
        }
        archive.search_index.reindex(work_photos.union(*(s.photo_ids for s in stories)))
        # Any other document whose words held the name (a caption, an event's notes).
        still = store.search_rows_mentioning(person.name)
        archive.search_index.reindex(still["photo_search"])
        archive.work_search.reindex_patches(still["patch_search"])
        archive.work_search.reindex_stories(still["story_search"])
        store.rebuild_search_index()

    forms_deleted = 0
    for sha256, extension in scans:
        if not archive.consents.scan_in_use(sha256):
            files.remove_file(archive.layout.consent_form_path(sha256, extension or ""))
            forms_deleted += 1
    for sha256, extension in removed_originals:
        files.remove_file(archive.layout.original_path(sha256, extension))
        files.remove_file(archive.layout.thumbnail_path(sha256))
        files.remove_file(archive.layout.preview_path(sha256))
    backups = _remove_backups(archive, person_id, person.name)
    store.compact()
    return ErasureReport(
        person_id=person_id,
        photos_withheld=() if delete_photos else tuple(shown_in),
        photos_deleted=tuple(shown_in) if delete_photos else (),
        consents_removed=len(own),
        consents_removed_from_others=tuple(sorted({c.person_id for c in given_for_others})),
        consent_forms_deleted=forms_deleted,
        patches_unattributed=tuple(patch_ids),
        stories_deleted=tuple(s.id for s in stories),
        texts_scrubbed=scrubbed,
        audit_entries_redacted=redacted,
        backups_removed=backups,
    )


def _remove_backups(archive: Archive, person_id: int, name: str) -> int:
    """Copies of the catalogue made before upgrades that still hold the person go too."""
    removed = 0
    for backup in sorted(archive.layout.backups.glob("*.sqlite")):
        if backup_holds(backup, person_id, name):
            for path in (backup, *backup.parent.glob(backup.name + "-*")):
                files.remove_file(path)
            removed += 1
    return removed
