"""The rights and release statements an export writes about each item: the notice, the terms
of use (which uses the people shown consented to, and until when), and the facts for an XMP
sidecar. Everything follows from the consent decision already made; nothing here decides."""

from datetime import date

from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import load_facts
from quiltarchive.consent.rules import youngest_possible_age
from quiltarchive.export.plan import PlannedItem
from quiltarchive.export.pseudonyms import person_pseudonym
from quiltarchive.export.xmp import Artwork, Region, SidecarFacts, age_code
from quiltarchive.model.appearance import Appearance
from quiltarchive.model.consent import Use

USE_PHRASES = {
    Use.EXHIBITION: "display at exhibitions and events",
    Use.PRINT: "print (leaflets, posters and reports)",
    Use.WEB: "the web",
    Use.SOCIAL: "social media",
    Use.PRESS: "the press",
}


def use_phrase(use: Use) -> str:
    return USE_PHRASES.get(use, use.value)


def rights_notice(licence: str, organisation: str, day: date) -> str:
    if licence:
        return f"Used under {licence}."
    if organisation:
        return f"© {day.year} {organisation}. All rights reserved."
    return "All rights reserved."


def usage_terms(archive: Archive, item: PlannedItem, use: Use, day: date) -> str:
    """Which uses the consents relied on all allow, and the earliest day one of them ends."""
    released = f"Released for {use_phrase(use)} on {day.isoformat()}."
    consents = [archive.consents.get(consent_id) for consent_id in item.consent_ids]
    if not consents:
        return (
            f"{released} No identifiable person is shown. Ask the publisher before any other use."
        )
    common = set.intersection(*(set(c.uses) for c in consents)) - {Use.ARCHIVE}
    uses = ", ".join(u.value for u in Use if u in common)
    ends = [c.expires_on for c in consents if c.expires_on is not None]
    until = f" until {min(ends).isoformat()}" if ends else ""
    who = (
        "The people shown"
        if item.item.kind.value == "photo"
        else "The people who made, told or are shown in it"
    )
    return (
        f"{released} {who} consented to its use for {uses}{until}. Consent can be "
        "withdrawn: ask the publisher before any new use."
    )


def shown_people(item: PlannedItem) -> list[Appearance]:
    """Identifiable, named people who stay visible (not blurred) in the exported image."""
    blurred = set(item.blur)
    return [
        a
        for a in item.source.appearances
        if a.identifiable and a.person_id is not None and (a.box is None or a.box not in blurred)
    ]


def sidecar_facts(
    archive: Archive,
    item: PlannedItem,
    *,
    use: Use,
    day: date,
    organisation: str,
    policy_url: str,
    width: int,
    height: int,
) -> SidecarFacts:
    shown = shown_people(item)
    work = item.source.work
    key = archive.settings.pseudonym_key()
    people_ids = list(dict.fromkeys(a.person_id for a in shown if a.person_id is not None))
    minor_age = None
    if people_ids:
        _, facts = load_facts(archive, [item.source.photo_id or 0])
        ages = [youngest_possible_age(facts.people[p], day) for p in people_ids]
        minor_age = age_code(None if None in ages else min(a for a in ages if a is not None))
    return SidecarFacts(
        title=item.title,
        caption=item.caption,
        alt_text=item.alt_text,
        credit=item.credit,
        rights_notice=rights_notice(item.source.licence, organisation, day),
        usage_terms=usage_terms(archive, item, use, day),
        model_release="MR-LMR" if people_ids else "MR-NAP",
        release_ids=tuple(f"consent-{c}" for c in item.consent_ids),
        minor_age=minor_age,
        persons=tuple(person_pseudonym(key, p) for p in people_ids),
        regions=tuple(
            Region(person_pseudonym(key, a.person_id), a.box)
            for a in shown
            if a.box is not None and a.person_id is not None
        ),
        width=width,
        height=height,
        web_statement=policy_url,
        # A quilt patch is an artwork: its maker's consent, relied on above, is its release.
        property_release="PR-LPR" if work is not None and work.code else None,
        artworks=(Artwork(item.caption, work.maker, work.code),)
        if work is not None and work.code
        else (),
    )
