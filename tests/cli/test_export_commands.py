"""Collections, exports and the ledger from the command line, as communications staff use them."""

import json
from datetime import date, timedelta

import pytest


@pytest.fixture
def fair(cli, corpus):
    """Three photos: two ready for the web, one with a child whose consent is for print only."""
    cli(
        "import",
        corpus / "exif-samples/jpg/gps/DSCN0010.jpg",
        corpus / "exif-samples/jpg/gps/DSCN0012.jpg",
        corpus / "exif-samples/jpg/gps/DSCN0021.jpg",
    )
    mother = int(cli("person", "add", "Grace Okafor", "--age-band", "adult").stdout)
    child = int(
        cli("person", "add", "Tom Okafor", "--birth-year", "2017", "--guardian", mother).stdout
    )
    given = (date.today() - timedelta(days=10)).isoformat()
    cli("consent", "add", child, "--given-by", mother, "--given-on", given, "--uses", "print")
    cli("appear", 3, child, "--box", "0.4,0.2,0.2,0.3")
    for photo in (1, 2, 3):
        cli("rights", photo, "staff")
    cli("review", 1, "--no-people")
    cli("review", 2, "--no-people")
    cli("review", 3, "--done")
    cli("describe", 1, "--caption", "Allotments <b>in bloom</b>", "--alt", "Vegetable beds")
    return child


def test_a_set_is_made_checked_and_arranged(cli, fair):
    assert cli("collection", "create", "Spring fair", "--use", "web").stdout.strip() == "1"
    added = cli.json("collection", "add", "spring fair", "3", "1", "2", "1")
    assert added == {"added": ["3", "1", "2"], "already_in": []}
    assert cli.json("collection", "add", "Spring fair", "2") == {"added": [], "already_in": ["2"]}
    shown = cli.json("collection", "show", "Spring fair")
    assert [i["ref"] for i in shown["items"]] == ["3", "1", "2"]
    check = shown["check"]
    assert [i["item"] for i in check["included"]] == ["1", "2"]
    (left,) = check["left_out"]
    assert left["item"] == "3"
    assert left["reasons"] == ["Tom Okafor's current consent does not cover web."]
    assert check["lacking_alt_text"] == ["2"]
    text = cli("collection", "show", "Spring fair").stdout
    assert "photo 3: LEFT OUT" in text and "does not cover web" in text
    assert "Lacking alt text: photo(s) 2" in text
    print_check = cli.json("collection", "show", "Spring fair", "--use", "print")["check"]
    assert [i["item"] for i in print_check["included"]] == ["3", "1", "2"]
    assert print_check["included"][0]["credit"] == "Tom"

    assert cli.json("collection", "move", "Spring fair", "2", "1") == {"order": ["2", "3", "1"]}
    cli("collection", "describe", "Spring fair", "2", "--alt", "A path between beds")
    assert cli.json("collection", "show", "Spring fair")["check"]["lacking_alt_text"] == []
    cli("collection", "remove", "Spring fair", "3")
    cli("collection", "rename", "Spring fair", "Spring fair 2026")
    cli("collection", "set", "Spring fair 2026", "--description", "The fair at the library.")
    (listed,) = cli.json("collection", "list")
    assert (listed["name"], listed["use"], listed["items"]) == ("Spring fair 2026", "web", 2)
    trail = cli.json("audit", "--entity", "collection:1")
    assert (
        trail[0]["action"] == "collection changed" and trail[-1]["action"] == "collection created"
    )


def test_export_says_what_went_and_what_was_left_out_and_why(cli, fair, tmp_path):
    cli("collection", "create", "Spring fair", "--use", "web")
    cli("collection", "add", "Spring fair", "1", "2", "3")
    result = cli("export", "Spring fair", "--kind", "gallery", "--to", tmp_path / "usb", "--zip")
    out = result.stdout
    assert "2 of 3 item(s) may go" in out
    assert "photo 3: LEFT OUT" in out and "does not cover web" in out
    assert f"to {tmp_path / 'usb'} and {tmp_path / 'usb.zip'}" in out
    assert "publication ledger as entry 1" in out
    assert (tmp_path / "usb" / "index.html").is_file() and (tmp_path / "usb.zip").is_file()

    summary = cli.json(
        "export",
        "Spring fair",
        "--kind",
        "pack",
        "--to",
        tmp_path,
        "--use",
        "print",
        "--size",
        "400",
    )
    assert summary["destination"] == str(tmp_path / "spring-fair-pack")
    assert [e["item"] for e in summary["exported"]] == ["1", "2", "3"]
    assert summary["exported"][2]["credit"] == "Tom" and summary["left_out"] == []
    csv_text = (tmp_path / "spring-fair-pack" / "captions-and-credits.csv").read_text("utf-8-sig")
    assert "Allotments <b>in bloom</b>" in csv_text and ",Tom," in csv_text

    ledger = cli.json("ledger")
    assert [p["kind"] for p in ledger] == ["pack", "gallery"]
    assert ledger[1]["destination"] == str(tmp_path / "usb")
    held = cli.json("ledger", "--person", fair)
    assert [p["kind"] for p in held] == ["pack"]
    assert {f["file_name"] for f in held[0]["files"]} >= {"003-photograph.jpg"}
    text = cli("ledger", "--person", fair).stdout
    assert "003-photograph.jpg" in text
    impact = cli("impact", fair).stdout
    assert "spring-fair-pack" in impact


