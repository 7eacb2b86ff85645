"""The consent decision as pure functions: no storage, no clock, no side effects.

May photo P be used for use U on day D? Fail closed: every failing rule gives its reason in plain
words, naming the person and the use, and any one of them makes the answer no. See the consent
model in the README for the rules these functions carry out, in the same order.
"""

from dataclasses import dataclass
from datetime import date

from quiltarchive.consent.credit import credit_line, credited_name, possessive
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Consent, Use
from quiltarchive.model.consent_facts import (
    ArchiveFacts,
    PatchFacts,
    PersonFacts,
    PhotoFacts,
    StoryFacts,
)
from quiltarchive.model.decision import Decision
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights

# Youngest and oldest age each band may mean; a decision assumes the youngest.
AGE_BANDS = {AgeBand.CHILD: 0, AgeBand.TEEN: 13, AgeBand.ADULT: 18}


@dataclass(frozen=True, slots=True)
class Standing:
    """Where one person stands for one use on one day."""

    ok: bool
    reason: str = ""
    consent_id: int | None = None
    credit_name: str = ""


# How each use is named in reasons: the words a librarian would say, not the stored value.
USE_WORDS = {Use.SOCIAL: "social media"}


def in_words(use: Use) -> str:
    return USE_WORDS.get(use, use.value)


# -- age ----------------------------------------------------------------------------------


def youngest_possible_age(person: PersonFacts, day: date) -> int | None:
    """The lowest age the records allow on `day`, or None when nothing is recorded.

    A birth year leaves a year's doubt, so the younger age is taken; an age band, its lowest age.
    """
    ages = []
    if person.birth_year is not None:
        ages.append(day.year - person.birth_year - 1)
    if person.age_band is not None:
        ages.append(AGE_BANDS[person.age_band])
    return min(ages) if ages else None


def is_minor(person: PersonFacts, day: date, consent_age: int) -> bool:
    """Under the archive's age of consent on `day`; an unknown age counts as a minor."""
    age = youngest_possible_age(person, day)
    return age is None or age < consent_age


# -- one consent -------------------------------------------------------------------------------


def superseded_on(consents: tuple[Consent, ...]) -> dict[int, date]:
    """For each superseded consent, the day the consent replacing it was given."""
    dates: dict[int, date] = {}
    for consent in consents:
        if consent.supersedes_id is not None:
            earlier = dates.get(consent.supersedes_id)
            if earlier is None or consent.given_on < earlier:
                dates[consent.supersedes_id] = consent.given_on
    return dates


def why_not_in_force(consent: Consent, day: date, replaced: dict[int, date]) -> str:
    """ "" when the consent is in force on `day`, else which of not-yet/withdrawn/expired/
    superseded stops it."""
    if consent.given_on > day:
        return "not-yet"
    if consent.withdrawal is not None and consent.withdrawal.withdrawn_on <= day:
        return "withdrawn"
    if consent.expires_on is not None and consent.expires_on < day:
        return "expired"
    replaced_on = replaced.get(consent.id)
    if replaced_on is not None and replaced_on <= day:
        return "superseded"
    return ""


def giver_is_valid(consent: Consent, person: PersonFacts, day: date, consent_age: int) -> bool:
    """Consent is given by the person or by one of their recorded guardians; a minor cannot give
    it themself, and a consent a child gave themself does not become valid as they grow up.
    A group cannot sign for itself: only a recorded responsible adult (a guardian) gives it."""
    if consent.given_by_id in person.guardian_ids:
        return True
    if consent.given_by_id != person.id or person.is_group:
        return False
    return not is_minor(person, day, consent_age) and not is_minor(
        person, consent.given_on, consent_age
    )


# -- one person --------------------------------------------------------------------------------


def standing(
    person: PersonFacts, use: Use, day: date, consent_age: int, *, story: bool = False
) -> Standing:
    """Whether `person` has a consent in force on `day` that covers `use` (and, for a story,
    gives story permission), given by someone entitled to give it."""
    name, what = person.name, in_words(use)
    if not person.consents:
        return Standing(False, f"{name} has no consent recorded (needed for {what}).")
    replaced = superseded_on(person.consents)
    in_force = [c for c in person.consents if not why_not_in_force(c, day, replaced)]
    covering = [c for c in in_force if use in c.uses]
    with_story = [c for c in covering if c.story or not story]
    valid = [c for c in with_story if giver_is_valid(c, person, day, consent_age)]
    if valid:
        chosen = max(valid, key=lambda c: (c.given_on, c.id))
        minor = is_minor(person, day, consent_age)
        credit = credited_name(
            person.name,
            chosen.credit or person.credit,
            minor=minor,
            do_not_identify=person.do_not_identify,
            group=person.is_group,
        )
        return Standing(True, consent_id=chosen.id, credit_name=credit)
    if with_story:
        return Standing(False, _giver_reason(person, with_story[-1], use, day, consent_age))
    if covering:
        return Standing(False, f"{name} has not given permission to publish their story.")
    if in_force:
        return Standing(False, f"{possessive(name)} current consent does not cover {what}.")
    return Standing(False, _lapsed_reason(person, use, day, replaced))


