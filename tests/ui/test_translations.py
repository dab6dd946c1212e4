"""Every visible string of the UI has an English translation, and the shipped .qm files are current.

``build_translations.check()`` runs pyside6-lupdate over the UI code and forms into a temporary copy of
``resources/translations/jamsos_en.ts`` (so a string added anywhere shows up as unfinished) and
pyside6-lrelease into a temporary .qm compared byte for byte with the committed one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from jamsos_desktop.devtools import build_translations
from jamsos_desktop.resources_path import resource_path


def test_every_ui_string_has_an_english_translation_and_the_qm_files_are_current() -> None:
    try:
        problems = build_translations.check()
    except SystemExit as exc:  # the Qt tools are missing from this environment
        pytest.skip(str(exc))
    assert problems == [], "\n".join(
        [*problems, "fix: python -m jamsos_desktop.devtools.build_translations, then translate the .ts"]
    )


def test_untranslated_entries_are_found(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en_GB">'
        "<context><name>P</name>"
        "<message><source>Simpan</source><translation>Save</translation></message>"
        '<message><source>Batal</source><translation type="unfinished"></translation></message>'
        "<message><source>Tutup</source><translation></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert [m.source for m in build_translations.untranslated(ts)] == ["Batal", "Tutup"]


def test_the_english_file_translates_the_main_window(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(resource_path("translations/jamsos_en.qm")))
    assert translator.translate("MainWindow", "Pekerja") == "Workers"
    assert translator.translate("FirstRunWizard", "Pengaturan awal JamSos") == "JamSos first-run setup"


def test_qt_own_buttons_speak_indonesian(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(resource_path("translations/qtbase_id.qm")))
    assert translator.translate("QPlatformTheme", "Cancel") == "Batal"
    assert translator.translate("QWizard", "&Next >") == "&Lanjut >"


def test_the_running_application_speaks_english_when_chosen(qtbot, styled_app, ui_context) -> None:  # type: ignore[no-untyped-def]
    """Runtime contexts (class names) match the .ts contexts, so switching really translates the window."""
    from jamsos_desktop.domain.formatting import format_money
    from jamsos_desktop.ui import i18n
    from jamsos_desktop.ui.main_window import MainWindow

    try:
        assert i18n.install(styled_app, "en") == "en"
        window = MainWindow(ui_context, remember_state=False)
        qtbot.addWidget(window)
        labels = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert labels[0] == "Workers"
        assert [a.text() for a in window.menuBar().actions()][-1] == "&Help"
        assert format_money(16_800) == "Rp16,800"
    finally:
        i18n.install(styled_app, "id")
    assert format_money(16_800) == "Rp16.800"


def test_a_translation_that_loses_a_placeholder_is_caught(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en_GB">'
        "<context><name>P</name>"
        "<message><source>{n} pekerja</source><translation>{n} workers</translation></message>"
        "<message><source>Basis data: {path}</source><translation>Database: {file}</translation></message>"
        "<message><source>%1 dari %2</source><translation>%1 of</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    problems = build_translations.placeholder_mismatches(ts)
    assert len(problems) == 2 and "Basis data" in problems[0] and "%1 dari %2" in problems[1]
