"""Importing the shared corpus of real camera, phone and deliberately awkward files: every file's
outcome is asserted, and what was read from each is checked against the corpus manifest."""

import os
import stat
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from quiltarchive import files
from quiltarchive.archive import Archive
from quiltarchive.importing.events import EventKind
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.photo import TakenAtSource
from quiltarchive.renditions_cache import preview_file
from tests.core.corpus_manifest import MUST_FAIL, NOT_PHOTOS, read_manifest


@pytest.fixture(scope="module")
def imported(tmp_path_factory, corpus):
    archive = Archive.create(tmp_path_factory.mktemp("corpus") / "archive", user="Volunteer")
    events = list(import_photos(archive, [corpus], workers=2))
    yield archive, events
    archive.close()


def relative(path: str, corpus: Path) -> str:
    return str(Path(path).relative_to(corpus))


def photos_by_file(archive: Archive, corpus: Path) -> dict[str, object]:
    items = archive.imports.items(1)
    photos = {p.id: p for p in archive.photos.list()}
    return {
        relative(item.source_path, corpus): photos[item.photo_id]
        for item in items
        if item.photo_id is not None
    }


def test_every_file_has_the_expected_outcome(imported, corpus):
    archive, events = imported
    summary = events[-1].summary
    assert events[-1].kind is EventKind.FINISHED and not summary.cancelled
    failed = {relative(o.path, corpus): o.reason for o in summary.failed}
    skipped = {relative(o.path, corpus): o.reason for o in summary.skipped}
    assert set(failed) == set(MUST_FAIL)
    for name, words in MUST_FAIL.items():
        assert words in failed[name], (name, failed[name])
    assert set(skipped) == NOT_PHOTOS
    every_image = set(read_manifest(corpus))
    assert summary.imported == len(every_image - set(MUST_FAIL)) == archive.photos.count()
    assert summary.duplicates == []


def test_reasons_name_the_file_and_read_plainly(imported, corpus):
    _, events = imported
    for event in events:
        if event.kind in (EventKind.FAILED, EventKind.SKIPPED):
            assert Path(event.path).name
            assert event.reason and "Traceback" not in event.reason
            assert "Error:" not in event.reason


def test_camera_make_model_and_gps_match_the_manifest(imported, corpus):
    archive, _ = imported
    by_file = photos_by_file(archive, corpus)
    manifest = read_manifest(corpus)
    # Its GPS block holds one latitude value of 2**32-1 and no longitude: not a place.
    nonsense_gps = {"pillow-tricky/exif_gps.jpg"}
    with_gps = 0
    for name, photo in by_file.items():
        entry = manifest[name]
        assert photo.camera_make == entry.make, name
        assert photo.camera_model == entry.model, name
        assert photo.has_location == (entry.gps == "yes" and name not in nonsense_gps), name
        with_gps += photo.has_location
    # 20 corpus files carry GPS; ultrahdr.jpg is truncated and refused, one is nonsense.
    assert with_gps == 18
    location = archive.photos.location(by_file["exif-samples/jpg/gps/DSCN0010.jpg"].id)
    assert location is not None
    assert location.latitude == pytest.approx(43.4678, abs=1e-3)
    assert location.longitude == pytest.approx(11.8851, abs=1e-3)


def test_dimensions_are_as_displayed_with_orientation_applied(imported, corpus):
    archive, _ = imported
    manifest = read_manifest(corpus)
    for name, photo in photos_by_file(archive, corpus).items():
        size = manifest[name].pillow_size
        if size is None or photo.format in ("HEIF", "AVIF"):
            continue
        expected = size[::-1] if photo.orientation in (5, 6, 7, 8) else size
        assert (photo.width, photo.height) == expected, name


def test_capture_times_keep_their_offset_or_say_where_they_came_from(imported, corpus):
    archive, _ = imported
    by_file = photos_by_file(archive, corpus)
    iphone = by_file["exif-samples/heic/IMG_5195.HEIC"]
    assert iphone.taken_at == "2021-04-11T15:47:53-05:00"
    assert iphone.taken_at_source is TakenAtSource.EXIF
    nikon = by_file["exif-samples/jpg/gps/DSCN0010.jpg"]
    assert nikon.taken_at == "2008-10-22T16:28:39"
    assert nikon.taken_at_source is TakenAtSource.EXIF_LOCAL
    no_time = by_file["pillow-tricky/hopper.jpg"]
    assert no_time.taken_at_source is TakenAtSource.FILE_TIME
    assert no_time.taken_at is not None


