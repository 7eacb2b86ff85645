"""Bad input is reported by file name with a plain reason and skipped; the rest goes in."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiltarchive.importing.events import EventKind
from quiltarchive.importing.pipeline import import_photos


def run_import(archive, *sources, workers=1):
    events = list(import_photos(archive, sources, workers=workers))
    assert events[-1].kind is EventKind.FINISHED
    return events[-1].summary


def by_name(outcomes):
    return {Path(o.path).name: o.reason for o in outcomes}


@pytest.fixture
def good_jpeg(corpus) -> Path:
    return corpus / "exif-samples/jpg/Canon_40D.jpg"


def test_a_card_of_bad_files_imports_the_good_ones_and_names_the_rest(
    archive, tmp_path, corpus, good_jpeg
):
    card = tmp_path / "card" / "DCIM" / "100CANON"
    card.mkdir(parents=True)
    shutil.copy(good_jpeg, card / "IMG_0001.JPG")
    (card / "IMG_0002.JPG").write_bytes(b"")
    (card / "._IMG_0001.JPG").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 80)
    (card / "IMG_0003.JPG").write_text("<html>this was saved from a web page</html>")
    shutil.copy(corpus / "pillow-tricky/truncated_jpeg.jpg", card / "IMG_0004.JPG")
    shutil.copy(corpus / "pillow-tricky/png_decompression_dos.png", card / "IMG_0005.PNG")
    shutil.copy(corpus / "pillow-tricky/hopper.jpg", card / "IMG_0006.HEIC")  # a JPEG, misnamed
    (card / "MVI_0007.MOV").write_bytes(b"\x00\x00\x00\x14ftypqt  ")
    (card / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (card / "loop").symlink_to(card.parent, target_is_directory=True)
    (card / "gone.jpg").symlink_to(tmp_path / "nowhere.jpg")
    with open(card / "IMG_0008.JPG", "wb") as huge:  # sparse: 1.5 GB on paper, nothing on disk
        huge.truncate(1536 << 20)

    summary = run_import(archive, tmp_path / "card")

    failed, skipped = by_name(summary.failed), by_name(summary.skipped)
    assert summary.imported == 2  # IMG_0001.JPG and the misnamed IMG_0006.HEIC
    assert failed["IMG_0002.JPG"] == "the file is empty (0 bytes)"
    assert failed["IMG_0003.JPG"] == "the name says .jpg but the content is not an image"
    assert "truncated" in failed["IMG_0004.JPG"]
    assert "decompression bomb" in failed["IMG_0005.PNG"]
    assert "does not exist" in failed["gone.jpg"]
    assert "larger than any photo" in failed["IMG_0008.JPG"]
    assert "AppleDouble" in skipped["._IMG_0001.JPG"]
    assert skipped["MVI_0007.MOV"] == "a video, not a photo"
    assert "symlink loop" in skipped["loop"]
    assert ".DS_Store" not in failed | skipped  # system litter is not worth a line
    misnamed = by_name(summary.notes)["IMG_0006.HEIC"]
    assert misnamed == "the name says .heic but it is a JPEG image; stored as .jpg"
    stored = {p.file_name: p for p in archive.photos.list()}
    assert stored["IMG_0006.HEIC"].extension == "jpg"
    assert not any(archive.layout.incoming.iterdir())  # nothing half-written is left


def test_same_camera_name_on_two_folders_is_two_photos_but_same_content_is_one(
    archive, tmp_path, corpus
):
    dcim = tmp_path / "DCIM"
    for folder, source in (
        ("100CANON", "Canon_40D.jpg"),
        ("101CANON", "Nikon_D70.jpg"),
        ("102CANON", "Canon_40D.jpg"),
    ):
        (dcim / folder).mkdir(parents=True)
        shutil.copy(corpus / "exif-samples/jpg" / source, dcim / folder / "IMG_0001.JPG")
    summary = run_import(archive, dcim)
    assert summary.imported == 2
    assert len(summary.duplicates) == 1
    assert "102CANON" in summary.duplicates[0].path
    assert sorted(p.camera_make for p in archive.photos.list()) == ["Canon", "NIKON CORPORATION"]


def test_a_file_that_cannot_be_read_is_reported_and_the_rest_imported(tmp_path, corpus):
    """Root passes permission checks, so as root the import runs without that capability."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(corpus / "exif-samples/jpg/Canon_40D.jpg", source / "readable.jpg")
    shutil.copy(corpus / "exif-samples/jpg/Nikon_D70.jpg", source / "private.jpg")
    os.chmod(source / "private.jpg", 0)
    script = (
        "from quiltarchive.archive import Archive\n"
        "from quiltarchive.importing.pipeline import import_photos\n"
        f"a = Archive.create({str(tmp_path / 'archive')!r})\n"
        f"s = list(import_photos(a, [{str(source)!r}], workers=1))[-1].summary\n"
        "print(s.imported, '|'.join(f'{o.path}: {o.reason}' for o in s.failed))\n"
    )
    command = [sys.executable, "-c", script]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test unreadable files as root"
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stderr
    count, failures = result.stdout.strip().split(" ", 1)
    assert count == "1"
    assert failures == f"{source / 'private.jpg'}: the file cannot be read (permission denied)"


def test_a_missing_source_is_reported_not_raised(archive, tmp_path):
    summary = run_import(archive, tmp_path / "no-such-card")
    assert by_name(summary.failed) == {"no-such-card": "there is no file or folder with this name"}
