"""Icons and the stylesheet, read from `resources/` through the core's one resource function
(which also finds them inside a frozen build)."""

from functools import cache

from PySide6.QtGui import QIcon

from quiltarchive.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def stylesheet() -> str:
    return resource_path("styles", "app.qss").read_text(encoding="utf-8")
