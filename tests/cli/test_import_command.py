"""`import`: the event it goes into, its exit status, and what it writes when refused."""

import pytest

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.events import ensure_event


def nothing_written(cli):
    with Archive.open(cli.archive_path, writable=False) as archive:
        assert archive.events.list() == []
        assert archive.imports.list_batches() == []
        assert archive.photos.count() == 0
        assert list(archive.audit.entries()) == []


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("2026-02-30", "is not a real date"),
        ("14/03/2026", "is not a date in the form YYYY-MM-DD"),
        ("2026-3-4", "is not a date in the form YYYY-MM-DD"),
        ("next Tuesday", "is not a date in the form YYYY-MM-DD"),
        ("", "is not a date in the form YYYY-MM-DD"),
    ],
)
def test_a_new_event_with_an_impossible_date_is_refused_and_nothing_written(
    cli, corpus, given, problem
):
    result = cli(
        "import",
        corpus / "exif-samples/jpg/Canon_40D.jpg",
        "--event",
        "Burnt Oak workshop",
        "--event-date",
        given,
        expect=2,
    )
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and problem in line and "Traceback" not in line
    nothing_written(cli)


def test_a_date_or_venue_without_an_event_name_is_refused(cli, corpus):
    result = cli("import", corpus / "exif-samples/jpg", "--event-date", "2026-03-14", expect=2)
    assert "name it with --event" in result.stderr
    nothing_written(cli)


def test_the_core_refuses_an_impossible_event_date_too(archive):
    with pytest.raises(InvalidInput, match="not a real date"):
        ensure_event(archive, "Burnt Oak workshop", held_on="2026-02-30")
    assert archive.events.list() == []
    event = ensure_event(archive, "Burnt Oak workshop", held_on="2026-03-14", venue="Library")
    assert (event.name, event.held_on, event.venue) == (
        "Burnt Oak workshop",
        "2026-03-14",
        "Library",
    )


def test_a_file_that_fails_makes_the_exit_status_1_after_importing_the_rest(cli, corpus, tmp_path):
    card = tmp_path / "card"
    card.mkdir()
    (card / "IMG_0001.JPG").write_bytes((corpus / "exif-samples/jpg/Canon_40D.jpg").read_bytes())
    (card / "IMG_0002.JPG").write_bytes(b"")
    (card / "IMG_0003.JPG").write_text("<html>saved from a web page</html>")

    result = cli("import", card, expect=1)

    assert "Imported 1 photo(s)" in result.stdout
    assert "2 could not be imported:" in result.stdout
    assert f"{card / 'IMG_0002.JPG'}: the file is empty (0 bytes)" in result.stdout
    assert (
        f"{card / 'IMG_0003.JPG'}: the name says .jpg but the content is not an image"
        in result.stdout
    )
    summary = cli.json("import", card, expect=1)
    assert sorted(o["reason"] for o in summary["failed"]) == [
        "the file is empty (0 bytes)",
        "the name says .jpg but the content is not an image",
    ]
    assert len(summary["duplicates"]) == 1


def test_only_duplicates_and_non_photos_skipped_is_exit_status_0(cli, corpus, tmp_path):
    card = tmp_path / "card"
    card.mkdir()
    (card / "IMG_0001.JPG").write_bytes((corpus / "exif-samples/jpg/Canon_40D.jpg").read_bytes())
    (card / "MVI_0002.MOV").write_bytes(b"\x00\x00\x00\x14ftypqt  ")
    assert "Imported 1 photo(s)" in cli("import", card).stdout
    again = cli("import", card, expect=0)
    assert "1 already in the archive, not added again." in again.stdout
