"""`person …`: recording people, their guardians, subject access and erasure."""

import sys
from pathlib import Path

import click

from quiltarchive import clock
from quiltarchive.cli.output import json_option, print_fields, print_json, print_table
from quiltarchive.cli.session import reading, writing
from quiltarchive.consent.erasure import ErasurePlan, erase_person, plan_erasure
from quiltarchive.consent.impact import Impact, withdrawal_impact
from quiltarchive.consent.people import add_guardian, add_person, remove_guardian
from quiltarchive.consent.rules import superseded_on, why_not_in_force
from quiltarchive.consent.subject_access import export_subject_access
from quiltarchive.errors import InvalidInput
from quiltarchive.model.person import AgeBand, Credit

CREDITS = [c.value for c in Credit]
AGE_BANDS = [a.value for a in AgeBand]


@click.group()
def person() -> None:
    """People: anyone in a photo, a maker, a storyteller, a guardian."""


@person.command("add")
@click.argument("name")
@click.option("--birth-year", type=int, help="Year of birth (to know whether they are a minor).")
@click.option("--age-band", type=click.Choice(AGE_BANDS), help="When the birth year is not known.")
@click.option(
    "--guardian",
    "guardians",
    type=int,
    multiple=True,
    metavar="ID",
    help="A parent or guardian (a person already recorded); may be repeated.",
)
@click.option(
    "--do-not-identify",
    is_flag=True,
    help="Safeguarding: never identifiable in any use outside the archive.",
)
@click.option(
    "--credit",
    type=click.Choice(CREDITS),
    default="full",
    show_default=True,
    help="How they want to be credited.",
)
@click.option("--notes", default="", help="Anything else worth knowing.")
@click.option(
    "--group",
    "is_group",
    is_flag=True,
    help="A group (a class, a family) recorded as one maker; --guardian gives its responsible "
    "adults, who give its consent.",
)
@json_option
@click.pass_context
def person_add(
    ctx: click.Context,
    name: str,
    birth_year: int | None,
    age_band: str | None,
    guardians: tuple[int, ...],
    do_not_identify: bool,
    credit: str,
    notes: str,
    is_group: bool,
    as_json: bool,
) -> None:
    """Record a person; prints their id."""
    if birth_year is not None and age_band is not None:
        raise click.UsageError("Give --birth-year or --age-band, not both.")
    added = add_person(
        writing(ctx),
        name,
        credit=Credit(credit),
        birth_year=birth_year,
        age_band=AgeBand(age_band) if age_band else None,
        do_not_identify=do_not_identify,
        notes=notes,
        guardian_ids=guardians,
        is_group=is_group,
    )
    print_json(added) if as_json else click.echo(added.id)


@person.command("list")
@click.option("--name", "name_like", help="Only people whose name contains this.")
@json_option
@click.pass_context
def person_list(ctx: click.Context, name_like: str | None, as_json: bool) -> None:
    """List people by name."""
    found = reading(ctx).people.search(name_like)
    if as_json:
        print_json(found)
        return
    print_table(
        ["id", "name", "age", "credit", "do not identify", "guardians"],
        [
            (
                p.id,
                p.name,
                p.birth_year or (p.age_band.value if p.age_band else "unknown"),
                p.credit.value,
                "yes" if p.do_not_identify else "",
                ", ".join(map(str, p.guardian_ids)),
            )
            for p in found
        ],
    )


@person.command("show")
@click.argument("person_id", type=int)
@json_option
@click.pass_context
def person_show(ctx: click.Context, person_id: int, as_json: bool) -> None:
    """A person with their guardians, consents and the photos they appear in."""
    archive = reading(ctx)
    found = archive.people.get(person_id)
    consents = archive.consents.of_person(person_id)
    appearances = archive.appearances.of_person(person_id)
    wards = archive.people.wards_of(person_id)
    if as_json:
        print_json(
            {
                "person": found,
                "consents": consents,
                "appearances": appearances,
                "guardian_of": wards,
            }
        )
        return
    guardians = archive.people.get_many(found.guardian_ids)
    print_fields(
        [
            ("Person", found.id),
            ("Name", found.name),
            ("Birth year", found.birth_year),
            ("Age band", found.age_band.value if found.age_band else None),
            ("Credit", found.credit.value),
            (
                "Do not identify",
                "YES — never identifiable outside the archive" if found.do_not_identify else "no",
            ),
            ("Group", "yes" if found.is_group else None),
            (
                "Responsible adults" if found.is_group else "Guardians",
                ", ".join(f"{g.name} ({g.id})" for g in guardians),
            ),
            ("Guardian of", ", ".join(map(str, wards))),
            ("Notes", found.notes),
        ]
    )
    today = clock.today()
    replaced = superseded_on(tuple(consents))
    click.echo("\nConsents:")
    print_table(
        ["id", "given on", "by", "uses", "credit", "story", "expires", "status"],
        [
            (
                c.id,
                c.given_on,
                c.given_by_id,
                ",".join(sorted(u.value for u in c.uses)),
                c.credit.value if c.credit else "",
                "yes" if c.story else "",
                c.expires_on or "",
                why_not_in_force(c, today, replaced) or "in force",
            )
            for c in consents
        ],
    )
    click.echo("\nAppears in:")
    print_table(
        ["photo", "identifiable", "box"],
        [
            (
                a.photo_id,
                "yes" if a.identifiable else "no",
                f"{a.box.x:.2f},{a.box.y:.2f},{a.box.w:.2f},{a.box.h:.2f}" if a.box else "",
            )
            for a in appearances
        ],
    )


