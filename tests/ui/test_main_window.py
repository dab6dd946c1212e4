"""The main window shell and the selftest entry the CLI calls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from jamsos_desktop.ui.app import selftest
from jamsos_desktop.ui.main_window import PAGE_NAMES, MainWindow, window_settings

CONTRACT_PAGES = ["workersPage", "programsPage", "calendarPage", "cardsPage", "syncPage", "dashboardPage"]


def test_six_pages_with_navigation_and_status_bar(qtbot, styled_app, ui_context, add_worker):  # type: ignore[no-untyped-def]
    add_worker("Munip")
    window = MainWindow(ui_context, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.objectName() == "mainWindow"
    assert [p.objectName() for p in window.pages()] == CONTRACT_PAGES == list(PAGE_NAMES)
    assert window.stack.currentWidget().objectName() == "workersPage"
    for row, name in enumerate(CONTRACT_PAGES):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget().objectName() == name
        assert window.findChild(QWidget, name) is not None

    assert window.findChild(QLabel, "regencyLabel").text() == "Kabupaten Bangka Selatan"
    assert "jamsos.sqlite3" in window.findChild(QLabel, "databaseLabel").text()
    counts = window.findChild(QLabel, "statusWorkerCount")  # counted off the UI thread
    qtbot.waitUntil(lambda: counts.text() == "1 pekerja terdaftar, 1 aktif")

    # The sync page is built (issue 6): packages are imported and exported from it.
    sync = window.show_page("syncPage")
    from PySide6.QtWidgets import QAbstractButton

    assert sync.findChild(QAbstractButton, "syncImportButton") is not None


def test_about_names_the_version_and_the_region_data_licence(qtbot, styled_app, ui_context):  # type: ignore[no-untyped-def]
    window = MainWindow(ui_context, remember_state=False)
    qtbot.addWidget(window)
    box = window.show_about()
    assert isinstance(box, QMessageBox)
    assert "0." in box.text()
    assert "MIT" in box.informativeText() and "Cahya DSN" in box.informativeText()
    assert "Permission is hereby granted" in box.detailedText()
    box.close()


def test_window_state_is_remembered_apart_from_office_settings(qtbot, styled_app, ui_context):  # type: ignore[no-untyped-def]
    window = MainWindow(ui_context, remember_state=True)
    qtbot.addWidget(window)
    window.show()
    window.resize(1100, 650)
    window.close()
    settings = window_settings()
    assert settings.value("geometry") is not None
    assert "JamSos" in settings.fileName()
    assert ui_context.settings.get("regency") == "19.03"  # nothing of the window went to the database


def test_selftest_shows_every_page_and_saves_screenshots(
    qtbot, styled_app, ui_context, add_worker, tmp_path: Path
):  # type: ignore[no-untyped-def]
    add_worker("Munip")
    shots = tmp_path / "shots"
    result = selftest(ui_context, shots)
    assert result["pages"] == CONTRACT_PAGES
    assert isinstance(result["startup_ms"], int) and result["startup_ms"] >= 0
    for name in [*CONTRACT_PAGES, "workerForm"]:
        image = QImage(str(shots / f"{name}.png"))
        assert not image.isNull(), name
        assert image.width() >= 800 and image.height() >= 500, name


def test_selftest_without_screenshots_writes_nothing(qtbot, styled_app, ui_context, tmp_path: Path):  # type: ignore[no-untyped-def]
    result = selftest(ui_context, None)
    assert result["pages"] == CONTRACT_PAGES


def test_pages_other_than_the_start_page_are_built_when_first_shown(qtbot, styled_app, ui_context):  # type: ignore[no-untyped-def]
    window = MainWindow(ui_context, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    assert window.page_names() == CONTRACT_PAGES
    assert window.findChild(QWidget, "workersPage") is not None
    assert all(window.findChild(QWidget, name) is None for name in CONTRACT_PAGES[1:])
    window.nav.setCurrentRow(CONTRACT_PAGES.index("cardsPage"))  # the clerk clicks "Kartu"
    assert window.stack.currentWidget().objectName() == "cardsPage"
    assert window.findChild(QWidget, "calendarPage") is None
    calendar = window.show_page("calendarPage")
    assert calendar.objectName() == "calendarPage" and window.stack.currentWidget() is calendar
    window.show_page("cardsPage")  # built once: the same page again
    assert len(window.findChildren(QWidget, "cardsPage")) == 1
    assert [p.objectName() for p in window.pages()] == CONTRACT_PAGES


def test_screenshots_wait_for_the_pages_background_loads(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A page's screenshot is taken once its loads have answered (the dashboard shows charts, not
    "Menghitung…"): the wait returns only after the answer reached the UI thread."""
    from threading import Event

    from PySide6.QtWidgets import QApplication

    from jamsos_desktop.ui import app as ui_app
    from jamsos_desktop.ui.programs.tasks import idle, run_in_background

    release, answers = Event(), []
    run_in_background(lambda: release.wait(10) and "figures", answers.append)
    assert not idle()
    release.set()
    ui_app._wait_for_page(QApplication.instance())
    assert idle() and answers == ["figures"]
