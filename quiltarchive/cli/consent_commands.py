"""`consent add`, `consent withdraw`, and the per-photo records: `appear`, `review`, `rights`,
`withhold`, `describe`."""

from datetime import date
from pathlib import Path

import click

from quiltarchive.cli.output import json_option, jsonable, print_json
from quiltarchive.cli.people_commands import CREDITS, print_impact
from quiltarchive.cli.session import writing
from quiltarchive.cli.values import BOX, DAY, USES
from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.consents import record_consent, withdraw_consent
from quiltarchive.consent.impact import withdrawal_impact
from quiltarchive.errors import InvalidInput
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import ConsentMethod, Use
from quiltarchive.model.person import Credit
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import describe_photo, set_review_state, set_rights, set_withheld

METHODS = [m.value for m in ConsentMethod]


@click.group()
def consent() -> None:
    """Consents: what a person (or their guardian) agreed to."""


@consent.command("add")
@click.argument("person_id", type=int)
@click.option(
    "--given-by",
    "given_by",
    type=int,
    required=True,
    metavar="ID",
    help="Who gave it: the person themself, or one of their recorded guardians.",
)
@click.option("--given-on", type=DAY, required=True, help="The date on the form.")
@click.option(
    "--uses",
    type=USES,
    required=True,
    help="Comma-separated: archive, exhibition, print, web, social, press.",
)
@click.option("--expires", type=DAY, help="The last day the consent holds.")
@click.option("--credit", type=click.Choice(CREDITS), help="How they want to be credited.")
@click.option("--story", is_flag=True, help="Their story may be published too.")
@click.option("--method", type=click.Choice(METHODS), default="paper", show_default=True)
@click.option("--form-ref", default="", help="The paper or digital form's reference.")
@click.option(
    "--scan",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A scan of the signed form (PDF or image), kept in consent-forms/.",
)
@click.option(
    "--supersedes",
    type=int,
    metavar="CONSENT_ID",
    help="The earlier consent of the same person this one replaces.",
)
@json_option
@click.pass_context
def consent_add(
    ctx: click.Context,
    person_id: int,
    given_by: int,
    given_on: date,
    uses: frozenset[Use],
    expires: date | None,
    credit: str | None,
    story: bool,
    method: str,
    form_ref: str,
    scan: Path | None,
    supersedes: int | None,
    as_json: bool,
) -> None:
    """Record a consent; prints its id."""
    recorded = record_consent(
        writing(ctx),
        person_id,
        given_by_id=given_by,
        given_on=given_on,
        uses=uses,
        method=ConsentMethod(method),
        credit=Credit(credit) if credit else None,
        story=story,
        expires_on=expires,
        form_ref=form_ref,
        scan=scan,
        supersedes_id=supersedes,
    )
    for warning in recorded.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if as_json:
        print_json({**jsonable(recorded.consent), "warnings": list(recorded.warnings)})
    else:
        click.echo(recorded.consent.id)


@consent.command("withdraw")
@click.argument("consent_id", type=int)
@click.option("--on", "on", type=DAY, required=True, help="The day the withdrawal takes effect.")
@click.option("--note", default="", help="How and why it was withdrawn.")
@json_option
@click.pass_context
def consent_withdraw(
    ctx: click.Context, consent_id: int, on: date, note: str, as_json: bool
) -> None:
    """Record a withdrawal; it takes effect everywhere at once. Prints what to recall."""
    archive = writing(ctx)
    withdrawn = withdraw_consent(archive, consent_id, on, note)
    impact = withdrawal_impact(archive, withdrawn.person_id)
    if as_json:
        print_json({"consent": withdrawn, "impact": impact})
        return
    click.echo(f"Consent {consent_id} withdrawn from {on.isoformat()}.")
    print_impact(impact)


