"""The offline gallery: a folder that works from a USB stick, opened from `index.html`.

Pages come from the templates in `resources/gallery/` (Jinja2, autoescaped: a caption is always
text, never markup). The viewer's data is inlined in `data.js`, because browsers refuse to
`fetch()` local files; nothing is loaded from anywhere else. Photographs and quilt patches are
pictures in the grid and the viewer; stories are readable cards; for each quilt the set's
patches belong to, a quilt map page shows the quilt's grid, each patch of the set linking to
its photograph in the viewer (every other cell is a plain, neutral square).
"""

import json
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from quiltarchive.export.plan import PlannedItem
from quiltarchive.export.render import Output
from quiltarchive.export.rights import use_phrase
from quiltarchive.export.sources import Told
from quiltarchive.export.texts import slugify
from quiltarchive.export.writing import CHECKSUMS, ExportContext, RenderedItem, write_story
from quiltarchive.model.collection import ItemKind
from quiltarchive.resources import resource_path
from quiltarchive.works.quilt_map import quilt_grid

DISPLAY_SIZE = 2048
THUMBNAIL_SIZE = 480
DISPLAY_QUALITY = 85
THUMBNAIL_QUALITY = 80
ASSETS = ("gallery.css", "gallery.js")


@cache
def templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(resource_path("gallery")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def long_date(day: Any) -> str:
    return f"{day.day} {day:%B %Y}"


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def credit_line(credit: str, maker: str, is_patch: bool) -> str:
    """ "Pictured: Amina Yusuf" under a photograph; "Made by Amina Yusuf" under a patch (with
    anyone else the credit names, who is shown in its photo)."""
    if not is_patch:
        return f"Pictured: {credit}" if credit else ""
    others = [name for name in credit.split(", ") if name and name != maker]
    parts = [f"Made by {maker}"] if maker else []
    if others:
        parts.append("Pictured: " + ", ".join(others))
    return " · ".join(parts)


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs (separated by blank lines), each on one line."""
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def script_json(value: Any) -> str:
    """JSON that is safe inside a script: no `</script>`, no line separators, ASCII only."""
    text = json.dumps(value, ensure_ascii=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class GalleryWriter:
    kind = "gallery"

    def outputs(self, item: PlannedItem) -> tuple[Output, ...]:
        return (
            Output(f"images/{item.stem}.jpg", DISPLAY_SIZE, DISPLAY_QUALITY, "display"),
            Output(f"thumbs/{item.stem}.jpg", THUMBNAIL_SIZE, THUMBNAIL_QUALITY, "thumbnail"),
        )

    def write(self, context: ExportContext) -> None:
        plan = context.plan
        pictured = [e for e in context.items if e.images]
        entries = [self._entry(e.planned, e.images) for e in pictured]
        stories = [self._story(e.planned) for e in context.items if not e.images]
        quilts = self._quilt_maps(context, pictured)
        data = {
            "title": plan.collection.name,
            "labels": {"counter": "Photograph {n} of {total}", "words": "In the maker's words"},
            "items": [
                {
                    key: entry[key]
                    for key in (
                        "image",
                        "width",
                        "height",
                        "alt",
                        "caption",
                        "title",
                        "anchor",
                        "code",
                    )
                }
                | {k: entry[k] for k in ("credit", "credit_line", "words")}
                for entry in entries
            ],
        }
        context.write_text(
            "data.js", f"window.QUILTARCHIVE_GALLERY = {script_json(data)};\n", "page"
        )
        for asset in ASSETS:
            data_bytes = resource_path("gallery", asset).read_bytes()
            context.write_bytes(f"assets/{asset}", data_bytes, "page")
        what = "photographs" if not stories and not quilts else "photographs and stories"
        consent = (
            f"These {what} are shared with the consent of the people in them and who made or "
            f"told them, for {use_phrase(plan.use)}, as recorded on {long_date(plan.day)}."
        )
        if plan.blurred_regions:
            consent += " People who had not agreed to it are blurred."
        page = (
            templates()
            .get_template("index.html")
            .render(
                title=plan.collection.name,
                description=plan.collection.description,
                organisation=context.organisation,
                count_text=self._count_text(context),
                prepared_text=f"Prepared {long_date(plan.day)} for {use_phrase(plan.use)}",
                consent_text=consent,
                items=entries,
                stories=stories,
                quilts=quilts,
                version=context.version,
            )
        )
        context.write_text("index.html", page, "page")
        for exported in context.items:
            if exported.planned.source.told is not None and not exported.images:
                write_story(context, f"stories/{exported.planned.stem}.txt", exported.planned)
        for quilt in quilts:
            html = (
                templates()
                .get_template("quilt.html")
                .render(
                    title=plan.collection.name,
                    organisation=context.organisation,
                    quilt=quilt,
                    consent_text=consent,
                    version=context.version,
                )
            )
            context.write_text(quilt["page"], html, "page")
        context.write_text("README.txt", self._readme(context), "page")
        self._manifests(context, entries + stories)

    @staticmethod
    def _count_text(context: ExportContext) -> str:
        counts = {kind: 0 for kind in ItemKind}
        for exported in context.items:
            counts[exported.planned.item.kind] += 1
        words = {
            ItemKind.PHOTO: ("photograph", "photographs"),
            ItemKind.PATCH: ("quilt patch", "quilt patches"),
            ItemKind.STORY: ("story", "stories"),
        }
        parts = [plural(counts[k], *w) for k, w in words.items() if counts[k]]
        return ", ".join(parts) if parts else plural(0, "photograph")

    @staticmethod
    def _told(told: Told | None) -> dict[str, Any] | None:
        if told is None:
            return None
        return {
            "title": told.title,
            "paragraphs": paragraphs(told.text),
            "language": told.language,
            "translation": paragraphs(told.translation),
            "translation_language": told.translation_language,
        }

    def _story(self, item: PlannedItem) -> dict[str, Any]:
        work = item.source.work
        return {
            "number": item.number,
            "anchor": f"item-{item.number}",
            "title": item.title,
            "caption": item.caption,
            "credit": item.credit,
            "teller": work.maker if work else "",
            "story": self._told(item.source.told),
        }

    def _quilt_maps(
        self, context: ExportContext, pictured: list[RenderedItem]
    ) -> list[dict[str, Any]]:
        """A map for each quilt holding a patch of the set. Only the set's own patches (each
        already allowed) are shown; every other cell looks the same, empty or not."""
        plan = context.plan
        by_patch = {
            e.planned.item.target_id: e for e in pictured if e.planned.item.kind is ItemKind.PATCH
        }
        quilt_ids = dict.fromkeys(
            e.planned.source.work.quilt_id
            for e in by_patch.values()
            if e.planned.source.work is not None and e.planned.source.work.quilt_id is not None
        )
        maps = []
        for quilt_id in quilt_ids:
            grid = quilt_grid(context.archive, quilt_id, plan.use, plan.day)
            rows = []
            shown = []
            for row in grid.cells:
                cells: list[dict[str, Any]] = []
                for cell in row:
                    exported = by_patch.get(cell.patch_id) if cell.patch_id else None
                    if exported is None:
                        cells.append({"row": cell.row, "column": cell.column, "patch": None})
                        continue
                    entry = self._entry(exported.planned, exported.images)
                    entry["code"] = cell.code
                    cells.append({"row": cell.row, "column": cell.column, "patch": entry})
                    shown.append(entry)
                rows.append(cells)
            name = grid.quilt.name
            maps.append(
                {
                    "name": name,
                    "page": f"quilt-{slugify(name, 'quilt')}-{quilt_id}.html",
                    "rows": rows,
                    "row_count": grid.quilt.rows,
                    "columns": grid.quilt.columns,
                    "patches": shown,
                    "count_text": (
                        f"{plural(len(shown), 'patch', 'patches')} of it in this collection"
                    ),
                }
            )
        return maps

    def _entry(self, item: PlannedItem, images: dict[str, Any]) -> dict[str, Any]:
        display, thumb = images["display"], images["thumbnail"]
        work = item.source.work
        told = self._told(item.source.told)
        return {
            "number": item.number,
            "anchor": f"item-{item.number}",
            "kind": item.item.kind.value,
            "code": work.code if work else "",
            "maker": work.maker if work else "",
            "words": "\n\n".join(told["paragraphs"]) if told else "",
            "image": display.relative,
            "width": display.width,
            "height": display.height,
            "thumb": thumb.relative,
            "thumb_width": thumb.width,
            "thumb_height": thumb.height,
            "alt": item.alt_text,
            "caption": item.caption,
            "title": item.title,
            "credit": item.credit,
            "credit_line": credit_line(item.credit, work.maker if work else "", bool(work)),
            "other_credit": item.credit if work and item.credit != work.maker else "",
        }

    def _readme(self, context: ExportContext) -> str:
        plan = context.plan
        lines = [
            plan.collection.name,
            "",
            "Open index.html in a web browser (double-click it). It works without the internet.",
            "",
            f"{self._count_text(context)}, prepared {long_date(plan.day)} for "
            f"{use_phrase(plan.use)}, with the consent of the people in them as recorded that day.",
            "Please do not use them for anything else or pass them on.",
            "",
            f"To check the copy is complete: sha256sum -c {CHECKSUMS}",
            "",
        ]
        return "\r\n".join(lines)

    def _manifests(self, context: ExportContext, entries: list[dict[str, Any]]) -> None:
        plan = context.plan
        by_item = {exported.planned.number: exported for exported in context.items}
        items_json = []
        for entry in sorted(entries, key=lambda e: e["number"]):
            planned = by_item[entry["number"]].planned
            items_json.append(
                {
                    "number": planned.number,
                    "kind": planned.item.kind.value,
                    "title": planned.title,
                    "caption": planned.caption,
                    "alt_text": planned.alt_text,
                    "credit": planned.credit,
                    "consent": {
                        "consent_ids": list(planned.consent_ids),
                        "use": plan.use.value,
                        "decided_on": plan.day.isoformat(),
                    },
                    "blurred_regions": len(planned.blur),
                }
            )
        files = [
            {
                "path": f.relative,
                "sha256": f.sha256,
                "bytes": f.size_bytes,
                "role": f.role,
                "item": f.item.number if f.item else None,
            }
            for f in sorted(context.files, key=lambda f: f.relative)
        ]
        manifest = {
            "title": plan.collection.name,
            "description": plan.collection.description,
            "publisher": context.organisation,
            "kind": self.kind,
            "use": plan.use.value,
            "decided_on": plan.day.isoformat(),
            "made_with": f"QuiltArchive {context.version}",
            "items": items_json,
            "files": files,
        }
        context.write_text(
            "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "manifest"
        )
        rows: list[list[object]] = []
        for f in sorted(context.files, key=lambda f: f.relative):
            p = f.item
            rows.append(
                [
                    f.relative,
                    f.sha256,
                    f.size_bytes,
                    f.role,
                    p.number if p else "",
                    p.title if p else "",
                    p.caption if p else "",
                    p.alt_text if p else "",
                    p.credit if p else "",
                    " ".join(map(str, p.consent_ids)) if p else "",
                    plan.use.value,
                    plan.day.isoformat(),
                ]
            )
        context.write_csv(
            "manifest.csv",
            [
                "file",
                "sha256",
                "bytes",
                "role",
                "item",
                "title",
                "caption",
                "alt_text",
                "credit",
                "consent_ids",
                "use",
                "decided_on",
            ],
            rows,
            "manifest",
        )
