"""The press / web pack and the XMP sidecar export.

A pack is a folder of full-quality JPEGs (at the longest side chosen, or the original size) and
`captions-and-credits.csv` for a newsroom or a web editor. A story goes as a text file
(`014-title.txt`) and a row of the CSV; a patch's story in its maker's words, when it may go,
as a text file beside the patch's photograph. The sidecar export is the same
images, each with an XMP sidecar (`012-title.jpg.xmp`) carrying the rights and release
metadata, for photo managers such as digiKam, darktable or Lightroom.
"""

from quiltarchive.export.plan import PlannedItem
from quiltarchive.export.render import Output
from quiltarchive.export.rights import rights_notice, sidecar_facts, usage_terms, use_phrase
from quiltarchive.export.writing import ExportContext, write_story
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
            item, image = exported.planned, exported.images.get("image")
            text_file = ""
            if item.source.told is not None:
                text_file = f"{item.stem}.txt"
                write_story(context, text_file, item)
            work = item.source.work
            rows.append(
                [
                    image.relative if image else text_file,
                    item.title,
                    item.caption,
                    item.alt_text if image else "",
                    item.credit,
                    rights_notice(item.source.licence, context.organisation, plan.day),
                    usage_terms(context.archive, item, plan.use, plan.day),
                    f"{image.width}×{image.height}" if image else "",
                    item.item.kind.value,
                    work.code if work else "",
                    text_file,
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
                "kind",
                "patch code",
                "story file",
            ],
            rows,
            "captions",
        )


class SidecarWriter(PackWriter):
    kind = "sidecars"

    def write(self, context: ExportContext) -> None:
        plan = context.plan
        for exported in context.items:
            item, image = exported.planned, exported.images.get("image")
            if item.source.told is not None:
                write_story(context, f"{item.stem}.txt", item)
            if image is None:
                continue
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
