"""Screenshots of an offline gallery in headless Chromium, to look at before a release.

Builds a small demonstration archive from the shared photo corpus (real photos, invented
captions, one consenting adult and one unknown person blurred), with a quilt of drawn patches
(one by a maker without consent, so its square stays plain) and two stories, exports it as a
gallery and photographs its pages: the title page, the grid, the viewer, the stories, the quilt
map, and the grid and viewer on a phone-sized screen.
Writes PNGs into screenshots/ (not kept in git).

    .venv/bin/python scripts/gallery_screenshots.py
"""

import random
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from quiltarchive.archive import Archive  # noqa: E402
from quiltarchive.archive_settings import set_publisher  # noqa: E402
from quiltarchive.consent.appearances import add_appearance  # noqa: E402
from quiltarchive.consent.consents import record_consent  # noqa: E402
from quiltarchive.consent.people import add_person  # noqa: E402
from quiltarchive.curation.collections import add_items, create_collection  # noqa: E402
from quiltarchive.export.events import ExportKind  # noqa: E402
from quiltarchive.export.run import export_collection  # noqa: E402
from quiltarchive.importing.pipeline import import_photos  # noqa: E402
from quiltarchive.model.appearance import Box  # noqa: E402
from quiltarchive.model.consent import Use  # noqa: E402
from quiltarchive.model.patch import PhotoRole  # noqa: E402
from quiltarchive.model.person import AgeBand, Credit  # noqa: E402
from quiltarchive.model.photo import ReviewState, Rights  # noqa: E402
from quiltarchive.photo_states import describe_photo, set_review_state, set_rights  # noqa: E402
from quiltarchive.works.patches import add_patch  # noqa: E402
from quiltarchive.works.quilts import create_quilt  # noqa: E402
from quiltarchive.works.stories import add_story  # noqa: E402

SHARED = REPO.parent / "shared"
JPG = SHARED / "corpus" / "exif-samples" / "jpg"
OUT = REPO / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# (corpus file, caption, alt text)
PHOTOS = [
    (
        "mobile/jolla.jpg",
        "Autumn leaves from Northfield Park, the starting point for the first patch designs.",
        "Close-up of an orange autumn leaf with dark veins, lit from behind.",
    ),
    (
        "exif-org/sony-d700.jpg",
        "Saturday market: stall holders talk through the quilt project.",
        "A man in a brown coat stands at a café counter; a young man and a small child are "
        "beside him.",
    ),
    (
        "gps/DSCN0021.jpg",
        "The old plane tree by the library, where the walking group meets.",
        "A large plane tree in a park with fallen leaves on the grass.",
    ),
    (
        "exif-org/fujifilm-dx10.jpg",
        "Cakes baked for the shared lunch after the second workshop.",
        "Three round cakes on a kitchen table next to cups and a teapot.",
    ),
    (
        "gps/DSCN0025.jpg",
        "Church Street on the neighbourhood walk.",
        "A narrow street of old stone houses with a few people walking.",
    ),
    (
        "hdr/iphone_hdr_YES.jpg",
        "Wisteria in the community garden, the colour chosen for the border.",
        "Pale purple wisteria flowers hanging over a fence.",
    ),
    (
        "gps/DSCN0027.jpg",
        "The square outside the town hall, venue of the spring fair.",
        "A paved square in front of a church with a brick bell tower.",
    ),
    (
        "exif-org/sanyo-vpcsx550.jpg",
        "Salad from the Syrian kitchen table at the shared lunch.",
        "A plate of salad with grilled vegetables on a blue tablecloth.",
    ),
    (
        "gps/DSCN0010.jpg",
        "Allotments at the edge of the estate.",
        "Terraced vegetable gardens with olive trees below a hillside.",
    ),
    (
        "exif-org/sony-cybershot.jpg",
        "Mariam by the sea wall on the coach trip.",
        "A woman in an orange top stands by a low wall with the sea and hills behind her.",
    ),
    (
        "hdr/canon_hdr_YES.jpg",
        "Street lamps on the evening walk home.",
        "An ornate street lamp with five glowing globes against the night sky.",
    ),
    (
        "exif-org/sanyo-vpcg250.jpg",
        "The harbour at dusk from the coach trip.",
        "Boats moored in a harbour below an old stone tower at dusk.",
    ),
]


