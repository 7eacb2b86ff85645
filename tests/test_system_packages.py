"""`make test` and `make run` set up a fresh Debian machine: the install script names every
Debian package the setup notes say the app and its tests need, and Python's venv module."""

import re
import shutil
import subprocess

import pytest

from tests.conftest import REPO, SHARED

SCRIPT = REPO / "scripts" / "install-system-packages.sh"
NOTES = SHARED / "design" / "setup-notes.md"
PACKAGE_NAME = re.compile(r"[a-z0-9][a-z0-9.+-]+")
# Named in the notes for work that neither `make test` nor `make run` does.
NOT_FOR_MAKE = {
    "imagemagick": "screenshots are taken by the app itself (QWidget.grab), not `import`",
    "binutils": "packaging with PyInstaller, a build of its own",
    "libpython3.11": "packaging with PyInstaller, a build of its own",
}


def script_packages() -> list[str]:
    result = subprocess.run([SCRIPT, "--list"], capture_output=True, text=True, check=True)
    return result.stdout.split()


def notes_packages() -> set[str]:
    """Every backticked list of package names in the notes' Debian packages section."""
    if not NOTES.is_file():
        pytest.fail(f"the setup notes are missing at {NOTES}")
    text = NOTES.read_text(encoding="utf-8")
    section = text.split("## Debian packages", 1)[1].split("\n## ", 1)[0]
    packages: set[str] = set()
    for quoted in re.findall(r"`([^`]+)`", section):
        words = quoted.split()
        if all(PACKAGE_NAME.fullmatch(word) for word in words):  # not a command line
            packages.update(words)
    return packages


def test_the_script_installs_every_package_the_setup_notes_need():
    needed = notes_packages()
    assert len(needed) >= 20 and "fonts-dejavu-core" in needed  # the section was read
    assert set(NOT_FOR_MAKE) <= needed  # each exception is still in the notes
    missing = needed - set(NOT_FOR_MAKE) - set(script_packages())
    assert missing == set()


def test_the_script_installs_what_makes_the_virtual_environment():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "-m venv" in makefile
    assert {"python3", "python3-venv"} <= set(script_packages())


def test_listing_the_packages_installs_nothing_and_names_each_once():
    listed = script_packages()
    assert len(listed) == len(set(listed))
    assert all(PACKAGE_NAME.fullmatch(name) for name in listed)


def test_every_package_the_script_names_is_known_to_debian():
    if not shutil.which("apt-cache"):
        pytest.skip("not a Debian-like system (no apt-cache)")
    listed = script_packages()
    result = subprocess.run(["apt-cache", "policy", *listed], capture_output=True, text=True)
    known = {line[:-1] for line in result.stdout.splitlines() if re.fullmatch(r"\S+:", line)}
    if not known:
        pytest.skip("apt's package lists are empty here (run apt-get update)")
    assert set(listed) - known == set()
