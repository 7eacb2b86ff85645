"""Finding the files under `resources/` (icons, stylesheets, templates, translations).

One function for every caller, working from a source checkout, an installed wheel and a frozen
(PyInstaller) build alike.
"""

import sys
from pathlib import Path


def resources_root() -> Path:
    if getattr(sys, "frozen", False) or hasattr(sys, "_MEIPASS"):
        # PyInstaller unpacks bundled data to sys._MEIPASS; other freezers keep it beside the
        # executable.
        bundle = getattr(sys, "_MEIPASS", None) or Path(sys.executable).resolve().parent
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"QuiltArchive is missing its resource file {path}")
    return path