FABRICS = [
    (176, 58, 46),
    (38, 84, 124),
    (224, 168, 62),
    (74, 124, 89),
    (142, 86, 140),
    (232, 221, 196),
    (196, 112, 74),
    (52, 52, 64),
    (120, 170, 190),
    (210, 140, 150),
]
# (code, title, alt text, row, column, motif, by the consenting maker?)
PATCHES = [
    ("P-0001", "The library steps", "Log-cabin squares in rust and cream.", 1, 1, "cabin", True),
    ("P-0002", "Market day", "Triangles in mustard and navy.", 1, 2, "triangles", True),
    ("P-0003", "Our street", "Stripes of green and cream.", 1, 4, "stripes", True),
    ("P-0004", "Sun over the estate", "A gold circle on a blue ground.", 2, 1, "circle", True),
    ("P-0005", "Karim's garden", "A green patch.", 2, 2, "circle", False),
    ("P-0006", "Tea together", "A teacup shape in plum on cream.", 2, 3, "cabin", True),
    ("P-0007", "The plane tree", "Leaf shapes in green on rust.", 3, 2, "triangles", True),
    ("P-0008", "Rivers of home", "Wavy stripes in blue and sand.", 3, 3, "stripes", True),
    ("P-0009", "Stars for my daughter", "An eight-point star in gold.", 3, 4, "star", True),
]
STORIES = [
    (
        "Tuesdays at the library",
        "I came to the library to learn English, and I stayed for the sewing. Every Tuesday "
        "we met around the big table by the window, with tea and far too many biscuits.\n\n"
        "My patch shows the library steps, because that is where I first felt at home here.",
    ),
    (
        "A star for my daughter",
        "My daughter was born the week the quilt began. I sewed a star for her, in the gold "
        "thread my mother gave me before I left.\n\nWhen she is older I will bring her to "
        "see it hanging in the town hall.",
    ),
]


