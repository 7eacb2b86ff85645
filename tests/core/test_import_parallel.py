"""The parallel path on camera-size photos: worker processes, reduced decoding, ground truth."""

import csv

from PIL import Image

from quiltarchive.imaging.decode import open_image
from quiltarchive.imaging.renditions import reduced_decode
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.renditions_cache import preview_file


def test_camera_size_photos_import_in_parallel_with_their_metadata(archive, camera_photos):
    with open(camera_photos / "manifest.csv", newline="") as manifest:
        truth = {row["file"]: row for row in csv.DictReader(manifest)}
    events = list(import_photos(archive, [camera_photos], workers=2))
    summary = events[-1].summary
    assert summary.imported == len(truth) and not summary.failed
    for photo in archive.photos.list():
        expected = truth[photo.file_name]
        assert photo.taken_at == expected["DateTimeOriginal"].replace(":", "-", 2).replace(" ", "T")
        assert photo.orientation == int(expected["Orientation"])
        assert photo.has_location == (expected["has_gps"] in ("1", "True", "true", "yes"))
        upright = (3000, 4000) if photo.orientation in (5, 6, 7, 8) else (4000, 3000)
        assert (photo.width, photo.height) == upright
        thumbnail = Image.open(archive.layout.thumbnail_path(photo.sha256))
        assert thumbnail.size == (upright[0] * 256 // 4000, upright[1] * 256 // 4000)
        # a JPEG's preview waits until it is first wanted, then comes at 1600 px, upright
        assert not archive.layout.preview_path(photo.sha256).exists()
        preview = Image.open(preview_file(archive.layout, photo))
        assert preview.size == (upright[0] * 1600 // 4000, upright[1] * 1600 // 4000)


def test_a_twelve_megapixel_jpeg_is_decoded_at_reduced_size_for_its_preview(camera_photos):
    image = open_image(next(camera_photos.glob("*.jpg")))
    assert image.size == (4000, 3000)
    decoded = reduced_decode(image, 1600)
    assert decoded.size == (2000, 1500)  # DCT-scaled to one half, never the full 12 MP


def test_a_thumbnail_alone_decodes_an_eighth_of_the_width(camera_photos):
    image = open_image(next(camera_photos.glob("*.jpg")))
    decoded = reduced_decode(image, 256)
    assert decoded.size == (500, 375)  # what the import decodes: 1/64 of the pixels
