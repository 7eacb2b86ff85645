"""Building quilts, patches and stories in a real archive, the way a workshop records them:
real image files imported through the import pipeline, real people and consents."""

import struct
from datetime import date, timedelta
from pathlib import Path

from PIL import Image

from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights
from quiltarchive.works.patches import add_patch
from quiltarchive.works.quilts import create_quilt
from tests.core.consent.scene import D, Scene

ORIENTATION = 0x0112
RED, BLUE, GREEN, YELLOW = (220, 30, 40), (30, 60, 200), (20, 160, 60), (240, 210, 20)


class Workshop(Scene):
    def image(self, colour=None, *, size=(480, 360), orientation=1, name=None, fmt="JPEG") -> Path:
        """A real image file: one colour (a distinct one unless given), or four quadrant colours
        (top left, top right, bottom left, bottom right)."""
        serial = next(self._serial)
        colour = colour or (serial * 37 % 256, serial * 91 % 256, 120)
        suffix = "jpg" if fmt == "JPEG" else "png"
        path = self.folder / (name or f"PATCH_{serial:04d}.{suffix}")
        image = Image.new("RGB", size, colour if len(colour) == 3 else colour[0])
        if len(colour) == 4:
            w, h = size
            for index, quadrant in enumerate(colour):
                x, y = (index % 2) * w // 2, (index // 2) * h // 2
                image.paste(quadrant, (x, y, x + w // 2, y + h // 2))
        options = {"quality": 95} if fmt == "JPEG" else {}
        if orientation != 1:
            exif = Image.Exif()
            exif[ORIENTATION] = orientation
            options["exif"] = exif.tobytes()
        image.save(path, fmt, **options)
        return path

    def import_file(self, path: Path) -> int:
        summary = list(import_photos(self.archive, [path], workers=1))[-1].summary
        (photo_id,) = [p.id for p in self.archive.photos.list(batch_id=summary.batch_id)]
        return photo_id

    def patch_photo(
        self,
        colour=None,
        *,
        rights=Rights.STAFF,
        review=ReviewState.NO_PEOPLE,
        **image_options,
    ) -> int:
        """A photo of a patch, imported, with its rights and review recorded."""
        photo_id = self.import_file(self.image(colour, **image_options))
        if rights is not Rights.UNKNOWN:
            set_rights(
                self.archive, photo_id, rights, "CC BY 4.0" if rights is Rights.LICENSED else ""
            )
        if review is not ReviewState.UNREVIEWED:
            set_review_state(self.archive, photo_id, review)
        return photo_id

    def consenting_adult(self, name="Amina Yusuf", uses=(Use.WEB, Use.PRINT), **options) -> int:
        person = self.adult(name, **options)
        self.consent(person, uses)
        return person

    def quilt(self, name="Connecting Communities", rows=3, columns=4):
        return create_quilt(self.archive, name, rows, columns)

    def patch(self, code, maker, *, photo=None, place=None, title=None, story=""):
        photos = [(photo, PhotoRole.FRONT)] if photo is not None else []
        return add_patch(
            self.archive,
            code,
            title=title or f"Patch {code}",
            maker_id=maker,
            place=place,
            photos=photos,
            story=story,
        )


def before(days: int) -> date:
    return D - timedelta(days=days)


def png_chunks(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, kinds = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kinds.append(data[position + 4 : position + 8].decode())
        position += 12 + length
    return kinds
