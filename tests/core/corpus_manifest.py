"""The shared corpus's MANIFEST.md, read as data, and what an import must do with each file."""

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    make: str
    model: str
    gps: str  # "yes", "no" or "ifd-only"
    pillow: str  # what plain Pillow made of it, e.g. "JPEG 100x68 RGB"

    @property
    def pillow_size(self) -> tuple[int, int] | None:
        match = re.search(r"\b(\d+)x(\d+)\b", self.pillow)
        return (int(match[1]), int(match[2])) if match else None


def read_manifest(corpus: Path) -> dict[str, ManifestEntry]:
    entries = {}
    for line in (corpus / "MANIFEST.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 10 or not cells[0].startswith(("exif-samples/", "pillow-tricky/")):
            continue
        file, _repo, _path, _licence, _bytes, make, model, gps, pillow = cells[:9]
        entries[file] = ManifestEntry(file, make, model, gps, pillow)
    return entries


# Files that must not be imported, with a word the plain reason must contain.
MUST_FAIL = {
    "pillow-tricky/bmp__b__reallybig.bmp": "decompression bomb",
    "pillow-tricky/decompression_bomb.gif": "decompression bomb",
    "pillow-tricky/png_decompression_dos.png": "decompression bomb",
    "pillow-tricky/decompression_bomb_extents.gif": "GIF images are not imported",
    "pillow-tricky/zero_width.gif": "damaged",
    "pillow-tricky/truncated_image.png": "truncated",
    "pillow-tricky/truncated_jpeg.jpg": "truncated",
    "pillow-tricky/ultrahdr.jpg": "truncated",
}

# Documentation files beside the images: skipped as not photos, never reported as failures.
NOT_PHOTOS = {
    "MANIFEST.md",
    "exif-samples/LICENSE-NOTES.md",
    "exif-samples/README.rst",
    "exif-samples/dump",
    "exif-samples/jpg/README",
    "exif-samples/jpg/exif-org/README",
    "exif-samples/jpg/gps/README",
    "exif-samples/jpg/hdr/README",
    "exif-samples/jpg/invalid/README",
    "exif-samples/jpg/orientation/README",
    "exif-samples/tiff/README",
    "pillow-tricky/LICENSE",
    "pillow-tricky/README.md",
}
