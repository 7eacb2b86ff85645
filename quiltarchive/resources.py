"""Finding the files under `resources/` (icons, stylesheets, templates, translations).

One function for every caller, working from a source checkout, an installed wheel and a frozen
(PyInstaller) build alike.
"""

import sys
from pathlib import Path


def resources_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"QuiltArchive is missing its resource file {path}")
    return path
