"""Quilts, patches and stories from the command line, as a librarian's script records a
workshop's patches and renders the quilt for a poster."""

import pytest
from PIL import Image

from quiltarchive.archive import Archive

QUILT = "Connecting Communities"
RED, BLUE, GREEN = (220, 30, 40), (30, 60, 200), (20, 160, 60)


@pytest.fixture
def workshop(cli, tmp_path):
    """Three patch photos (imported, staff rights, no people), an adult maker who gave consent
    for print and web with story permission, and a class consented for by its teacher."""
    folder = tmp_path / "card"
    folder.mkdir()
    names = ("1-red.jpg", "2-blue.jpg", "3-green.jpg")
    for name, colour in zip(names, (RED, BLUE, GREEN), strict=True):
        Image.new("RGB", (320, 240), colour).save(folder / name, quality=95)
        # One import each: photo ids follow the order the files are imported in, and one
        # import's parallel workers finish in any order.
        cli("import", folder / name)
    assert [(p["id"], p["file_name"]) for p in cli.json("photos")] == list(enumerate(names, 1))
    for photo in (1, 2, 3):
        cli("rights", photo, "staff")
        cli("review", photo, "--no-people")
    amina = int(cli("person", "add", "Amina Yusuf", "--age-band", "adult").stdout)
    cli(
        "consent", "add", amina, "--given-by", amina, "--given-on", "2026-01-05",
        "--uses", "print,web", "--story",
    )  # fmt: skip
    teacher = int(cli("person", "add", "Helen Clarke", "--age-band", "adult").stdout)
    group = cli.json(
        "person", "add", "Year 4, St Mary's", "--group", "--age-band", "child",
        "--guardian", teacher,
    )  # fmt: skip
    assert group["is_group"] is True
    cli(
        "consent", "add", group["id"], "--given-by", teacher, "--given-on", "2026-01-05",
        "--uses", "print",
    )  # fmt: skip
    story = tmp_path / "story.txt"
    story.write_text("\ufeffMy grandmother's scarf, sewn into a bridge.\n", encoding="utf-8")
    quilt = int(cli("quilt", "create", QUILT, "--rows", 2, "--cols", 3).stdout)
    return {"amina": amina, "group": group["id"], "story": story, "quilt": quilt}


def add_patches(cli, workshop):
    code = cli(
        "patch", "add", "p-0001", "--title", "Bridges", "--maker", workshop["amina"],
        "--quilt", QUILT, "--row", 1, "--col", 1, "--story-file", workshop["story"],
        "--materials", "cotton, silk", "--received", "2026-03-14",
    ).stdout.strip()  # fmt: skip
    assert code == "P-0001"
    cli("patch", "add", "P-0002", "--title", "Our school", "--maker", workshop["group"])
    cli("patch", "photo", "P-0001", 1)
    cli("patch", "photo", "P-0002", 2, "--role", "front")
    cli("patch", "photo", "P-0002", 3, "--role", "detail")
    cli("patch", "place", "P-0002", "--quilt", QUILT, "--row", 1, "--col", 2)


def test_a_workshops_patches_recorded_listed_shown_and_assessed(cli, workshop):
    add_patches(cli, workshop)
    listed = cli.json("patches", "--quilt", QUILT)
    assert [(p["code"], p["position"]["row"], p["position"]["column"]) for p in listed] == [
        ("P-0001", 1, 1),
        ("P-0002", 1, 2),
    ]
    table = cli("patches").stdout
    assert "Year 4, St Mary's" in table and "Bridges" in table
    assert [p["code"] for p in cli.json("patches", "--search", "grandmother")] == ["P-0001"]
    assert [p["code"] for p in cli.json("patches", "--search", "p-000")] == ["P-0001", "P-0002"]

    shown = cli.json("patch", "show", "p-0001")["patch"]
    assert shown["story"] == "My grandmother's scarf, sewn into a bridge."
    assert shown["materials"] == "cotton, silk" and shown["received_on"] == "2026-03-14"
    text = cli("patch", "show", "P-0002").stdout
    assert "Maker is a group  yes" in text and "2 (front), 3 (detail)" in text

    decision = cli.json("patch", "assess", "P-0002", "--use", "print", "--on", "2026-06-01")
    assert decision["allowed"] is True and decision["credit"] == "Year 4, St Mary's"
    refused = cli("patch", "assess", "P-0002", "--use", "web", "--on", "2026-06-01").stdout
    assert refused.startswith("Patch P-0002 may NOT be used for web on 2026-06-01.")
    assert "Year 4, St Mary's current consent does not cover web." in refused
    with_story = cli.json(
        "patch", "assess", "P-0001", "--use", "web", "--with-story", "--on", "2026-06-01"
    )
    assert with_story["allowed"] is True and with_story["credit"] == "Amina Yusuf"
    assert cli.json("assess", 1, "--use", "web")["allowed"] is True  # photos as before


