"""The virtual quilt render, compared pixel by pixel with the patches it shows: real photos
imported through the import pipeline (one EXIF-rotated), placeholders where consent is
missing, seams in the chosen colour, labels when asked, nothing but an sRGB profile."""

import json
import subprocess
import threading
from types import SimpleNamespace

import pytest
from PIL import Image

from quiltarchive import files
from quiltarchive.consent.impact import withdrawal_impact
from quiltarchive.errors import InvalidInput
from quiltarchive.model.consent import Use
from quiltarchive.model.person import Credit
from quiltarchive.model.photo import Rights
from quiltarchive.storage.ledger import LedgerStore
from quiltarchive.works.render import (
    Labels,
    RenderCancelled,
    RenderOptions,
    parse_colour,
    render_quilt,
)
from quiltarchive.works.render_drawing import empty_cell
from tests.core.consent.scene import D
from tests.core.works.workshop import BLUE, GREEN, RED, YELLOW, png_chunks

SEAM = (0x12, 0x34, 0x56)
PLACEHOLDER = (205, 199, 189)
TOLERANCE = 14  # JPEG round trips of flat colours


def close_to(pixel, colour, tolerance=TOLERANCE):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def pixels(image):
    data = image.convert("RGB").tobytes()
    return [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]


def at(image, box, fx, fy):
    """The pixel at fractions (fx, fy) of a cell's box."""
    left, top, right, bottom = box
    return image.getpixel((left + int((right - left) * fx), top + int((bottom - top) * fy)))


@pytest.fixture
def quilt(workshop):
    """Row 1: red (JPEG), blue (PNG), a quadrant photo stored sideways with EXIF orientation 6.
    Row 2: a patch whose maker never consented, an empty cell, a photo with unknown rights."""
    archive = workshop.archive
    amina = workshop.consenting_adult("Amina Yusuf", uses=(Use.PRINT, Use.WEB))
    shy = workshop.consenting_adult("Grace Lee", uses=(Use.PRINT,), credit=Credit.NONE)
    nobody = workshop.adult("Ivo Petrov")
    grid = workshop.quilt("Connecting Communities", rows=2, columns=3)
    red = workshop.patch_photo(RED)
    blue = workshop.patch_photo(BLUE, fmt="PNG")
    # Stored TL red, TR blue, BL green, BR yellow; shown upright: TL green, TR red, BL yellow,
    # BR blue.
    rotated = workshop.patch_photo((RED, BLUE, GREEN, YELLOW), orientation=6)
    refused = workshop.patch_photo((90, 90, 90))
    unknown = workshop.patch_photo((200, 0, 200), rights=Rights.UNKNOWN)
    workshop.patch("P-0001", amina, photo=red, place=(grid.id, 1, 1))
    workshop.patch("P-0002", shy, photo=blue, place=(grid.id, 1, 2))
    workshop.patch("P-0003", amina, photo=rotated, place=(grid.id, 1, 3))
    workshop.patch("P-0004", nobody, photo=refused, place=(grid.id, 2, 1))
    workshop.patch("P-0005", amina, photo=unknown, place=(grid.id, 2, 3))
    assert archive.photos.get(rotated).orientation == 6
    return SimpleNamespace(archive=archive, grid=grid, amina=amina, folder=workshop.folder.parent)


def render(quilt, name="quilt.png", **options):
    options = {"width": 900, "use": Use.PRINT, "on_day": D, "seam_colour": SEAM, **options}
    destination = quilt.folder / name
    report = render_quilt(quilt.archive, quilt.grid.name, destination, RenderOptions(**options))
    image = Image.open(destination)
    image.load()
    return report, image


def assert_patches_at_their_cells(report, image, tolerance=TOLERANCE):
    box = report.layout.cell_box
    assert close_to(at(image, box(1, 1), 0.5, 0.5), RED, tolerance)
    assert close_to(at(image, box(1, 2), 0.5, 0.5), BLUE, tolerance)
    assert close_to(at(image, box(1, 3), 0.25, 0.25), GREEN, tolerance)
    assert close_to(at(image, box(1, 3), 0.75, 0.25), RED, tolerance)
    assert close_to(at(image, box(1, 3), 0.25, 0.75), YELLOW, tolerance)
    assert close_to(at(image, box(1, 3), 0.75, 0.75), BLUE, tolerance)


def test_each_patch_is_drawn_in_its_cell_upright(quilt):
    report, image = render(quilt)
    assert image.size == (report.width, report.height) and report.width == 900
    assert image.mode == "RGB"
    assert_patches_at_their_cells(report, image)
    assert report.shown == ("P-0001", "P-0002", "P-0003")


