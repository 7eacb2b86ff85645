"""`story …` and `stories`: residents' stories (case studies)."""

from datetime import date
from pathlib import Path

import click

from quiltarchive.cli.decisions import print_decision
from quiltarchive.cli.output import json_option, print_fields, print_json, print_table
from quiltarchive.cli.session import reading, writing
from quiltarchive.cli.values import DAY, USE
from quiltarchive.consent.assessment import assess_subject
from quiltarchive.model.consent import Use
from quiltarchive.model.subject import Subject
from quiltarchive.works.search import search_works
from quiltarchive.works.stories import add_story
from quiltarchive.works.values import read_text_file

TEXT_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group()
def story() -> None:
    """Residents' stories: published only with the teller's story permission."""


@story.command("add")
@click.argument("title")
@click.option(
    "--teller", "teller_id", type=int, required=True, metavar="PERSON_ID", help="Who told it."
)
@click.option("--text-file", type=TEXT_FILE, required=True, help="The story, as UTF-8 text.")
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="The language it was told in, as a code: en, ar, uk, fa, pt-BR…",
)
@click.option("--translation-file", type=TEXT_FILE, help="A translation, as UTF-8 text.")
@click.option("--translation-language", default="", help="The translation's language (default en).")
@click.option(
    "--photo", "photo_ids", type=int, multiple=True, metavar="ID", help="A photo it refers to."
)
@click.option("--patch", "patch_codes", multiple=True, metavar="CODE", help="A patch it refers to.")
@click.option("--notes", default="", help="Anything else worth knowing.")
@json_option
@click.pass_context
def story_add(
    ctx: click.Context,
    title: str,
    teller_id: int,
    text_file: Path,
    language: str,
    translation_file: Path | None,
    translation_language: str,
    photo_ids: tuple[int, ...],
    patch_codes: tuple[str, ...],
    notes: str,
    as_json: bool,
) -> None:
    """Record a story told by a person; prints its id."""
    text = read_text_file(text_file, what="story")
    translation = read_text_file(translation_file, what="translation") if translation_file else ""
    added = add_story(
        writing(ctx),
        title,
        teller_id=teller_id,
        text=text,
        language=language,
        translation=translation,
        translation_language=translation_language,
        notes=notes,
        photo_ids=photo_ids,
        patches=patch_codes,
    )
    print_json(added) if as_json else click.echo(added.id)


@story.command("show")
@click.argument("story_id", type=int)
@json_option
@click.pass_context
def story_show(ctx: click.Context, story_id: int, as_json: bool) -> None:
    """A story, its teller, what it refers to, and its translation."""
    archive = reading(ctx)
    found = archive.stories.get(story_id)
    if as_json:
        print_json(found)
        return
    teller = archive.people.get(found.teller_id) if found.teller_id is not None else None
    patch_codes = [p.code for p in archive.patches.get_many(found.patch_ids)]
    print_fields(
        [
            ("Story", found.id),
            ("Title", found.title),
            ("Teller", f"{teller.name} ({teller.id})" if teller else "not recorded"),
            ("Language", found.language),
            ("Photos", ", ".join(map(str, found.photo_ids))),
            ("Patches", ", ".join(patch_codes)),
            ("Notes", found.notes),
        ]
    )
    click.echo(f"\n{found.text}")
    if found.translation:
        click.echo(f"\nTranslation ({found.translation_language}):\n\n{found.translation}")


@story.command("assess")
@click.argument("story_id", type=int)
@click.option("--use", type=USE, required=True, help="archive, exhibition, print, web, social…")
@click.option("--on", "on", type=DAY, help="The day of the decision (default: today).")
@json_option
@click.pass_context
def story_assess(
    ctx: click.Context, story_id: int, use: Use, on: date | None, as_json: bool
) -> None:
    """May a story be published for USE on a day? Every reason it may not, and the credit."""
    decision = assess_subject(reading(ctx), Subject.story(story_id), use, on)
    print_decision(f"Story {story_id}", {"story_id": story_id}, decision, as_json)


@click.command()
@click.option("--search", "text", help="Only stories matching these words.")
@click.option("--teller", "teller_id", type=int, metavar="PERSON_ID", help="Only this teller's.")
@json_option
@click.pass_context
def stories(ctx: click.Context, text: str | None, teller_id: int | None, as_json: bool) -> None:
    """List stories: id, title, teller, language and what they refer to."""
    archive = reading(ctx)
    found = archive.stories.list(teller_id=teller_id)
    if text is not None:
        matching = {s.id for s in search_works(archive, text).stories}
        found = [s for s in found if s.id in matching]
    if as_json:
        print_json(found)
        return
    tellers = {p.id: p for p in archive.people.get_many(s.teller_id for s in found if s.teller_id)}
    print_table(
        ["id", "title", "teller", "language", "translation", "photos", "patches"],
        [
            (
                s.id,
                s.title,
                tellers[s.teller_id].name if s.teller_id in tellers else "",
                s.language,
                s.translation_language,
                len(s.photo_ids),
                len(s.patch_ids),
            )
            for s in found
        ],
    )


COMMANDS = [story, stories]
