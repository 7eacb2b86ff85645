"""A gallery holding quilt patches and stories, in Debian's headless Chromium with the network
off: the quilt map page shows the quilt's whole grid, each patch of the set links to its photo
in the viewer (with its credit and the maker's words), other squares are plain and name nothing,
stories read as cards, and axe-core finds no WCAG 2.1 AA violation on either page."""

from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from quiltarchive.archive import Archive
from quiltarchive.archive_settings import set_publisher
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.export.events import ExportKind
from quiltarchive.export.run import export_collection
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import describe_photo, set_review_state, set_rights
from quiltarchive.works.patches import add_patch
from quiltarchive.works.quilts import create_quilt
from quiltarchive.works.stories import add_story
from tests.e2e.test_gallery_in_chromium import Visit, run_axe

pytestmark = pytest.mark.browser

STORY = "We met every Tuesday in the library.\n\nThe blue thread came from my mother's scarf."
HIDDEN_TITLE = "Karim's secret garden"
# (code, title, row, column, by the consenting maker?)
PATCHES = [
    ("P-0001", "The library steps", 1, 1, True),
    ("P-0002", "Market day", 1, 3, True),
    ("P-0003", HIDDEN_TITLE, 2, 2, False),
    ("P-0004", "Plane tree in autumn", 3, 4, True),
]


def patch_image(path: Path, index: int) -> None:
    """A real JPEG of a patch: a coloured square with a simple sewn motif."""
    colours = [(178, 54, 48), (36, 92, 150), (212, 160, 40), (40, 120, 80)]
    image = Image.new("RGB", (600, 600), colours[index % 4])
    draw = ImageDraw.Draw(image)
    draw.ellipse((150, 150, 450, 450), fill=colours[(index + 1) % 4])
    draw.rectangle((40, 40, 560, 560), outline=(250, 245, 235), width=10)
    image.save(path, "JPEG", quality=90)


@pytest.fixture(scope="module")
def quilt_gallery(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("quilt-gallery")
    card = root / "card"
    card.mkdir()
    for index in range(len(PATCHES)):
        patch_image(card / f"IMG_{index:04d}.jpg", index)
    with Archive.create(root / "archive", user="Test Librarian") as archive:
        set_publisher(archive, organisation="Northfield Borough Council")
        list(import_photos(archive, [card], workers=1))
        photos = {p.file_name: p.id for p in archive.photos.list()}
        amina = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT).id
        record_consent(
            archive,
            amina,
            given_by_id=amina,
            given_on=date(2025, 5, 1),
            uses=[Use.EXHIBITION],
            credit=Credit.FULL,
            story=True,
        )
        karim = add_person(archive, "Karim Haddad", age_band=AgeBand.ADULT).id
        quilt = create_quilt(archive, "Connecting Communities", 3, 4)
        codes = []
        for index, (code, title, row, column, consenting) in enumerate(PATCHES):
            photo_id = photos[f"IMG_{index:04d}.jpg"]
            set_rights(archive, photo_id, Rights.STAFF)
            set_review_state(archive, photo_id, ReviewState.NO_PEOPLE)
            describe_photo(archive, photo_id, alt_text=f"A quilt patch: {title.lower()}.")
            add_patch(
                archive,
                code,
                title=title,
                maker_id=amina if consenting else karim,
                place=(quilt.id, row, column),
                photos=[(photo_id, PhotoRole.FRONT)],
                story="I sewed the steps where I learnt English." if index == 0 else "",
            )
            codes.append(code)
        story = add_story(archive, "Tuesdays at the library", teller_id=amina, text=STORY)
        collection = create_collection(
            archive, "Our quilt", Use.EXHIBITION, "The patches of the community quilt."
        )
        add_items(archive, collection.id, [*codes, f"story:{story.id}"])
        events = list(
            export_collection(archive, collection.id, ExportKind.GALLERY, root / "usb", workers=1)
        )
    summary = events[-1].summary
    assert len(summary.exported) == 4 and len(summary.left_out) == 1
    return summary.destination