def test_from_the_originals_the_render_applies_the_orientation_itself(quilt):
    report, image = render(quilt, from_originals=True)
    assert_patches_at_their_cells(report, image)


def test_patches_that_may_not_be_used_are_neutral_placeholders(quilt):
    report, image = render(quilt)
    box = report.layout.cell_box
    assert at(image, box(2, 1), 0.5, 0.5) == PLACEHOLDER  # the maker never consented
    assert at(image, box(2, 3), 0.5, 0.5) == PLACEHOLDER  # the photo's rights are unknown
    assert at(image, box(2, 2), 0.5, 0.5) == empty_cell(8, SEAM).getpixel((4, 4))
    assert report.not_shown == ("P-0004", "P-0005") and report.empty_cells == 1
    # Grey for a print the maker agreed to is not grey for social media she did not.
    social, social_image = render(quilt, "social.png", use=Use.SOCIAL)
    assert social.shown == ()
    assert at(social_image, social.layout.cell_box(1, 1), 0.5, 0.5) == PLACEHOLDER


def test_seams_and_margins_are_in_the_chosen_colour(quilt):
    report, image = render(quilt)
    layout = report.layout
    assert layout.seam > 0
    first, second = layout.cell_box(1, 1), layout.cell_box(1, 2)
    assert second[0] - first[2] == layout.seam
    middle = (first[1] + first[3]) // 2
    for x in range(first[2], second[0]):
        assert image.getpixel((x, middle)) == SEAM
    below = layout.cell_box(2, 1)
    for y in range(first[3], below[1]):
        assert image.getpixel(((first[0] + first[2]) // 2, y)) == SEAM
    for corner in ((0, 0), (report.width - 1, 0), (0, report.height - 1)):
        assert image.getpixel(corner) == SEAM
    last = layout.cell_box(2, 3)
    assert last[2] < report.width and last[3] < report.height


def band_of(image, box):
    left, top, right, bottom = box
    return image.crop((left, bottom - (bottom - top) // 6, right, bottom))


def test_labels_are_drawn_only_when_asked(quilt):
    plain_report, plain = render(quilt, width=1500)
    labelled_report, labelled = render(quilt, "codes.png", width=1500, labels=Labels.CODE)
    box = plain_report.layout.cell_box(1, 1)
    assert labelled_report.layout == plain_report.layout
    assert at(labelled, box, 0.5, 0.5) == at(plain, box, 0.5, 0.5)
    band = band_of(labelled, box)
    assert band.tobytes() != band_of(plain, box).tobytes()
    assert any(min(p) > 230 for p in pixels(band))  # white letters on the darkened band
    placeholder_box = plain_report.layout.cell_box(2, 1)
    placeholder_band = band_of(labelled, placeholder_box)
    assert any(max(p) < 100 for p in pixels(placeholder_band))  # its code, in dark ink


def test_credit_labels_follow_each_makers_choice(quilt):
    _, plain = render(quilt, width=1500)
    report, credits = render(quilt, "credits.png", width=1500, labels=Labels.CREDIT)
    amina_box = report.layout.cell_box(1, 1)
    shy_box = report.layout.cell_box(1, 2)  # Grace chose to be credited by no name at all
    refused_box = report.layout.cell_box(2, 1)
    assert band_of(credits, amina_box).tobytes() != band_of(plain, amina_box).tobytes()
    assert band_of(credits, shy_box).tobytes() == band_of(plain, shy_box).tobytes()
    assert band_of(credits, refused_box).tobytes() == band_of(plain, refused_box).tobytes()


def test_a_title_goes_above_the_quilt(quilt):
    plain_report, _ = render(quilt)
    report, image = render(quilt, "titled.png", title="Connecting Communities")
    assert report.height > plain_report.height and report.layout.title_height > 0
    heading = image.crop((0, 0, report.width, report.layout.title_height))
    assert any(max(p) < 100 for p in pixels(heading))  # dark letters on the calico


def exiftool_groups(path):
    output = subprocess.run(
        ["exiftool", "-j", "-G0", "-a", str(path)], capture_output=True, text=True, check=True
    )
    return {key.split(":")[0] for key in json.loads(output.stdout)[0] if ":" in key}


def test_the_png_carries_nothing_but_pixels_and_an_srgb_profile(quilt):
    report, image = render(quilt)
    kinds = png_chunks(report.path)
    assert set(kinds) == {"IHDR", "iCCP", "IDAT", "IEND"}
    assert image.info.get("icc_profile")
    assert exiftool_groups(report.path) <= {"ExifTool", "File", "PNG", "ICC_Profile", "Composite"}
    assert [p.name for p in quilt.folder.iterdir() if p.name.startswith(".")] == []


def test_a_jpeg_render_shows_the_same_and_carries_no_camera_metadata(quilt):
    report, image = render(quilt, "quilt.jpg")
    assert image.format == "JPEG"
    assert_patches_at_their_cells(report, image, tolerance=20)
    assert close_to(at(image, report.layout.cell_box(2, 1), 0.5, 0.5), PLACEHOLDER, 6)
    assert not image.getexif() and image.info.get("icc_profile")
    assert exiftool_groups(report.path) <= {"ExifTool", "File", "JFIF", "ICC_Profile", "Composite"}


def test_a_render_goes_on_the_ledger_and_a_withdrawal_finds_it(quilt):
    report, _ = render(quilt)
    (publication,) = LedgerStore(quilt.archive.db).publications()
    assert publication.id == report.publication_id
    assert (publication.kind, publication.use, publication.decided_on) == (
        "quilt render",
        "print",
        D.isoformat(),
    )
    assert publication.destination == str(report.path.resolve())
    assert len(publication.files) == 3 and all(f.sha256 == report.sha256 for f in publication.files)
    assert report.sha256 == files.sha256_of_file(report.path)
    impact = withdrawal_impact(quilt.archive, quilt.amina)
    assert [p.id for p in impact.publications] == [publication.id]
    assert len(impact.publications[0].files) == 2  # P-0001 and P-0003 rely on her consent
    entry = quilt.archive.audit.entries(entity_type="quilt", entity_id=quilt.grid.id)[0]
    assert entry.action == "quilt rendered" and entry.after["not_shown"] == ["P-0004", "P-0005"]


def test_a_photo_that_cannot_be_read_becomes_a_placeholder_with_a_warning(quilt):
    archive = quilt.archive
    photo = archive.photos.get(archive.patches.by_code("P-0001").front_photo_id)
    files.remove_file(archive.layout.original_path(photo.sha256, photo.extension))
    files.remove_file(archive.layout.preview_path(photo.sha256))
    report, image = render(quilt)
    assert at(image, report.layout.cell_box(1, 1), 0.5, 0.5) == PLACEHOLDER
    assert "P-0001" in report.not_shown
    assert report.problems == (
        f"Patch P-0001: photo {photo.id} could not be read (its original file is missing from the "
        "archive; run `check`), so a placeholder was drawn.",
    )


def test_a_cancelled_render_writes_and_records_nothing(quilt):
    cancel = threading.Event()
    destination = quilt.folder / "cancelled.png"
    with pytest.raises(RenderCancelled):
        render_quilt(
            quilt.archive,
            quilt.grid.name,
            destination,
            RenderOptions(width=600, on_day=D),
            progress=lambda done, total: cancel.set(),
            cancel=cancel,
        )
    assert not destination.exists()
    assert [p for p in quilt.folder.iterdir() if p.name.startswith(".")] == []
    assert LedgerStore(quilt.archive.db).publications() == []


@pytest.mark.parametrize(
    ("destination", "options", "message"),
    [
        ("quilt.gif", {}, "Render to a .png or .jpg file, not quilt.gif."),
        ("missing/quilt.png", {}, "The folder {folder}/missing does not exist."),
        (
            "quilt.png",
            {"width": 20},
            "At 20 px wide, each of the 3 columns would be 4 px: make the render wider (at least "
            "8 px a patch) or the seams narrower.",
        ),
        ("quilt.png", {"width": 0}, "A render is 1 to 60000 pixels wide, not 0."),
    ],
)
def test_impossible_renders_are_refused_plainly(quilt, destination, options, message):
    with pytest.raises(InvalidInput) as refused:
        render_quilt(
            quilt.archive, quilt.grid.name, quilt.folder / destination, RenderOptions(**options)
        )
    assert str(refused.value) == message.format(folder=quilt.folder)
    assert LedgerStore(quilt.archive.db).publications() == []


def test_colours_are_read_as_people_write_them():
    assert parse_colour("#F3EDE2") == (243, 237, 226)
    assert parse_colour("f3ede2") == (243, 237, 226)
    assert parse_colour("ivory") == (255, 255, 240)
    with pytest.raises(InvalidInput, match="“beige-ish” is not a colour"):
        parse_colour("beige-ish")
