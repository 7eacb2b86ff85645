"""The offline gallery: a folder that works from a USB stick, opened from `index.html`.

Pages come from the templates in `resources/gallery/` (Jinja2, autoescaped: a caption is always
text, never markup). The viewer's data is inlined in `data.js`, because browsers refuse to
`fetch()` local files; nothing is loaded from anywhere else.
"""

import json
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from quiltarchive.export.plan import PlannedItem
from quiltarchive.export.render import Output
from quiltarchive.export.rights import use_phrase
from quiltarchive.export.writing import CHECKSUMS, ExportContext
from quiltarchive.resources import resource_path

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


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


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
        entries = [self._entry(exported.planned, exported.images) for exported in context.items]
        data = {
            "title": plan.collection.name,
            "labels": {"counter": "Photograph {n} of {total}", "credit": "Pictured:"},
            "items": [
                {key: entry[key] for key in ("image", "width", "height", "alt", "caption", "title")}
                | {"credit": entry["credit"]}
                for entry in entries
            ],
        }
        context.write_text(
            "data.js", f"window.QUILTARCHIVE_GALLERY = {script_json(data)};\n", "page"
        )
        for asset in ASSETS:
            data_bytes = resource_path("gallery", asset).read_bytes()
            context.write_bytes(f"assets/{asset}", data_bytes, "page")
        consent = (
            f"These photographs are shared with the consent of the people in them, for "
            f"{use_phrase(plan.use)}, as recorded on {long_date(plan.day)}."
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
                count_text=plural(len(entries), "photograph"),
                prepared_text=f"Prepared {long_date(plan.day)} for {use_phrase(plan.use)}",
                consent_text=consent,
                items=entries,
                version=context.version,
            )
        )
        context.write_text("index.html", page, "page")
        context.write_text("README.txt", self._readme(context), "page")
        self._manifests(context, entries)

    def _entry(self, item: PlannedItem, images: dict[str, Any]) -> dict[str, Any]:
        display, thumb = images["display"], images["thumbnail"]
        return {
            "number": item.number,
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
        }

    def _readme(self, context: ExportContext) -> str:
        plan = context.plan
        lines = [
            plan.collection.name,
            "",
            "Open index.html in a web browser (double-click it). It works without the internet.",
            "",
            f"{plural(len(context.items), 'photograph')}, prepared {long_date(plan.day)} for "
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
        for entry in entries:
            planned = by_item[entry["number"]].planned
            items_json.append(
                {
                    "number": planned.number,
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
