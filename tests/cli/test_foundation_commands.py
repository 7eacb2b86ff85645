"""init, import, photos, show, check and events, as a volunteer or a script uses them."""

import os
import stat

from click.testing import CliRunner

from quiltarchive.cli import main


def test_init_import_and_list(cli, corpus):
    summary = cli.json(
        "import",
        corpus / "exif-samples/jpg/gps",
        "--event",
        "Burnt Oak workshop",
        "--event-date",
        "2026-03-14",
        "--venue",
        "Burnt Oak Library",
    )
    assert summary["imported"] == 9
    assert [o["reason"] for o in summary["skipped"]] == ["not a photo (the file holds no image)"]
    photos = cli.json("photos")
    assert len(photos) == 9
    assert set(photos[0]) == {
        "id",
        "file_name",
        "sha256",
        "taken_at",
        "taken_at_source",
        "camera",
        "width",
        "height",
        "review_state",
        "rights",
    }
    assert photos[0]["review_state"] == "unreviewed" and photos[0]["rights"] == "unknown"
    events = cli.json("events")
    assert events == [
        {
            "id": 1,
            "name": "Burnt Oak workshop",
            "held_on": "2026-03-14",
            "venue": "Burnt Oak Library",
            "notes": "",
            "photo_count": 9,
        }
    ]
    assert len(cli.json("photos", "--event", 1)) == 9


def test_import_prints_a_readable_summary_and_a_second_import_adds_nothing(cli, corpus):
    result = cli(
        "import",
        corpus / "exif-samples/jpg/gps",
        corpus / "pillow-tricky/truncated_jpeg.jpg",
        expect=1,  # one file could not be imported
    )
    assert "Imported 9 photo(s)" in result.stdout
    assert "truncated_jpeg.jpg: the image data is cut short" in result.stdout
    again = cli("import", corpus / "exif-samples/jpg/gps")
    assert "Imported 0 photo(s)" in again.stdout
    assert "9 already in the archive, not added again." in again.stdout


def test_show_hides_the_location_unless_asked(cli, corpus):
    cli("import", corpus / "exif-samples/jpg/gps/DSCN0010.jpg")
    shown = cli.json("show", 1)
    assert shown["has_location"] is True and "location" not in shown
    assert "43.4" not in cli("show", 1).stdout
    located = cli.json("show", 1, "--location")
    assert round(located["location"]["latitude"], 2) == 43.47
    assert "43.4" not in str(cli.json("photos"))


def test_check_passes_then_finds_a_damaged_original_and_an_orphan(cli, corpus):
    cli("import", corpus / "exif-samples/jpg/gps")
    assert cli.json("check")["ok"] is True
    photo = cli.json("show", 3)
    original = photo["original"]
    os.chmod(original, stat.S_IWUSR | stat.S_IRUSR)
    with open(original, "r+b") as handle:
        handle.seek(2000)
        handle.write(b"tampered")
    result = cli("check", expect=1)
    assert "photo 3" in result.stdout and "no longer matches its hash" in result.stdout
    orphan = cli.archive_path / "originals" / "ff" / "ff" / ("f" * 64 + ".jpg")
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"stray")
    report = cli.json("check", expect=1)
    assert sorted(p["kind"] for p in report["problems"]) == ["original", "orphan"]


def test_check_notes_a_missing_thumbnail_without_failing_and_cache_rebuild_makes_it(cli, corpus):
    cli("import", corpus / "exif-samples/jpg/Canon_40D.jpg")
    sha = cli.json("show", 1)["sha256"]
    thumbnail = cli.archive_path / "cache" / "thumbnails" / sha[:2] / f"{sha}.jpg"
    thumbnail.unlink()
    result = cli("check")
    assert "no thumbnail in the cache" in result.stdout
    cli("cache", "rebuild", "--missing")
    assert thumbnail.is_file()
    assert "no thumbnail" not in cli("check").stdout


def test_errors_are_one_line_with_a_nonzero_exit(cli):
    result = cli("show", 42, expect=1)
    assert result.stderr == "Error: There is no photo with id 42.\n"
    assert cli.json("show", 42, expect=1) == {"error": "There is no photo with id 42."}


def test_the_archive_can_come_from_the_environment(tmp_path, corpus):
    runner = CliRunner()
    env = {"QUILTARCHIVE_ARCHIVE": str(tmp_path / "from-env")}
    assert runner.invoke(main, ["init"], env=env).exit_code == 0
    assert (tmp_path / "from-env" / "archive.sqlite").is_file()
    result = runner.invoke(main, ["photos", "--json"], env=env)
    assert result.exit_code == 0 and result.stdout.strip() == "[]"


def test_a_folder_that_is_not_an_archive_gets_a_clear_message(tmp_path):
    result = CliRunner().invoke(main, ["--archive", str(tmp_path), "photos"])
    assert result.exit_code == 1
    assert "does not hold a QuiltArchive archive" in result.stderr
    assert "quiltarchive init" in result.stderr


def test_import_records_the_batch_on_the_audit_trail_with_the_user(cli, corpus):
    cli("import", corpus / "exif-samples/jpg/Canon_40D.jpg")
    from quiltarchive.archive import Archive

    with Archive.open(cli.archive_path, writable=False) as archive:
        actions = [(e.action, e.user) for e in archive.audit.entries()]
    assert ("import started", "Test Clerk") in actions
    assert ("import finished", "Test Clerk") in actions


def test_photos_say_when_the_time_is_the_files_date_not_the_cameras(cli, corpus, tmp_path):
    from PIL import Image

    scan = tmp_path / "scan.png"  # a scanned patch: no camera, no capture time
    Image.new("RGB", (40, 30), (200, 40, 40)).save(scan)
    os.utime(scan, (1_773_482_400, 1_773_482_400))  # 2026-03-14 10:00 UTC
    cli("import", corpus / "exif-samples/jpg/Canon_40D.jpg", scan)

    listed = {p["file_name"]: p for p in cli.json("photos")}
    assert listed["scan.png"]["taken_at_source"] == "file-time"
    assert listed["scan.png"]["taken_at"].startswith("2026-03-14")
    assert listed["Canon_40D.jpg"]["taken_at_source"] in ("exif", "exif-local")
    lines = {line.split()[1]: line for line in cli("photos").stdout.splitlines()[1:]}
    assert "(file's date)" in lines["scan.png"]
    assert "(file's date)" not in lines["Canon_40D.jpg"]
    assert "the camera recorded no time" in cli("show", listed["scan.png"]["id"]).stdout
