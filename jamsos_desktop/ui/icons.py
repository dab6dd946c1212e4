"""The icon set: simple line icons drawn for JamSos as SVG files in ``resources/icons`` (CC0, see
``resources/icons/LICENSE-icons.txt``), one stroke colour, 24 × 24. Qt's SVG icon engine draws them
crisp at any size and on high-DPI screens.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from jamsos_desktop.resources_path import resource_path

#: Every icon the application uses; the bundle check (``missing_resources``) looks for each.
NAMES = (
    "workers", "programs", "calendar", "cards", "sync", "dashboard",
    "help", "about", "language", "settings", "folder", "add", "edit", "search",
    "import", "export", "print", "logo", "check", "warning", "quit",
)  # fmt: skip


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name`` (one of :data:`NAMES`); an empty icon for an unknown name."""
    path = resource_path(f"icons/{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


@cache
def app_icon() -> QIcon:
    """The application's own icon (window title bars, task bar, About box)."""
    icon = QIcon()
    svg = resource_path("icons/jamsos.svg")
    png = resource_path("icons/jamsos.png")
    if svg.exists():
        icon = QIcon(str(svg))
    if png.exists():
        icon.addFile(str(png))
    return icon
