"""Fixtures shared by every test: real archives in temporary folders, the shared photo corpus,
and camera-size photos generated once and cached."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from bench.photos import generate
from quiltarchive.archive import Archive
from tests.small_disk import SmallDisk

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QUILTARCHIVE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
CACHE = REPO / ".cache"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """A new, empty archive opened for writing."""
    opened = Archive.create(tmp_path / "archive", user="Test Librarian")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared photo corpus is missing at {CORPUS}")
    return CORPUS


def generated_photos(count: int) -> Path:
    """`count` camera-size JPEGs with real EXIF (half with GPS), made once and kept in .cache/."""
    folder = CACHE / f"camera-photos-{count}"
    if not (folder / "manifest.csv").is_file():
        generate(folder, count, shared=SHARED)
    return folder


@pytest.fixture(scope="session")
def camera_photos() -> Path:
    return generated_photos(6)


# Property tests: a quick profile for every run, and `HYPOTHESIS_PROFILE=thorough` for the
# exhaustive one (tens of thousands of random archives) before changing the consent rules.
settings.register_profile("default", max_examples=400, deadline=None)
settings.register_profile("thorough", max_examples=25_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 16 MB file system of its own (see tests/small_disk.py), unmounted afterwards."""
    disk = SmallDisk(tmp_path / "small-disk", 16)
    disk.mount()
    yield disk
    disk.unmount()