@click.command()
@click.argument("photo_id", type=int)
@click.argument("who")
@click.option("--box", type=BOX, help="Where they are: x,y,w,h as fractions of the photo.")
@click.option(
    "--not-identifiable",
    is_flag=True,
    help="They cannot be recognised (the back of a head, a hand).",
)
@json_option
@click.pass_context
def appear(
    ctx: click.Context,
    photo_id: int,
    who: str,
    box: Box | None,
    not_identifiable: bool,
    as_json: bool,
) -> None:
    """Record that person WHO (an id, or `unknown`) is in a photo; prints the appearance id."""
    if who == "unknown":
        person_id = None
    elif who.isdigit():
        person_id = int(who)
    else:
        raise InvalidInput(f"“{who}” is neither a person id nor `unknown`.")
    added = add_appearance(
        writing(ctx), photo_id, person_id, box=box, identifiable=not not_identifiable
    )
    print_json(added) if as_json else click.echo(added.id)


@click.command()
@click.argument("photo_id", type=int)
@click.option(
    "--done",
    "state",
    flag_value=ReviewState.REVIEWED.value,
    help="Every identifiable person in it is recorded.",
)
@click.option(
    "--no-people",
    "state",
    flag_value=ReviewState.NO_PEOPLE.value,
    help="Nobody identifiable is in it (a patch close-up, a room).",
)
@click.option(
    "--undo", "state", flag_value=ReviewState.UNREVIEWED.value, help="Set it back to unreviewed."
)
@json_option
@click.pass_context
def review(ctx: click.Context, photo_id: int, state: str | None, as_json: bool) -> None:
    """Record that a photo's people have been reviewed."""
    if state is None:
        raise click.UsageError("Say --done or --no-people.")
    photo = set_review_state(writing(ctx), photo_id, ReviewState(state))
    _done(as_json, photo_id, "review_state", photo.review_state.value)


@click.command()
@click.argument("photo_id", type=int)
@click.argument("holder", type=click.Choice([r.value for r in Rights]))
@click.option("--licence", default="", help="For a licensed photo: which licence.")
@json_option
@click.pass_context
def rights(ctx: click.Context, photo_id: int, holder: str, licence: str, as_json: bool) -> None:
    """Record who holds a photo's rights: staff, licensed (with --licence) or unknown."""
    photo = set_rights(writing(ctx), photo_id, Rights(holder), licence)
    _done(as_json, photo_id, "rights", photo.rights.value)


@click.command()
@click.argument("photo_id", type=int)
@click.option("--undo", is_flag=True, help="Release it again.")
@json_option
@click.pass_context
def withhold(ctx: click.Context, photo_id: int, undo: bool, as_json: bool) -> None:
    """Withhold a photo from every use outside the archive (or release it with --undo)."""
    photo = set_withheld(writing(ctx), photo_id, not undo)
    _done(as_json, photo_id, "withheld", photo.withheld)


@click.command()
@click.argument("photo_id", type=int)
@click.option("--caption", help="The caption shown with the photo.")
@click.option("--alt", "alt_text", help="Alt text: what the photo shows, for screen readers.")
@json_option
@click.pass_context
def describe(
    ctx: click.Context, photo_id: int, caption: str | None, alt_text: str | None, as_json: bool
) -> None:
    """Set a photo's caption and alt text."""
    if caption is None and alt_text is None:
        raise click.UsageError("Give --caption and/or --alt.")
    photo = describe_photo(writing(ctx), photo_id, caption=caption, alt_text=alt_text)
    if as_json:
        print_json({"id": photo.id, "caption": photo.caption, "alt_text": photo.alt_text})
    else:
        click.echo(f"Photo {photo.id}: caption “{photo.caption}”, alt text “{photo.alt_text}”.")


def _done(as_json: bool, photo_id: int, field: str, value: object) -> None:
    if as_json:
        print_json({"id": photo_id, field: value})
    else:
        click.echo(f"Photo {photo_id}: {field.replace('_', ' ')} is now {value}.")


COMMANDS = [consent, appear, review, rights, withhold, describe]
