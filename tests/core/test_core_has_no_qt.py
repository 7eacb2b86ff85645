"""The core never imports Qt: every module under quiltarchive/ imports with PySide6 blocked."""

import subprocess
import sys

from tests.conftest import REPO

BLOCK_QT_AND_IMPORT_ALL = """
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError(f"the core imported {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import quiltarchive
imported = []
for module in pkgutil.walk_packages(quiltarchive.__path__, "quiltarchive."):
    if module.name == "quiltarchive.__main__":
        continue
    importlib.import_module(module.name)
    imported.append(module.name)
print(len(imported))
"""


def test_every_core_module_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_ALL],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 20


def test_the_blocker_really_blocks_qt():
    """The check above would be worthless if the blocker let PySide6 through."""
    script = BLOCK_QT_AND_IMPORT_ALL.replace("import quiltarchive\n", "import PySide6.QtCore\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode != 0
    assert "the core imported PySide6" in result.stderr