def test_export_refuses_plainly(cli, fair, tmp_path):
    cli("collection", "create", "Empty use")
    cli("collection", "add", "Empty use", "1")
    refused = cli.raw("export", "Empty use", "--kind", "gallery", "--to", tmp_path / "x")
    assert refused.exit_code == 1 and "Say which use" in refused.stderr
    refused = cli.raw("export", "Nope", "--kind", "gallery", "--to", tmp_path / "x")
    assert "There is no collection called “Nope”" in refused.stderr
    refused = cli.raw(
        "export", "Empty use", "--kind", "gallery", "--to", tmp_path / "x", "--use", "archive"
    )
    assert refused.exit_code == 1 and "internal viewing" in refused.stderr
    refused = cli.raw(
        "export",
        "Empty use",
        "--kind",
        "gallery",
        "--to",
        tmp_path / "x",
        "--use",
        "web",
        "--size",
        "800",
    )
    assert "sizes are fixed" in refused.stderr
    cli("collection", "create", "Child only", "--use", "social")
    cli("collection", "add", "Child only", "3")
    nothing = cli.raw("export", "Child only", "--kind", "pack", "--to", tmp_path / "y", "--json")
    assert nothing.exit_code == 1
    assert json.loads(nothing.stdout)["destination"] is None
    assert not (tmp_path / "y").exists()
    deleted = cli.raw("collection", "delete", "Child only", "--json")
    assert deleted.exit_code == 1 and "--yes" in deleted.stderr
    assert cli.json("collection", "delete", "Child only", "--yes") == {"deleted": 2}


def test_settings_name_the_publisher(cli):
    values = cli.json(
        "settings",
        "--organisation",
        "Northfield Borough Council",
        "--policy-url",
        "https://northfield.example/images",
    )
    assert values["organisation"] == "Northfield Borough Council"
    assert values["policy_url"] == "https://northfield.example/images"
    bad = cli.raw("settings", "--policy-url", "northfield")
    assert bad.exit_code == 1 and "is not a web address" in bad.stderr


def test_patches_and_stories_are_added_by_code_and_story_id_and_exported(cli, fair, tmp_path):
    """A patch by its code, a story as story:N; a story without story permission is left out
    with the consent decision's reason, and the ledger names the patch and the story."""
    maker = int(cli("person", "add", "Amina Yusuf", "--age-band", "adult").stdout)
    given = (date.today() - timedelta(days=10)).isoformat()
    cli(
        "consent",
        "add",
        maker,
        "--given-by",
        maker,
        "--given-on",
        given,
        "--uses",
        "web",
        "--story",
    )
    cli("patch", "add", "P-0042", "--title", "Our library", "--maker", maker)
    cli("patch", "photo", "P-0042", 1)
    (tmp_path / "told.txt").write_text("We sewed.", "utf-8")
    (tmp_path / "untold.txt").write_text("A secret.", "utf-8")
    told = cli.json(
        "story", "add", "Tuesdays", "--teller", maker, "--text-file", tmp_path / "told.txt"
    )
    untold = cli.json(
        "story", "add", "Tom's day", "--teller", fair, "--text-file", tmp_path / "untold.txt"
    )
    cli("collection", "create", "Works", "--use", "web")
    added = cli.json(
        "collection", "add", "Works", "p-0042", f"story:{told['id']}", f"story:{untold['id']}"
    )
    assert added["added"][1:] == [f"story:{told['id']}", f"story:{untold['id']}"]
    assert added["added"][0].startswith("patch:")
    check = cli.json("collection", "show", "Works")["check"]
    assert [i["kind"] for i in check["included"]] == ["patch", "story"]
    (left,) = check["left_out"]
    assert left["item"] == f"story:{untold['id']}"
    assert any("story" in reason or "web" in reason for reason in left["reasons"])
    text = cli("collection", "show", "Works").stdout
    assert "patch P-0042: goes as 001-our-library" in text
    assert f"story {untold['id']}: LEFT OUT" in text
    cli("collection", "add", "Works", "P-9999", expect=1)

    summary = cli.json("export", "Works", "--kind", "pack", "--to", tmp_path / "out")
    folder = tmp_path / "out"
    assert (folder / "002-tuesdays.txt").read_text("utf-8").startswith("Tuesdays")
    assert "A secret." not in "".join(
        p.read_text("utf-8", "ignore") for p in folder.rglob("*") if p.is_file()
    )
    assert [e["item"] for e in summary["exported"]][1] == f"story:{told['id']}"
    files = cli("ledger", "--files").stdout
    assert f"story {told['id']}" in files and "patch " in files
