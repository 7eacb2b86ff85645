"""An original is kept only if the copy read back from the archive's disk holds exactly the
bytes that were read and hashed; a copy that comes back different is refused, named and
removed, and the same file imports cleanly once the disk behaves."""

from pathlib import Path

from PIL import Image

from quiltarchive import files
from quiltarchive.importing.pipeline import import_photos


def a_photo(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "IMG_0001.JPG"
    Image.new("RGB", (640, 480), (180, 90, 40)).save(path, quality=90)
    return path


def test_a_copy_that_does_not_match_is_refused_and_nothing_is_kept(archive, tmp_path, monkeypatch):
    photo = a_photo(tmp_path / "card")
    write_atomic = files.write_atomic

    def flipping_one_byte(path: Path, data: bytes, *, read_only: bool = False) -> None:
        if read_only:  # the original's copy: the disk hands back one byte changed
            data = data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]
        write_atomic(path, data, read_only=read_only)

    monkeypatch.setattr(files, "write_atomic", flipping_one_byte)
    summary = list(import_photos(archive, [photo], workers=1))[-1].summary

    assert summary.imported == 0
    [failure] = summary.failed
    assert failure.path.endswith("IMG_0001.JPG")
    assert "did not match the original" in failure.reason
    assert archive.photos.count() == 0
    originals = [p for p in archive.layout.originals.rglob("*") if p.is_file()]
    assert originals == []

    monkeypatch.setattr(files, "write_atomic", write_atomic)
    again = list(import_photos(archive, [photo], workers=1))[-1].summary
    assert again.imported == 1
    [stored] = [p for p in archive.layout.originals.rglob("*") if p.is_file()]
    assert stored.read_bytes() == photo.read_bytes()


def test_holds_exactly_tells_a_truncated_or_changed_file_from_a_faithful_one(tmp_path):
    path = tmp_path / "copy"
    path.write_bytes(b"0123456789")

    assert files.holds_exactly(path, b"0123456789")
    assert not files.holds_exactly(path, b"0123456788")
    assert not files.holds_exactly(path, b"012345678")
    assert not files.holds_exactly(path, b"0123456789!")