def test_phone_heic_files_are_imported_upright(imported, corpus):
    archive, _ = imported
    by_file = photos_by_file(archive, corpus)
    for name in (
        "exif-samples/heic/mobile/iphone_13_pro_max.HEIC",
        "exif-samples/heic/IMG_5195.HEIC",
    ):
        photo = by_file[name]
        assert photo.format == "HEIF" and photo.extension == "heic"
        assert photo.height > photo.width  # portrait phone photos stay portrait
        preview = Image.open(preview_file(archive.layout, photo))
        assert preview.height > preview.width


def test_iptc_captions_and_keywords_are_read(imported, corpus):
    archive, _ = imported
    by_file = photos_by_file(archive, corpus)
    assert by_file["pillow-tricky/iptc.jpg"].iptc_keywords[:3] == ("HvK", "2006", "summer")
    berlin = by_file["exif-samples/jpg/tests/33-type_error.jpg"]
    assert berlin.iptc_caption == "El cielo sobre Berlin (Heaven above Berlin)"
    assert berlin.caption == berlin.iptc_caption  # the caption starts from the camera's


def _difference(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB").resize(a.size))
    return sum(ImageStat.Stat(diff).mean) / 3


def test_orientation_is_applied_to_the_pixels_of_renditions(imported, corpus):
    archive, _ = imported
    by_file = photos_by_file(archive, corpus)
    reference = Image.open(preview_file(archive.layout, by_file["pillow-tricky/hopper.jpg"]))
    reference_thumbnail = Image.open(
        archive.layout.thumbnail_path(by_file["pillow-tricky/hopper.jpg"].sha256)
    )
    for orientation in range(2, 9):
        photo = by_file[f"pillow-tricky/hopper_orientation_{orientation}.jpg"]
        preview = Image.open(preview_file(archive.layout, photo))
        assert _difference(reference, preview) < 8, orientation
        thumbnail = Image.open(archive.layout.thumbnail_path(photo.sha256))
        assert _difference(reference_thumbnail, thumbnail) < 8, orientation
    # A wrongly rotated rendition would differ far more: the test can tell.
    wrong = reference.transpose(Image.Transpose.ROTATE_90)
    assert _difference(reference, wrong) > 20
    for orientation in range(1, 9):
        for shape in ("landscape", "portrait"):
            photo = by_file[f"exif-samples/jpg/orientation/{shape}_{orientation}.jpg"]
            thumb = Image.open(archive.layout.thumbnail_path(photo.sha256))
            assert (thumb.width > thumb.height) == (shape == "landscape"), photo.file_name


def test_renditions_are_bounded_srgb_jpegs(imported, corpus):
    archive, _ = imported
    for photo in archive.photos.list():
        thumbnail = Image.open(archive.layout.thumbnail_path(photo.sha256))
        preview = Image.open(preview_file(archive.layout, photo))
        assert thumbnail.format == preview.format == "JPEG"
        assert thumbnail.mode == preview.mode == "RGB"
        assert max(thumbnail.size) <= 256 and max(preview.size) <= 1600
        if max(photo.width, photo.height) >= 1600:
            assert max(preview.size) == 1600


def test_originals_are_exact_read_only_copies_addressed_by_content(imported, corpus):
    archive, _ = imported
    for name, photo in photos_by_file(archive, corpus).items():
        original = archive.layout.original_path(photo.sha256, photo.extension)
        assert original.read_bytes() == (corpus / name).read_bytes()
        assert files.sha256_of_file(original) == photo.sha256
        assert not os.stat(original).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert not any(archive.layout.incoming.iterdir())


def test_importing_the_corpus_again_adds_nothing_and_says_so(imported, corpus):
    archive, _ = imported
    before = archive.photos.count()
    events = list(import_photos(archive, [corpus], workers=1))
    summary = events[-1].summary
    assert summary.imported == 0
    assert len(summary.duplicates) == before
    assert all("already in the archive as photo" in d.reason for d in summary.duplicates)
    assert archive.photos.count() == before