@person.command("guardian")
@click.argument("person_id", type=int)
@click.argument("guardian_id", type=int)
@click.option("--remove", is_flag=True, help="Remove the guardian instead.")
@json_option
@click.pass_context
def person_guardian(
    ctx: click.Context, person_id: int, guardian_id: int, remove: bool, as_json: bool
) -> None:
    """Record (or remove) GUARDIAN_ID as a parent or guardian of PERSON_ID."""
    change = remove_guardian if remove else add_guardian
    changed = change(writing(ctx), person_id, guardian_id)
    print_json(changed) if as_json else click.echo(
        f"{changed.name}'s guardians: {', '.join(map(str, changed.guardian_ids)) or 'none'}"
    )


@person.command("export")
@click.argument("person_id", type=int)
@click.option(
    "--to",
    "destination",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write the export into.",
)
@click.option("--zip", "as_zip", is_flag=True, help="Make one zip file instead of a folder.")
@json_option
@click.pass_context
def person_export(
    ctx: click.Context, person_id: int, destination: Path, as_zip: bool, as_json: bool
) -> None:
    """Subject access: export everything held about a person (records, forms, photos)."""
    made = export_subject_access(writing(ctx), person_id, destination, as_zip=as_zip)
    print_json({"export": str(made)}) if as_json else click.echo(made)


@person.command("forget")
@click.argument("person_id", type=int)
@click.option(
    "--delete-photos",
    is_flag=True,
    help="Delete the photos they are identifiable in, instead of withholding them.",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@json_option
@click.pass_context
def person_forget(
    ctx: click.Context, person_id: int, delete_photos: bool, yes: bool, as_json: bool
) -> None:
    """Erasure: remove a person's personal data and consent forms for good."""
    archive = writing(ctx)
    impact = withdrawal_impact(archive, person_id)
    if not yes:
        if not stdin_is_terminal():
            raise InvalidInput(
                "Erasing a person cannot be undone: confirm it at a terminal, or add --yes."
            )
        print_impact(impact)
        print_plan(plan_erasure(archive, person_id))
        verb = "deleted" if delete_photos else "withheld"
        if not click.confirm(
            f"Erase {impact.name} for good? {len(impact.photo_ids)} photo(s) will be {verb}, "
            "and this cannot be undone",
            default=False,
            err=True,
        ):
            click.echo("Nothing was erased.", err=True)
            ctx.exit(1)
    report = erase_person(archive, person_id, delete_photos=delete_photos)
    if as_json:
        print_json(report)
        return
    click.echo(f"Person {person_id} has been erased.")
    if report.photos_withheld:
        click.echo(f"Withheld photos: {', '.join(map(str, report.photos_withheld))}")
    if report.photos_deleted:
        click.echo(f"Deleted photos: {', '.join(map(str, report.photos_deleted))}")
    if report.consents_removed_from_others:
        click.echo(
            "They had given consent for people "
            f"{', '.join(map(str, report.consents_removed_from_others))}: those consents "
            "are gone, and those people's photos need new consent."
        )
    if report.backups_removed:
        click.echo(
            f"{report.backups_removed} older backup(s) of the catalogue held their data "
            "and were deleted."
        )


def print_plan(plan: ErasurePlan) -> None:
    click.echo(
        f"Erasing removes their record, {plan.consents} consent(s) and "
        f"{plan.consent_forms} scanned form(s)."
    )
    if plan.given_for:
        click.echo(
            f"It also removes the consents they gave as a guardian for {', '.join(plan.given_for)}."
        )
    if plan.patches:
        click.echo(f"{plan.patches} patch(es) they made stay, with no maker and no story.")
    if plan.stories:
        click.echo(f"{plan.stories} story(ies) they told are deleted.")


def stdin_is_terminal() -> bool:
    """Whether someone is there to answer a question (not a script or a pipe)."""
    return sys.stdin is not None and sys.stdin.isatty()


def print_impact(impact: Impact) -> None:
    click.echo(
        f"{impact.name} is identifiable in {len(impact.photo_ids)} photo(s)"
        + (f": {', '.join(map(str, impact.photo_ids))}" if impact.photo_ids else ".")
    )
    if impact.nothing_to_recall:
        click.echo("No collection or past export holds them.")
    if impact.patch_ids or impact.story_ids:
        click.echo(
            f"They made {len(impact.patch_ids)} patch(es) and told {len(impact.story_ids)} "
            "story(ies)."
        )
    for collection in impact.collections:
        held = [
            f"{what} {', '.join(map(str, ids))}"
            for what, ids in (
                ("photo(s)", collection.photo_ids),
                ("patch(es)", collection.patch_ids),
                ("story(ies)", collection.story_ids),
            )
            if ids
        ]
        click.echo(f"Collection “{collection.name}” holds {'; '.join(held)}.")
    for publication in impact.publications:
        click.echo(
            f"Exported {publication.created_at} by {publication.user or 'unknown'} "
            f"({publication.kind}, for {publication.use}) to {publication.destination}:"
        )
        for file in publication.files:
            click.echo(f"  {file.file_name}")


COMMANDS = [person]
