"""The press / web pack and the XMP sidecar export.

A pack is a folder of full-quality JPEGs (at the longest side chosen, or the original size) and
`captions-and-credits.csv` for a newsroom or a web editor. The sidecar export is the same
images, each with an XMP sidecar (`012-title.jpg.xmp`) carrying the rights and release
metadata, for photo managers such as digiKam, darktable or Lightroom.
"""

from quiltarchive.export.plan import PlannedItem
from quiltarchive.export.render import Output
from quiltarchive.export.rights import rights_notice, sidecar_facts, usage_terms, use_phrase
from quiltarchive.export.writing import ExportContext
from quiltarchive.export.xmp import sidecar_xml

PACK_QUALITY = 92
CAPTIONS = "captions-and-credits.csv"


class PackWriter:
    kind = "pack"

    def __init__(self, longest: int | None = None) -> None:
        self.longest = longest

    def outputs(self, item: PlannedItem) -> tuple[Output, ...]:
        return (Output(f"{item.stem}.jpg", self.longest, PACK_QUALITY, "image", subsampling=0),)

    def write(self, context: ExportContext) -> None:
        plan = context.plan
        rows: list[list[object]] = []
        for exported in context.items:
            item, image = exported.planned, exported.images["image"]
            rows.append(
                [
                    image.relative,
                    item.title,
                    item.caption,
                    item.alt_text,
                    item.credit,
                    rights_notice(item.source.licence, context.organisation, plan.day),
                    usage_terms(context.archive, item, plan.use, plan.day),
                    f"{image.width}×{image.height}",
                ]
            )
        context.write_csv(
            CAPTIONS,
            [
                "file",
                "title",
                "caption",
                "alt_text",
                "credit",
                "rights",
                f"terms (released for {use_phrase(plan.use)})",
                "pixels",
            ],
            rows,
            "captions",
        )


class SidecarWriter(PackWriter):
    kind = "sidecars"

    def write(self, context: ExportContext) -> None:
        plan = context.plan
        for exported in context.items:
            item, image = exported.planned, exported.images["image"]
            facts = sidecar_facts(
                context.archive,
                item,
                use=plan.use,
                day=plan.day,
                organisation=context.organisation,
                policy_url=context.policy_url,
                width=image.width,
                height=image.height,
            )
            context.write_bytes(f"{image.relative}.xmp", sidecar_xml(facts), "sidecar", item)
