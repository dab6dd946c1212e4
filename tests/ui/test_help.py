"""Help (F1), About with licences, and the language menu of the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.help import HelpDialog
from jamsos_desktop.ui.main_window import MainWindow


def _window(qtbot, ui_context) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ui_context, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_f1_opens_the_guide_with_the_bpu_rules(qtbot, styled_app, ui_context) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ui_context)
    action = window.findChild(QAction, "helpAction")
    assert action.shortcut() == QKeySequence(Qt.Key.Key_F1)
    action.trigger()  # what F1 does (offscreen windows never get keyboard focus for shortcuts)
    qtbot.waitUntil(lambda: window.findChild(HelpDialog, "helpDialog") is not None)
    dialog = window.findChild(HelpDialog, "helpDialog")
    text = dialog.browser.toPlainText()
    for fact in ("Rp16.800", "JKK Rp10.000 + JKM Rp6.800", "tanggal 15", "hari kerja berikutnya", "3 bulan",
                 "Rp42 juta", "175", "NIK", "ditambah 40", "Excel", "kartu", ".jamsync"):  # fmt: skip
        assert fact in text, fact
    dialog.close()


def test_about_lists_the_licences(qtbot, styled_app, ui_context) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, ui_context)
    box = window.show_about()
    assert isinstance(box, QMessageBox)
    info = box.informativeText()
    for name in ("PySide6", "LGPL", "reportlab", "BSD", "openpyxl", "SQLAlchemy", "MIT", "Cahya DSN", "CC0"):
        assert name in info, name
    details = box.detailedText()
    assert "Permission is hereby granted" in details  # the region data's MIT notice in full
    assert "CC0" in details and "LGPL" in details
    box.close()


def test_language_menu_stores_the_choice_for_the_next_start(
    qtbot, styled_app, ui_context, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("JAMSOS_LANG", raising=False)
    i18n.set_language("id")
    window = _window(qtbot, ui_context)
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None
    english = next(a for a in menu.actions() if a.objectName() == "language_en")
    english.trigger()
    assert i18n.chosen_language() == "en"
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "languageChangedBox") is not None)
    window.findChild(QMessageBox, "languageChangedBox").close()
    i18n.set_language("id")
    assert i18n.chosen_language() == "id"