def quilt_page(folder: Path) -> Path:
    (page,) = folder.glob("quilt-*.html")
    return page


def test_the_quilt_map_shows_the_grid_and_only_the_sets_patches(browser, quilt_gallery):
    visit = Visit(browser, quilt_page(quilt_gallery))
    try:
        page = visit.page
        page.wait_for_function(
            "Array.from(document.querySelectorAll('.quilt-grid img'))"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )
        assert page.title() == "Connecting Communities · Our quilt"
        assert page.locator(".quilt-cell").count() == 12  # 3 rows × 4 columns
        assert page.locator(".quilt-patch").count() == 3
        assert page.locator(".quilt-cell-plain").count() == 9
        codes = page.eval_on_selector_all(
            ".quilt-patch .quilt-code", "s => s.map(e => e.textContent)"
        )
        assert codes == ["P-0001", "P-0002", "P-0004"]  # row by row
        body = page.text_content("body")
        assert HIDDEN_TITLE not in body and "P-0003" not in body and "Karim" not in body
        assert "Made by Amina Yusuf" in body
        assert "I sewed the steps where I learnt English." in body
        assert visit.errors == []
        assert all(url.startswith("file://") for url in visit.requests), visit.requests
    finally:
        visit.close()


def test_a_patch_on_the_map_opens_its_photo_in_the_viewer(browser, quilt_gallery):
    visit = Visit(browser, quilt_page(quilt_gallery))
    try:
        page = visit.page
        page.locator(".quilt-patch").nth(1).click()
        page.wait_for_url("**/index.html#item-2")
        page.wait_for_function("document.getElementById('viewer').open")
        assert visit.counter() == "Photograph 2 of 3"
        assert page.text_content("#viewer-caption") == "P-0002 · Market day"
        assert page.get_attribute("#viewer-image", "alt") == "A quilt patch: market day."
        assert page.text_content("#viewer-credit") == "Made by Amina Yusuf"
        page.keyboard.press("ArrowLeft")
        assert page.text_content("#viewer-words").startswith("In the maker's words: I sewed")
        page.keyboard.press("Escape")
        assert not visit.viewer_open()
        assert visit.errors == []
    finally:
        visit.close()


def test_the_map_works_by_keyboard(browser, quilt_gallery):
    visit = Visit(browser, quilt_page(quilt_gallery))
    try:
        page = visit.page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "quilt-patch"
        assert "Row 1, column 1" in page.evaluate("document.activeElement.textContent")
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('viewer').open")
        assert visit.counter() == "Photograph 1 of 3"
    finally:
        visit.close()


def test_the_gallery_links_to_the_map_and_reads_its_stories(browser, quilt_gallery):
    visit = Visit(browser, quilt_gallery / "index.html")
    try:
        page = visit.page
        assert page.locator(".quilt-link").count() == 1
        story = page.locator(".story")
        assert story.count() == 1
        assert page.text_content(".story-title") == "Tuesdays at the library"
        assert page.text_content(".story-teller") == "Told by Amina Yusuf"
        paragraphs = page.eval_on_selector_all(".story-text p", "ps => ps.map(p => p.textContent)")
        assert paragraphs == [
            "We met every Tuesday in the library.",
            "The blue thread came from my mother's scarf.",
        ]
        page.locator(".quilt-link").click()
        page.wait_for_load_state("load")
        assert page.locator(".quilt-grid").count() == 1
        assert visit.errors == []
    finally:
        visit.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_core_finds_no_violation_on_the_map_or_the_stories(browser, quilt_gallery, width):
    for target in (quilt_page(quilt_gallery), quilt_gallery / "index.html"):
        opened = Visit(browser, target, viewport={"width": width, "height": 900})
        try:
            assert run_axe(opened.page) == [], target.name
            assert opened.errors == []
        finally:
            opened.close()
