"""Help for clerks (*Bantuan*): the guide (F1) and the About box with the licences.

The guide is an HTML resource (``resources/help/bantuan.html``, English ``bantuan_en.html``) shown in a
QTextBrowser, so it is written and reviewed like a document and read offline.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop import __version__
from jamsos_desktop.resources_path import resource_path
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.icons import app_icon, icon

HELP_FILES = {"id": "help/bantuan.html", "en": "help/bantuan_en.html"}


def help_file(lang: str | None = None):  # type: ignore[no-untyped-def]
    path = resource_path(HELP_FILES.get(lang or i18n.current(), HELP_FILES["id"]))
    return path if path.exists() else resource_path(HELP_FILES["id"])


class HelpDialog(QDialog):
    """The guide, non-modal, so a clerk can read it beside the form he is filling in."""

    def __init__(self, parent: QWidget | None = None, *, anchor: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(QCoreApplication.translate("HelpDialog", "Panduan JamSos"))
        self.setWindowIcon(icon("help"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        path = help_file()
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        if anchor:
            self.browser.scrollToAnchor(anchor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 620)


def about_box(parent: QWidget | None = None) -> QMessageBox:
    """Version, purpose and licences; the full notices under *Detail*."""
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle(QCoreApplication.translate("HelpDialog", "Tentang JamSos"))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(
        QCoreApplication.translate("HelpDialog", "<b>JamSos Desktop</b> versi {version}").format(
            version=__version__
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "HelpDialog",
            "Pendaftaran pekerja rentan peserta BPJS Ketenagakerjaan (JKK dan JKM) untuk Dinas Sosial.\n\n"
            "Dibuat dengan Python (lisensi PSF), Qt 6 dan PySide6 (LGPL v3), SQLAlchemy dan Alembic (MIT), "
            "reportlab (BSD), openpyxl (MIT), Pillow (MIT-CMU) dan SQLite (domain publik). "
            "Ikon: set ikon JamSos, CC0.\n\n"
            "Data kode wilayah Kemendagri 2025 dari proyek cahyadsn/wilayah, "
            "\u00a9 2017\u20132025 Cahya DSN, lisensi MIT (teks lengkap di Detail).",
        )
    )
    notices = []
    for name in ("regions/NOTICE-wilayah.md", "licenses/THIRD-PARTY.md", "icons/LICENSE-icons.txt"):
        with contextlib.suppress(OSError):
            notices.append(resource_path(name).read_text(encoding="utf-8").strip())
    box.setDetailedText("\n\n----------------------------------------\n\n".join(notices))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def install_help_menu(window: QMainWindow, menu: QMenu) -> None:
    """Fill the *Bantuan* menu: the guide (F1) and *Tentang JamSos*."""
    guide = QAction(icon("help"), QCoreApplication.translate("HelpDialog", "&Panduan JamSos"), window)
    guide.setObjectName("helpAction")
    guide.setShortcut(QKeySequence(Qt.Key.Key_F1))
    guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    guide.triggered.connect(lambda: show_help(window))
    menu.addAction(guide)
    menu.addSeparator()
    about = QAction(icon("about"), QCoreApplication.translate("HelpDialog", "&Tentang JamSos"), window)
    about.setObjectName("aboutAction")
    about.triggered.connect(lambda: about_box(window))
    menu.addAction(about)


def show_help(parent: QWidget, anchor: str = "") -> HelpDialog:
    """Open (or raise) the guide window of ``parent``."""
    existing = parent.findChild(HelpDialog, "helpDialog")
    if existing is not None:
        if anchor:
            existing.browser.scrollToAnchor(anchor)
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = HelpDialog(parent, anchor=anchor)
    dialog.show()
    return dialog