def _giver_reason(
    person: PersonFacts, consent: Consent, use: Use, day: date, consent_age: int
) -> str:
    name, what = person.name, in_words(use)
    if person.is_group:
        return (
            f"{name} is a group: consent for {what} must come from a recorded responsible adult "
            "for the group."
        )
    if youngest_possible_age(person, day) is None:
        return (
            f"{possessive(name)} age is not recorded, so {name} counts as a minor: consent for "
            f"{what} must come from a recorded guardian."
        )
    if is_minor(person, day, consent_age):
        return f"{name} is a minor, and no recorded guardian of theirs gave consent for {what}."
    if consent.given_by_id == person.id:
        return (
            f"{name} gave consent for {what} themself while a minor; a recorded guardian must "
            f"give it, or {name} again as an adult."
        )
    return (
        f"The consent for {what} was given by someone who is neither {name} nor a recorded "
        f"guardian of theirs."
    )


def _lapsed_reason(person: PersonFacts, use: Use, day: date, replaced: dict[int, date]) -> str:
    name, what = person.name, in_words(use)
    given = [c for c in person.consents if c.given_on <= day]
    if not given:
        return f"{name} had not given consent by {day.isoformat()} (needed for {what})."
    relevant = [c for c in given if use in c.uses] or given
    latest = max(relevant, key=lambda c: (c.given_on, c.id))
    why = why_not_in_force(latest, day, replaced)
    if why == "withdrawn" and latest.withdrawal is not None:
        when = latest.withdrawal.withdrawn_on.isoformat()
        return f"{name} withdrew consent on {when} (needed for {what})."
    if why == "expired" and latest.expires_on is not None:
        expired = latest.expires_on.isoformat()
        return f"{possessive(name)} consent expired on {expired} (needed for {what})."
    return f"{name} has no consent in force on {day.isoformat()} for {what}."


# -- one photo ---------------------------------------------------------------------------------


def photo_level_reasons(
    photo_id: int, withheld: bool, rights: Rights, review_state: ReviewState, use: Use
) -> list[str]:
    """Rules 1 to 3: what stops a photo whatever the people in it agreed to."""
    reasons = []
    if withheld:
        reasons.append(f"Photo {photo_id} is withheld by staff.")
    if use is Use.ARCHIVE:
        return reasons
    if rights is Rights.UNKNOWN:
        reasons.append(
            f"The rights to photo {photo_id} are unknown: record whether staff took it or "
            "it is used under a licence."
        )
    if review_state is ReviewState.UNREVIEWED:
        reasons.append(f"Nobody has recorded yet who is in photo {photo_id}.")
    return reasons


def person_standing(person: PersonFacts | None, use: Use, day: date, consent_age: int) -> Standing:
    """Rule 4 for one named person: on record, not do-not-identify, with a consent that counts.
    (The photo id is filled into the reason by the caller.)"""
    if person is None:
        return Standing(False, "Person {person_id}, shown in photo {photo_id}, is not on record.")
    if person.is_group:
        # A group's consent covers its work, never the faces of the people in it.
        return Standing(
            False,
            f"{person.name} is a group, recorded in photo {{photo_id}} as one person: record "
            "each identifiable member, or mark the group not identifiable.",
        )
    if person.do_not_identify:
        return Standing(
            False,
            f"{person.name} must never be identifiable outside the archive (do-not-identify), "
            "so photo {photo_id} cannot be used for " + f"{in_words(use)} unless they are blurred.",
        )
    return standing(person, use, day, consent_age)


def fill_in(reason: str, photo_id: int, person_id: int) -> str:
    """Put the photo and person ids into a reason (never str.format: names may hold braces)."""
    return reason.replace("{photo_id}", str(photo_id)).replace("{person_id}", str(person_id))


def decide_photo(
    photo: PhotoFacts,
    facts: ArchiveFacts,
    use: Use,
    day: date,
    *,
    blur: bool = False,
    standings: dict[int, Standing] | None = None,
) -> Decision:
    """The decision for one photo. `blur`: the export blurs the regions of people who would
    otherwise stop it, so those with a marked region no longer do. `standings` caches each
    person's standing across the photos of one bulk assessment (same use and day)."""
    return _decision(*_photo_findings(photo, facts, use, day, blur, standings), use, day)


Findings = tuple[list[str], list[str], list[int], list[Box]]  # reasons, credits, consents, blur


