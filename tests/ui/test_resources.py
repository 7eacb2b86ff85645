"""Icons, the stylesheet and translations come through one function, in a source checkout and
in a frozen (PyInstaller) build alike."""

import shutil
import sys
from pathlib import Path

import pytest

from quiltarchive.resources import resource_path, resources_root
from ui import resources

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture
def fresh_icons():
    resources.icon.cache_clear()
    yield
    resources.icon.cache_clear()


def test_from_a_source_checkout_resources_are_the_repositorys(fresh_icons):
    assert resources_root() == REPO_RESOURCES
    assert not resources.icon("app").isNull()
    assert resources.stylesheet() == (REPO_RESOURCES / "styles" / "app.qss").read_text("utf-8")


def test_a_frozen_build_reads_them_from_its_bundle(tmp_path, monkeypatch, fresh_icons):
    bundle = tmp_path / "_internal"
    shutil.copytree(REPO_RESOURCES, bundle / "resources")
    (bundle / "resources" / "styles" / "app.qss").write_text("/* bundled */", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources_root() == bundle / "resources"
    assert resource_path("icons", "app.svg") == bundle / "resources" / "icons" / "app.svg"
    assert resources.stylesheet() == "/* bundled */"
    assert not resources.icon("app").isNull()
    shutil.rmtree(bundle / "resources" / "icons")
    with pytest.raises(FileNotFoundError, match="missing its resource file"):
        resource_path("icons", "app.svg")  # never falls back to the source tree


def test_other_freezers_keep_them_beside_the_executable(tmp_path, monkeypatch):
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "QuiltArchive"))
    assert resources_root() == tmp_path / "resources"