def test_moving_swapping_and_unplacing_patches(cli, workshop):
    add_patches(cli, workshop)
    moved = cli.json("patch", "place", "P-0001", "--quilt", QUILT, "--row", 2, "--col", 3)
    assert moved["moves"][0]["after"] == {"quilt_id": workshop["quilt"], "row": 2, "column": 3}
    swapped = cli("patch", "place", "P-0002", "--quilt", QUILT, "--row", 2, "--col", 3, "--swap")
    assert "Patch P-0002: “Connecting Communities” row 1, column 2 → “Connecting" in swapped.stdout
    assert "Patch P-0001: “Connecting Communities” row 2, column 3 → “Connecting" in swapped.stdout
    cli("patch", "unplace", "P-0001")
    assert cli.json("patch", "show", "P-0001")["patch"]["position"] is None
    cli("patch", "edit", "P-0001", "--title", "Bridges over the Brent", "--code", "P-0100")
    assert cli.json("patch", "show", "P-0100")["patch"]["title"] == "Bridges over the Brent"


def test_the_quilt_map_shows_which_patches_may_be_used(cli, workshop):
    add_patches(cli, workshop)
    text = cli("quilt", "show", QUILT, "--use", "web", "--on", "2026-06-01").stdout
    assert "P-0001   (P-0002)" in text
    assert "Year 4, St Mary's current consent does not cover web." in text
    cells = cli.json("quilt", "show", QUILT, "--use", "print", "--on", "2026-06-01")["cells"]
    assert [(c["code"], c["allowed"], c["credit"]) for c in cells] == [
        ("P-0001", True, "Amina Yusuf"),
        ("P-0002", True, "Year 4, St Mary's"),
    ]
    assert cells[0]["thumbnail"].endswith(".jpg")
    quilts = cli.json("quilt", "list")
    assert [(q["name"], q["rows"], q["columns"], q["placed"]) for q in quilts] == [(QUILT, 2, 3, 2)]
    cli("quilt", "edit", QUILT, "--rows", 4, "--notes", "Hangs in the library foyer")
    assert "4 × 3" in cli("quilt", "list").stdout