def _photo_findings(
    photo: PhotoFacts,
    facts: ArchiveFacts,
    use: Use,
    day: date,
    blur: bool,
    standings: dict[int, Standing] | None,
) -> Findings:
    reasons = photo_level_reasons(photo.id, photo.withheld, photo.rights, photo.review_state, use)
    credits: list[str] = []
    consent_ids: list[int] = []
    to_blur: list[Box] = []
    if use is Use.ARCHIVE:
        return reasons, credits, consent_ids, to_blur
    cache = standings if standings is not None else {}
    for appearance in photo.appearances:
        if not appearance.identifiable:
            continue
        if appearance.person_id is None:
            problem = (
                f"An unidentified person is in photo {photo.id}: for {in_words(use)} they must be "
                "identified and consent, be marked not identifiable, or be blurred."
            )
        else:
            found = cache.get(appearance.person_id)
            if found is None:
                person = facts.people.get(appearance.person_id)
                found = person_standing(person, use, day, facts.guardian_consent_age)
                cache[appearance.person_id] = found
            if found.ok:
                credits.append(found.credit_name)
                consent_ids.append(found.consent_id or 0)
                continue
            problem = fill_in(found.reason, photo.id, appearance.person_id)
        if blur and appearance.box is not None:
            to_blur.append(appearance.box)
        elif blur:
            reasons.append(f"{problem} No region is marked around them, so they cannot be blurred.")
        else:
            reasons.append(problem)
    return reasons, credits, consent_ids, to_blur


def decide_maker_work(
    maker: PersonFacts | None,
    facts: ArchiveFacts,
    use: Use,
    day: date,
    *,
    what: str,
    story: bool,
    role: str = "maker",
) -> Standing:
    """A patch or a story is its maker's work: the maker's consent in force must cover the use,
    and a story also needs story permission. `what` names the work in reasons, `role` the maker
    (maker, teller)."""
    if use is Use.ARCHIVE:
        return Standing(True)
    if maker is None:
        return Standing(
            False, f"The {role} of {what} is not recorded (needed for {in_words(use)})."
        )
    return standing(maker, use, day, facts.guardian_consent_age, story=story)


# -- patches and stories -------------------------------------------------------------------


def decide_patch(
    patch: PatchFacts,
    photo: PhotoFacts | None,
    facts: ArchiveFacts,
    use: Use,
    day: date,
    *,
    with_story: bool = False,
    blur: bool = False,
    standings: dict[int, Standing] | None = None,
    maker_standings: dict[tuple[int, bool], Standing] | None = None,
) -> Decision:
    """May a patch leave the archive for `use` on `day`? Its maker's consent in force must cover
    the use (with story permission when the maker's own words go with it), and `photo`, the
    photo that would show it, must itself be allowed: rights, review, and everyone identifiable
    in it. The credit names the maker first, then anyone credited in the photo."""
    findings: Findings = ([], [], [], [])
    if photo is not None:
        findings = _photo_findings(photo, facts, use, day, blur, standings)
    elif use is not Use.ARCHIVE:
        findings[0].append(f"Patch {patch.code} has no photo to show it: record its front photo.")
    reasons, credits, consent_ids, to_blur = findings
    maker = facts.people.get(patch.maker_id) if patch.maker_id is not None else None
    cache = maker_standings if maker_standings is not None else {}
    key = (patch.maker_id or 0, with_story)
    work = cache.get(key) if maker is not None else None
    if work is None:
        work = decide_maker_work(
            maker, facts, use, day, what=f"patch {patch.code}", story=with_story
        )
        if maker is not None:
            cache[key] = work
    if not work.ok:
        reasons.insert(0, work.reason if maker is None else f"Patch {patch.code}: {work.reason}")
    elif work.consent_id is not None:
        credits.insert(0, work.credit_name)
        consent_ids.append(work.consent_id)
    return _decision(reasons, credits, consent_ids, to_blur, use, day)


def decide_story(
    story: StoryFacts,
    facts: ArchiveFacts,
    use: Use,
    day: date,
) -> Decision:
    """May a story be published for `use` on `day`? Its teller's consent in force must cover the
    use and give story permission. (Each photo or patch shown with it is decided on its own.)"""
    teller = facts.people.get(story.teller_id) if story.teller_id is not None else None
    what = f"the story “{story.title}”"
    work = decide_maker_work(teller, facts, use, day, what=what, story=True, role="teller")
    if not work.ok:
        reason = work.reason if teller is None else f"Story “{story.title}”: {work.reason}"
        return _decision([reason], [], [], [], use, day)
    consents = [work.consent_id] if work.consent_id is not None else []
    return _decision([], [work.credit_name], consents, [], use, day)


def _decision(
    reasons: list[str],
    credits: list[str],
    consent_ids: list[int],
    to_blur: list[Box],
    use: Use,
    day: date,
) -> Decision:
    unique = tuple(dict.fromkeys(reasons))
    allowed = not unique
    return Decision(
        allowed=allowed,
        reasons=unique,
        credit=credit_line(credits) if allowed else "",
        consent_ids=tuple(sorted(set(consent_ids))) if allowed else (),
        blur=tuple(to_blur) if allowed else (),
        use=use,
        day=day,
    )
