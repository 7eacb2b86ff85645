"""`assess`, `impact`, `expiring`, `needs-review`, `audit` and `settings`."""

from datetime import date

import click

from quiltarchive import clock
from quiltarchive.archive_settings import set_guardian_consent_age, set_publisher
from quiltarchive.cli.decisions import print_decision
from quiltarchive.cli.output import json_option, print_json, print_table
from quiltarchive.cli.people_commands import print_impact
from quiltarchive.cli.session import reading, writing
from quiltarchive.cli.values import DAY, USE
from quiltarchive.consent.assessment import assess as assess_photo
from quiltarchive.consent.impact import withdrawal_impact
from quiltarchive.consent.review_lists import expiring_consents, needs_review
from quiltarchive.model.consent import Use


@click.command()
@click.argument("photo_id", type=int)
@click.option(
    "--use",
    "use",
    type=USE,
    required=True,
    help="archive, exhibition, print, web, social or press.",
)
@click.option("--on", "on", type=DAY, help="The day of the decision (default: today).")
@click.option(
    "--blur-unconsented",
    is_flag=True,
    help="As for an export that blurs people who have not consented.",
)
@json_option
@click.pass_context
def assess(
    ctx: click.Context,
    photo_id: int,
    use: Use,
    on: date | None,
    blur_unconsented: bool,
    as_json: bool,
) -> None:
    """May a photo be used for USE on a day? Every reason it may not, in plain words."""
    decision = assess_photo(reading(ctx), photo_id, use, on, blur_regions=blur_unconsented)
    print_decision(f"Photo {photo_id}", {"photo_id": photo_id}, decision, as_json)


@click.command()
@click.argument("person_id", type=int)
@json_option
@click.pass_context
def impact(ctx: click.Context, person_id: int, as_json: bool) -> None:
    """The collections and past exports that hold a person: what to recall on withdrawal."""
    found = withdrawal_impact(reading(ctx), person_id)
    print_json(found) if as_json else print_impact(found)


@click.command()
@click.option("--days", type=click.IntRange(0, 3650), default=30, show_default=True)
@json_option
@click.pass_context
def expiring(ctx: click.Context, days: int, as_json: bool) -> None:
    """Consents in force that expire within the next DAYS days."""
    found = expiring_consents(reading(ctx), days)
    if as_json:
        print_json(found)
        return
    if not found:
        click.echo(f"No consent expires within {days} days.")
        return
    print_table(
        ["consent", "person", "expires", "days left", "photos"],
        [
            (e.consent.id, e.person_name, e.consent.expires_on, e.days_left, len(e.photo_ids))
            for e in found
        ],
    )


@click.command("needs-review")
@json_option
@click.pass_context
def needs_review_command(ctx: click.Context, as_json: bool) -> None:
    """Photos to look at: unreviewed, with an unidentified person, or whose consent lapsed."""
    found = needs_review(reading(ctx))
    if as_json:
        print_json([{"photo_id": pid, "reasons": list(why)} for pid, why in found.items()])
        return
    if not found:
        click.echo("Nothing needs review.")
        return
    print_table(["photo", "why"], [(pid, "; ".join(why)) for pid, why in found.items()])


@click.command()
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the latest N.")
@click.option("--entity", metavar="TYPE:ID", help="Only entries about one record, e.g. person:4.")
@json_option
@click.pass_context
def audit(ctx: click.Context, limit: int | None, entity: str | None, as_json: bool) -> None:
    """The audit trail, latest first: when, who, what, and the record before and after."""
    entity_type = entity_id = None
    if entity:
        entity_type, _, entity_id = entity.partition(":")
    entries = reading(ctx).audit.entries(
        entity_type=entity_type, entity_id=entity_id or None, limit=limit
    )
    if as_json:
        print_json(entries)
        return
    print_table(
        ["seq", "when", "who", "action", "record"],
        [
            (
                e.seq,
                e.at,
                e.user,
                e.action + (" (details erased)" if e.redacted else ""),
                f"{e.entity_type} {e.entity_id}",
            )
            for e in entries
        ],
    )


@click.command()
@click.option(
    "--guardian-consent-age",
    type=click.IntRange(1, 25),
    help="Under this age, consent must come from a recorded guardian (default 18).",
)
@click.option(
    "--organisation",
    metavar="NAME",
    help="Who publishes exports: named on galleries and in rights notices (empty clears it).",
)
@click.option(
    "--policy-url",
    metavar="URL",
    help="The address of the image-use policy, written into exported metadata.",
)
@json_option
@click.pass_context
def settings(
    ctx: click.Context,
    guardian_consent_age: int | None,
    organisation: str | None,
    policy_url: str | None,
    as_json: bool,
) -> None:
    """Show or change the archive's settings."""
    changing = any(v is not None for v in (guardian_consent_age, organisation, policy_url))
    if guardian_consent_age is not None:
        set_guardian_consent_age(writing(ctx), guardian_consent_age)
    if organisation is not None or policy_url is not None:
        set_publisher(writing(ctx), organisation=organisation, policy_url=policy_url)
    archive = writing(ctx) if changing else reading(ctx)
    values = {
        "guardian_consent_age": archive.settings.guardian_consent_age(),
        "organisation": archive.settings.organisation(),
        "policy_url": archive.settings.policy_url(),
        "today": clock.today().isoformat(),
    }
    if as_json:
        print_json(values)
    else:
        click.echo(f"Guardian consent age: {values['guardian_consent_age']}")
        click.echo(f"Organisation: {values['organisation'] or '—'}")
        click.echo(f"Image-use policy: {values['policy_url'] or '—'}")


COMMANDS = [assess, impact, expiring, needs_review_command, audit, settings]