def test_rendering_a_quilt_for_print(cli, workshop, tmp_path):
    add_patches(cli, workshop)
    destination = tmp_path / "poster.png"
    report = cli.json(
        "quilt", "render", QUILT, "--to", destination, "--inches", 6, "--dpi", 100,
        "--use", "web", "--on", "2026-06-01", "--labels", "--seam-colour", "#102030",
    )  # fmt: skip
    assert report["width"] == 600 and report["shown"] == ["P-0001"]
    assert report["not_shown"] == ["P-0002"] and report["empty_cells"] == 4
    with Image.open(destination) as poster:
        assert poster.size == (600, report["height"])
        assert poster.getpixel((0, 0)) == (16, 32, 48)
        layout = report["layout"]
        middle = (layout["left"] + layout["cell"] // 2, layout["top"] + layout["cell"] // 2)
        red = poster.getpixel(middle)
        assert red[0] > 180 and red[1] < 70 and red[2] < 80
    text = cli(
        "quilt", "render", QUILT, "--to", tmp_path / "poster.jpg", "--width", 400,
        "--labels", "credit", "--title", "Our quilt", "--on", "2026-06-01",
    ).stdout  # fmt: skip
    assert "poster.jpg (400 × " in text
    assert "2 patch(es) shown for print on 2026-06-01; 0 drawn as placeholders; 4 empty" in text


def test_stories_recorded_shown_listed_and_assessed(cli, workshop, tmp_path):
    add_patches(cli, workshop)
    translation = tmp_path / "translation.txt"
    translation.write_text("I arrived in winter.", encoding="utf-8")
    original = tmp_path / "original.txt"
    original.write_text("وصلت في الشتاء", encoding="utf-8")
    story = cli.json(
        "story", "add", "Arriving", "--teller", workshop["amina"], "--text-file", original,
        "--language", "ar", "--translation-file", translation, "--photo", 3, "--patch", "P-0001",
    )  # fmt: skip
    assert (story["language"], story["translation_language"]) == ("ar", "en")
    assert story["photo_ids"] == [3] and story["patch_ids"] == [1]
    shown = cli("story", "show", story["id"]).stdout
    assert "وصلت في الشتاء" in shown and "Translation (en):" in shown and "P-0001" in shown
    assert [s["id"] for s in cli.json("stories", "--search", "winter")] == [story["id"]]
    assert "Arriving" in cli("stories").stdout
    decision = cli.json("story", "assess", story["id"], "--use", "web", "--on", "2026-06-01")
    assert decision["allowed"] is True and decision["credit"] == "Amina Yusuf"
    refused = cli.json("story", "assess", story["id"], "--use", "press", "--on", "2026-06-01")
    assert refused["allowed"] is False


def state(cli):
    with Archive.open(cli.archive_path, writable=False) as archive:
        return (
            len(archive.audit.entries()),
            [(p.code, p.position, p.photos) for p in archive.patches.list()],
            [q.name for q in archive.quilts.list()],
            len(archive.stories.list()),
        )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["patch", "add", "P-0001", "--title", "Again", "--maker", 1],
            "There is already a patch with the code P-0001.",
        ),
        (
            ["patch", "place", "P-0002", "--quilt", QUILT, "--row", 1, "--col", 1],
            "Row 1, column 1 of quilt “Connecting Communities” already holds patch P-0001; move "
            "that one first, or swap the two.",
        ),
        (
            ["patch", "place", "P-0002", "--quilt", QUILT, "--row", 3, "--col", 1],
            "Row 3 is outside quilt “Connecting Communities”, which has rows 1 to 2.",
        ),
        (
            [
                "patch",
                "add",
                "P-0003",
                "--title",
                "T",
                "--maker",
                1,
                "--quilt",
                QUILT,
                "--row",
                0,
                "--col",
                1,
            ],
            "Row 0 is outside quilt “Connecting Communities”, which has rows 1 to 2.",
        ),
        (["patch", "photo", "P-0002", 999], "There is no photo with id 999."),
        (["patch", "show", "P-0404"], "There is no patch with the code P-0404."),
        (["quilt", "show", "Lost"], "There is no quilt called “Lost”."),
        (
            ["quilt", "create", QUILT.upper(), "--rows", 2, "--cols", 2],
            "There is already a quilt called “CONNECTING COMMUNITIES”.",
        ),
        (["story", "show", 9], "There is no story with id 9."),
        (
            ["quilt", "render", QUILT, "--to", "poster.gif"],
            "Render to a .png or .jpg file, not poster.gif.",
        ),
        (
            ["quilt", "render", QUILT, "--to", "x.png", "--seam-colour", "tartan"],
            "“tartan” is not a colour: write it as #rrggbb (for example #f3ede2) or a name such "
            "as ivory.",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(cli, workshop, arguments, message):
    add_patches(cli, workshop)
    before = state(cli)
    result = cli(*arguments, expect=1)
    assert result.stderr == f"Error: {message}\n"
    assert state(cli) == before
    assert cli.json(*arguments, expect=1) == {"error": message}