def patch_picture(path: Path, motif: str, seed: int) -> None:
    """A photo-like picture of a sewn patch: a motif in fabric colours with a weave texture."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    colours = rng.sample(FABRICS, 4)
    size = 900
    image = Image.new("RGB", (size, size), colours[0])
    draw = ImageDraw.Draw(image)
    if motif == "cabin":
        for step, inset in enumerate(range(60, size // 2, 70)):
            draw.rectangle((inset, inset, size - inset, size - inset), fill=colours[step % 4])
    elif motif == "triangles":
        cell = size // 3
        for row in range(3):
            for column in range(3):
                x, y = column * cell, row * cell
                draw.polygon([(x, y), (x + cell, y), (x, y + cell)], fill=colours[1])
                draw.polygon([(x + cell, y), (x + cell, y + cell), (x, y + cell)], fill=colours[2])
    elif motif == "stripes":
        for index, x in enumerate(range(0, size, 90)):
            draw.rectangle((x, 0, x + 90, size), fill=colours[index % 3 + 1])
    elif motif == "star":
        centre, outer, inner = size / 2, size * 0.42, size * 0.18
        import math

        points = [
            (
                centre + (outer if i % 2 == 0 else inner) * math.cos(math.pi * i / 8),
                centre + (outer if i % 2 == 0 else inner) * math.sin(math.pi * i / 8),
            )
            for i in range(16)
        ]
        draw.polygon(points, fill=(224, 168, 62))
    else:
        draw.ellipse((180, 180, size - 180, size - 180), fill=colours[2])
    for _ in range(22000):  # the weave of the cloth
        x, y = rng.randrange(size), rng.randrange(size)
        shade = rng.choice((-18, 14))
        r, g, b = image.getpixel((x, y))
        draw.point((x, y), fill=(r + shade, g + shade, b + shade))
    draw.rectangle((18, 18, size - 18, size - 18), outline=(245, 240, 228), width=6)
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    image.save(path, "JPEG", quality=90)


def add_quilt(archive: Archive, root: Path, day: date) -> list[str]:
    """The quilt, its patches and stories; returns the items to add to the collection."""
    folder = root / "patches"
    folder.mkdir()
    for index, (_, _, _, _, _, motif, _) in enumerate(PATCHES):
        patch_picture(folder / f"DSC_{index:04d}.jpg", motif, index)
    list(import_photos(archive, [folder], workers=2))
    photos = {p.file_name: p.id for p in archive.photos.list()}
    amina = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT).id
    record_consent(
        archive,
        amina,
        given_by_id=amina,
        given_on=day,
        uses=[Use.EXHIBITION, Use.WEB],
        story=True,
    )
    karim = add_person(archive, "Karim Haddad", age_band=AgeBand.ADULT).id
    quilt = create_quilt(archive, "Connecting Communities", 3, 4)
    items = []
    for index, (code, title, alt, row, column, _, consenting) in enumerate(PATCHES):
        photo_id = photos[f"DSC_{index:04d}.jpg"]
        set_rights(archive, photo_id, Rights.STAFF)
        set_review_state(archive, photo_id, ReviewState.NO_PEOPLE)
        describe_photo(archive, photo_id, alt_text=alt)
        add_patch(
            archive,
            code,
            title=title,
            maker_id=amina if consenting else karim,
            place=(quilt.id, row, column),
            photos=[(photo_id, PhotoRole.FRONT)],
            story="I sewed the steps where I first felt at home." if index == 0 else "",
        )
        items.append(code)
    for title, text in STORIES:
        items.append(f"story:{add_story(archive, title, teller_id=amina, text=text).id}")
    return items


def build(root: Path) -> tuple[Archive, int]:
    archive = Archive.create(root / "archive", user="Communications")
    set_publisher(archive, organisation="Northfield Borough Council")
    folder = root / "card"
    folder.mkdir()
    for index, (name, _, _) in enumerate(PHOTOS, start=1):
        shutil.copy(JPG / name, folder / f"IMG_{index:04d}.jpg")
    list(import_photos(archive, [folder], workers=2))
    photos = {p.file_name: p.id for p in archive.photos.list()}
    ids = []
    for index, (_, caption, alt) in enumerate(PHOTOS, start=1):
        photo_id = photos[f"IMG_{index:04d}.jpg"]
        ids.append(photo_id)
        set_rights(archive, photo_id, Rights.STAFF)
        describe_photo(archive, photo_id, caption=caption, alt_text=alt)
    day = date.today() - timedelta(days=20)
    david = add_person(archive, "David Okoro", age_band=AgeBand.ADULT).id
    record_consent(archive, david, given_by_id=david, given_on=day, uses=[Use.EXHIBITION, Use.WEB])
    mariam = add_person(archive, "Mariam Haddad", age_band=AgeBand.ADULT).id
    record_consent(
        archive,
        mariam,
        given_by_id=mariam,
        given_on=day,
        uses=[Use.EXHIBITION],
        credit=Credit.FIRST,
    )
    market, seaside = ids[1], ids[9]
    add_appearance(archive, market, david, box=Box(0.1, 0.1, 0.12, 0.2))
    add_appearance(archive, market, None, box=Box(0.33, 0.17, 0.1, 0.16))
    add_appearance(archive, market, None, box=Box(0.25, 0.45, 0.12, 0.45), identifiable=False)
    add_appearance(archive, seaside, mariam, box=Box(0.4, 0.25, 0.1, 0.18))
    for photo_id in ids:
        has_people = photo_id in (market, seaside)
        set_review_state(
            archive, photo_id, ReviewState.REVIEWED if has_people else ReviewState.NO_PEOPLE
        )
    collection = create_collection(
        archive,
        "Connecting Communities: our neighbourhood",
        Use.EXHIBITION,
        "Photographs from the spring quilt workshops, walks and shared lunches at Northfield "
        "Library, chosen by the people who made the quilt.",
    )
    add_items(archive, collection.id, ids)
    add_items(archive, collection.id, add_quilt(archive, root, day))
    return archive, collection.id


def shoot(index: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    shots = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(index.as_uri())
        page.wait_for_load_state("load")
        for path, kwargs in (
            (OUT / "gallery-title.png", {}),
            (OUT / "gallery-grid.png", {"full_page": True}),
        ):
            page.screenshot(path=str(path), **kwargs)
            shots.append(path)
        page.locator(".tile-link").nth(1).click()
        page.wait_for_function("document.getElementById('viewer-image').complete")
        page.screenshot(path=str(OUT / "gallery-viewer.png"))
        shots.append(OUT / "gallery-viewer.png")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
        page.wait_for_function("document.getElementById('viewer-image').complete")
        page.screenshot(path=str(OUT / "gallery-viewer-next.png"))
        shots.append(OUT / "gallery-viewer-next.png")
        page.keyboard.press("Escape")
        page.locator(".stories").scroll_into_view_if_needed()
        page.screenshot(path=str(OUT / "gallery-stories.png"))
        shots.append(OUT / "gallery-stories.png")
        page.locator(".quilt-link").first.click()
        page.wait_for_load_state("load")
        page.screenshot(path=str(OUT / "gallery-quilt-map.png"), full_page=True)
        shots.append(OUT / "gallery-quilt-map.png")
        page.locator(".quilt-patch").first.focus()
        page.screenshot(path=str(OUT / "gallery-quilt-map-focus.png"))
        shots.append(OUT / "gallery-quilt-map-focus.png")
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('viewer').open")
        page.wait_for_function("document.getElementById('viewer-image').complete")
        page.screenshot(path=str(OUT / "gallery-patch-viewer.png"))
        shots.append(OUT / "gallery-patch-viewer.png")
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(index.as_uri())
        phone.wait_for_load_state("load")
        phone.screenshot(path=str(OUT / "gallery-phone.png"), full_page=True)
        shots.append(OUT / "gallery-phone.png")
        phone.locator(".tile-link").nth(9).click()
        phone.wait_for_function("document.getElementById('viewer-image').complete")
        phone.screenshot(path=str(OUT / "gallery-phone-viewer.png"))
        shots.append(OUT / "gallery-phone-viewer.png")
        quilt = next(index.parent.glob("quilt-*.html"))
        phone.goto(quilt.as_uri())
        phone.wait_for_load_state("load")
        phone.screenshot(path=str(OUT / "gallery-phone-quilt-map.png"), full_page=True)
        shots.append(OUT / "gallery-phone-quilt-map.png")
        browser.close()
    return shots


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        archive, collection_id = build(root)
        events = list(
            export_collection(
                archive,
                collection_id,
                ExportKind.GALLERY,
                root / "gallery",
                blur_unconsented=True,
            )
        )
        summary = events[-1].summary
        archive.close()
        assert summary is not None and summary.destination is not None
        for left in summary.left_out:
            print(f"left out {left.item.ref}: {' '.join(left.reasons)}")
        for shot in shoot(summary.destination / "index.html"):
            print(shot.relative_to(REPO))


if __name__ == "__main__":
    main()
