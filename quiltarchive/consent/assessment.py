"""Asking the rules about photos, patches and stories in the archive: the functions every view,
list and export uses."""

from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from functools import cache

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.kept import Decide, brought_up_to_date
from quiltarchive.consent.rules import (
    Standing,
    decide_patch,
    decide_photo,
    decide_story,
    person_standing,
    photo_level_reasons,
)
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.consent import Use
from quiltarchive.model.consent_facts import ArchiveFacts, PersonFacts, PhotoFacts
from quiltarchive.model.decision import Decision
from quiltarchive.model.subject import Subject, SubjectKind
from quiltarchive.storage.consent_facts import ConsentFactsStore


def load_facts(
    archive: Archive, photo_ids: Iterable[int] | None
) -> tuple[list[PhotoFacts], ArchiveFacts]:
    store = ConsentFactsStore(archive.db)
    photos = store.photos(photo_ids)
    if photo_ids is None:
        people = store.people(None)
    else:
        people = store.people(
            a.person_id for p in photos for a in p.appearances if a.person_id is not None
        )
    return photos, ArchiveFacts(people, archive.settings.guardian_consent_age())


def assess(
    archive: Archive,
    photo_id: int,
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> Decision:
    """May this photo be used for `use` on `on_day` (default: today)?"""
    decisions = assess_photos(archive, [photo_id], use, on_day, blur_regions=blur_regions)
    if photo_id not in decisions:
        raise NotFound(f"There is no photo with id {photo_id}.")
    return decisions[photo_id]


def assess_photos(
    archive: Archive,
    photo_ids: Iterable[int] | None,
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> dict[int, Decision]:
    """Decisions for many photos (all when `photo_ids` is None), from one bulk load."""
    day = on_day or clock.today()
    photos, facts = load_facts(archive, photo_ids)
    standings: dict[int, Standing] = {}
    return {
        photo.id: decide_photo(photo, facts, use, day, blur=blur_regions, standings=standings)
        for photo in photos
    }


def names_allowed(
    archive: Archive, person_ids: Iterable[int], use: Use, on_day: date | None = None
) -> dict[int, tuple[str, str]]:
    """For each person: (their name as recorded, how they may be named for `use` on the day).

    The second is their credit name when their consent in force covers the use (a child's
    first name at most), and "" when they may not be named at all: no consent for the use,
    credit "none", or do-not-identify. Exports check every text they write against it.
    """
    day = on_day or clock.today()
    store = ConsentFactsStore(archive.db)
    consent_age = archive.settings.guardian_consent_age()
    found: dict[int, tuple[str, str]] = {}
    for person_id, person in store.people(person_ids).items():
        standing = person_standing(person, use, day, consent_age)
        found[person_id] = (person.name, standing.credit_name if standing.ok else "")
    return found


def allowed_photo_ids(
    archive: Archive,
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> set[int]:
    """Which photos of the whole archive may be used for `use` on the day.

    The same rules as `assess_photos`, applied to sets rather than photo by photo: the photo
    rules once per distinct (withheld, rights, review) state, each person's standing once (and
    kept until a consent record changes), then one query for the photos no one stops. For
    smart lists and counts; `assess_photos` gives the reasons for the photos someone looks at.
    """
    return allowed_photo_ids_by_use(archive, [use], on_day, blur_regions=blur_regions)[use]


def allowed_photo_ids_by_use(
    archive: Archive,
    uses: Iterable[Use],
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> dict[Use, set[int]]:
    """`allowed_photo_ids` for several uses, reading the archive once for all of them."""
    day = on_day or clock.today()
    store = ConsentFactsStore(archive.db)
    states = store.photo_states()
    standings = standings_by_use(archive, [u for u in uses if u is not Use.ARCHIVE], day)
    allowed: dict[Use, set[int]] = {}
    for use in dict.fromkeys(uses):
        passing = [state for state in states if not photo_level_reasons(0, *state, use)]
        if use is Use.ARCHIVE:
            allowed[use] = set(store.photo_ids_in_states(passing))
        else:
            allowed[use] = store.photos_without_blocking_people(
                passing, standings[use].out_of_standing, blur=blur_regions
            )
    return allowed


@dataclass(frozen=True, slots=True)
class UseStandings:
    """Every recorded person, split by whether they may be shown for one use on one day."""

    in_good_standing: frozenset[int]  # named, not do-not-identify, a consent that counts
    out_of_standing: frozenset[int]


def people_in_good_standing(archive: Archive, use: Use, day: date) -> frozenset[int]:
    """Everyone who may be shown for `use` on `day`. Kept per archive session until any consent
    record changes."""
    return standings_by_use(archive, [use], day)[use].in_good_standing


def standings_by_use(
    archive: Archive,
    uses: Iterable[Use],
    day: date,
    everyone: Callable[[], dict[int, PersonFacts]] | None = None,
) -> dict[Use, UseStandings]:
    """Each person's standing for several uses, loading the people at most once. Kept for the
    session, and after a change decided again only for the people it concerns (consent.kept).

    `everyone` loads every person, once, when asked: a caller that needs them as well passes
    its own loader and shares the load. It is asked only after the consent epoch is read.
    """
    store = ConsentFactsStore(archive.db)
    epoch = store.consent_epoch()
    everyone = everyone or cache(store.people)
    consent_age = cache(archive.settings.guardian_consent_age)

    def decide(use: Use) -> Decide[UseStandings]:
        return lambda people, kept, changed: _decided(
            people, use, day, consent_age(), kept=kept, changed=changed
        )

    return {
        use: brought_up_to_date(
            archive, epoch, ("standings", use, day), UseStandings, decide(use), everyone
        )
        for use in dict.fromkeys(uses)
    }


def _decided(
    people: dict[int, PersonFacts],
    use: Use,
    day: date,
    consent_age: int,
    *,
    kept: UseStandings | None = None,
    changed: AbstractSet[int] = frozenset(),
) -> UseStandings:
    """The standings of `people`, on top of those `kept` for everyone whose records did not
    change (a person in `changed` and not in `people` no longer exists)."""
    good = set(kept.in_good_standing - changed) if kept else set()
    out = set(kept.out_of_standing - changed) if kept else set()
    for person_id, person in people.items():
        (good if person_standing(person, use, day, consent_age).ok else out).add(person_id)
    return UseStandings(frozenset(good), frozenset(out))


def assess_subject(
    archive: Archive,
    subject: Subject,
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
    shown_photo_id: int | None = None,
) -> Decision:
    """May this photo, patch or story leave the archive for `use` on `on_day`?

    A patch needs its maker's consent covering the use (and story permission when
    `subject.with_story`), and the photo that would show it allowed: its front photo, or
    `shown_photo_id` (another of its photos). A story needs its teller's consent covering the
    use, with story permission.
    """
    shown = {subject.id: shown_photo_id} if shown_photo_id is not None else None
    decisions = assess_subjects(
        archive, [subject], use, on_day, blur_regions=blur_regions, shown_photos=shown
    )
    if subject not in decisions:
        raise NotFound(f"There is no {subject.kind.value} with id {subject.id}.")
    return decisions[subject]


def assess_subjects(
    archive: Archive,
    subjects: Iterable[Subject],
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
    shown_photos: Mapping[int, int] | None = None,
) -> dict[Subject, Decision]:
    """Decisions for many subjects of any kind, from one bulk load. Unknown ids are left out.
    `shown_photos` maps a patch id to the photo of it that would be shown, if not its front."""
    day = on_day or clock.today()
    wanted = list(dict.fromkeys(subjects))
    store = ConsentFactsStore(archive.db)
    by_kind: dict[SubjectKind, list[Subject]] = {kind: [] for kind in SubjectKind}
    for subject in wanted:
        by_kind[subject.kind].append(subject)
    patches = {p.id: p for p in store.patches(s.id for s in by_kind[SubjectKind.PATCH])}
    for patch_id, photo_id in (shown_photos or {}).items():
        if patch_id in patches:
            _check_shown_photo(archive, patch_id, photo_id)
            patches[patch_id] = patches[patch_id]._replace(shown_photo_id=photo_id)
    stories = {s.id: s for s in store.stories(s.id for s in by_kind[SubjectKind.STORY])}
    photo_ids = [s.id for s in by_kind[SubjectKind.PHOTO]]
    photo_ids += [p.shown_photo_id for p in patches.values() if p.shown_photo_id is not None]
    photos = {p.id: p for p in store.photos(photo_ids)}
    person_ids = {a.person_id for p in photos.values() for a in p.appearances if a.person_id}
    person_ids |= {p.maker_id for p in patches.values() if p.maker_id is not None}
    person_ids |= {s.teller_id for s in stories.values() if s.teller_id is not None}
    facts = ArchiveFacts(store.people(person_ids), archive.settings.guardian_consent_age())
    standings: dict[int, Standing] = {}
    maker_standings: dict[tuple[int, bool], Standing] = {}
    decisions: dict[Subject, Decision] = {}
    for subject in wanted:
        if subject.kind is SubjectKind.PHOTO and subject.id in photos:
            decisions[subject] = decide_photo(
                photos[subject.id], facts, use, day, blur=blur_regions, standings=standings
            )
        elif subject.kind is SubjectKind.PATCH and subject.id in patches:
            patch = patches[subject.id]
            shown = photos.get(patch.shown_photo_id) if patch.shown_photo_id else None
            decisions[subject] = decide_patch(
                patch,
                shown,
                facts,
                use,
                day,
                with_story=subject.with_story,
                blur=blur_regions,
                standings=standings,
                maker_standings=maker_standings,
            )
        elif subject.kind is SubjectKind.STORY and subject.id in stories:
            decisions[subject] = decide_story(stories[subject.id], facts, use, day)
    return decisions


def _check_shown_photo(archive: Archive, patch_id: int, photo_id: int) -> None:
    patch = archive.patches.get(patch_id)
    if photo_id not in {p.photo_id for p in patch.photos}:
        raise InvalidInput(f"Photo {photo_id} is not a photo of patch {patch.code}.")
