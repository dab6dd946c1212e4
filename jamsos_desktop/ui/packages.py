"""Opening a sync package (``.jamsync``) handed to JamSos by Windows (double-click, "Open with").

The sync page imports it (``import_file(path)``, or ``open_package(path)``); a version without the sync
capability tells the clerk plainly that it cannot import packages yet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget


def open_package_file(window: QMainWindow, path: Path) -> QMessageBox | None:
    """Show the sync page and give it ``path``; say why when that is not possible."""
    show_page = getattr(window, "show_page", None)
    page: QWidget | None = None
    if callable(show_page):
        try:
            page = show_page("syncPage")
        except KeyError:
            page = None
    opener = getattr(page, "open_package", None) or getattr(page, "import_file", None)
    if callable(opener) and path.is_file():
        opener(path)
        return None
    if not path.is_file():
        text = QCoreApplication.translate("PackageOpener", "Berkas paket {name} tidak ditemukan.").format(
            name=str(path)
        )
    else:
        text = QCoreApplication.translate(
            "PackageOpener",
            "Berkas paket {name} diterima, tetapi versi JamSos ini belum bisa mengimpor paket "
            "sinkronisasi. Simpan berkas itu dan impor setelah JamSos diperbarui.",
        ).format(name=path.name)
    box = QMessageBox(QMessageBox.Icon.Information, "JamSos", text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("packageOpenBox")
    box.open()
    return box
