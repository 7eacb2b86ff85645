"""Every setting the app keeps, declared once with its type and default.

Preferences (what the user chose) live apart from saved window state (geometry, splitters), so
"reset the layout" never forgets whose name goes on the audit trail.
"""

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

RECENT_LIMIT = 8


@dataclass(frozen=True)
class Setting:
    """A key and its default; the default's type is the type read back."""

    key: str
    default: Any

    def read(self, settings: QSettings | None = None) -> Any:
        value = (settings or QSettings()).value(self.key)
        if value is None:
            return self.default
        try:
            return self._convert(value)
        except (TypeError, ValueError):
            return self.default

    def _convert(self, value: Any) -> Any:
        if isinstance(self.default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(self.default, int):
            return int(value)
        if isinstance(self.default, list):
            loaded = json.loads(str(value))
            return [str(item) for item in loaded] if isinstance(loaded, list) else self.default
        if isinstance(self.default, QByteArray):
            return value if isinstance(value, QByteArray) else QByteArray(value)
        return str(value)

    def write(self, value: Any, settings: QSettings | None = None) -> None:
        store = settings or QSettings()
        store.setValue(self.key, json.dumps(value) if isinstance(value, list) else value)


# -- preferences ---------------------------------------------------------------------------
USER_NAME = Setting("preferences/user_name", "")
CHECK_USE = Setting("preferences/check_use", "web")  # the use the badges answer for

# -- saved state ---------------------------------------------------------------------------
LAST_ARCHIVE = Setting("state/last_archive", "")
RECENT_ARCHIVES = Setting("state/recent_archives", [])
WINDOW_GEOMETRY = Setting("state/window_geometry", QByteArray())
WINDOW_STATE = Setting("state/window_state", QByteArray())
SPLITTER_STATE = Setting("state/splitter", QByteArray())
VIEWER_GEOMETRY = Setting("state/viewer_geometry", QByteArray())
ZOOM = Setting("state/tile_size", 168)
FILTERS_VISIBLE = Setting("state/filters_visible", False)


def remember_archive(path: str) -> list[str]:
    """Make `path` the last archive and the first of the recent ones; returns the recent list."""
    LAST_ARCHIVE.write(path)
    recent = [path, *(p for p in RECENT_ARCHIVES.read() if p != path)][:RECENT_LIMIT]
    RECENT_ARCHIVES.write(recent)
    return recent
