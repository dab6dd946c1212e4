"""Starting the desktop application: ``run`` for clerks, ``selftest`` for the installer and for checks.

Only Qt and the pages are imported here; report and spreadsheet libraries are imported by the features
that need them, so the window appears quickly.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from jamsos_desktop import APP_NAME, ORGANIZATION, __version__, startup
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.resources_path import resource_path

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext
    from jamsos_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: A NIK from Toboali (Bangka Selatan), woman born 17-08-1985, for the form screenshot.
SAMPLE_NIK = "1903015708850002"


def _check_display() -> None:
    """Qt aborts the process when it finds no display; say so in one sentence instead."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            raise UsageError(
                "usage.no_display", detail="DISPLAY/WAYLAND_DISPLAY kosong; pakai QT_QPA_PLATFORM=offscreen"
            )


def application() -> QApplication:
    """The QApplication, created once with the names QSettings uses."""
    app = QApplication.instance()
    if app is None:
        _check_display()
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication([sys.argv[0] if sys.argv else "jamsos"])
    assert isinstance(app, QApplication)
    if not app.property("jamsosStyled"):
        apply_style(app)
        app.setProperty("jamsosStyled", True)
        from jamsos_desktop.ui import i18n
        from jamsos_desktop.ui.icons import app_icon

        i18n.install(app)
        app.setWindowIcon(app_icon())
    return app


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same calm look on Windows 10/11 and Linux; the system font is kept
    path = resource_path("styles/app.qss")
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet %s not found; using the plain style", path)


def _main_window(context: AppContext, *, remember_state: bool) -> MainWindow:
    from jamsos_desktop.ui.main_window import MainWindow

    return MainWindow(context, remember_state=remember_state)


def run(context: AppContext, open_file: str | None = None) -> int:
    """Show the main window and run until the clerk closes it. Returns the exit code."""
    app = application()
    from jamsos_desktop.ui import crash

    crash.install(context.data_dir / "logs" / "jamsos.log" if crash.default_log_path() is None else None)
    from jamsos_desktop.ui.first_run import run_first_run

    run_first_run(context)  # once, while the office is not set up; cancelling starts with the defaults
    from jamsos_desktop.ui.safety.login import idle_minutes, login_at_start

    if not context.access.logged_in and not login_at_start(context):
        return 0  # the clerk chose to leave at the login
    window = _main_window(context, remember_state=True)
    window.show()
    startup.started()  # the window is up: collect garbage as usual from here on
    window.safety.daily_backup()  # quick_check, then once a day a checked backup, in the background
    window.safety.start_idle_lock(idle_minutes(context))
    _warn_about_location(window, context)
    if open_file:
        from jamsos_desktop.ui.packages import open_package_file

        open_package_file(window, Path(open_file))  # a double-clicked .jamsync package
    return int(app.exec())


def _warn_about_location(window: MainWindow, context: AppContext) -> None:
    """A database in a cloud-synced folder or on a network share: say why that is dangerous, once."""
    from PySide6.QtWidgets import QMessageBox

    from jamsos_desktop.domain.messages import render
    from jamsos_desktop.services.backup import location_problems
    from jamsos_desktop.ui import i18n

    problems = location_problems(getattr(context.database.target, "path", None))
    if problems:
        text = "\n\n".join(render(code, i18n.current(), **params) for code, params in problems)
        box = QMessageBox(QMessageBox.Icon.Warning, window.tr("Lokasi basis data berisiko"), text, parent=window)
        box.setObjectName("locationWarning")
        box.open()


def _settle(app: QApplication) -> None:
    """Let pending layout and paint events run (bounded; never an open-ended loop)."""
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _wait_for_lists(app: QApplication, window: MainWindow, timeout_s: float = 15.0) -> None:
    """Wait (bounded) until the workers list has its first answer, so screenshots show real rows."""
    deadline = time.perf_counter() + timeout_s
    while window.workersPage.model.busy and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def _wait_for_page(app: QApplication, timeout_s: float = 15.0) -> None:
    """Wait (bounded) until the page's background loads have answered, so its screenshot shows figures
    and charts instead of "Menghitung…"."""
    from jamsos_desktop.ui.programs import tasks

    deadline = time.perf_counter() + timeout_s
    while not tasks.idle() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def selftest(context: AppContext, screenshots: Path | None) -> dict[str, Any]:
    """Start the GUI on ``context``, show every main page once, optionally save a PNG of each, close.

    Works on any Qt platform, ``offscreen`` included. Returns ``{"startup_ms", "pages"}``.
    """
    if getattr(sys, "frozen", False) or os.environ.get("JAMSOS_BUNDLE_CHECK") == "1":
        # In a PyInstaller bundle a missing module or resource must fail the selftest (installer
        # CI); pip installs guarantee them, and importing every lazy library would cost a second.
        from jamsos_desktop.ui.bundle_check import ensure_complete

        ensure_complete()
    if (
        sys.platform.startswith("linux")
        and QApplication.instance() is None
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        # A smoke test needs no screen: on a headless machine it draws off screen.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    app = application()
    window = _main_window(context, remember_state=False)
    window.show()
    app.processEvents()  # the first paint
    startup_ms = round((time.perf_counter() - started) * 1000)
    startup.started()  # as for a clerk: the other pages are built with the garbage collector running
    if screenshots is not None:
        _wait_for_lists(app, window)  # so that the pictures show rows; otherwise the list loads meanwhile
    _settle(app)

    if screenshots is not None:
        screenshots.mkdir(parents=True, exist_ok=True)
    shown: list[str] = []
    try:
        for name in window.page_names():  # each page is built when first shown
            window.show_page(name)
            _settle(app)
            if screenshots is not None:
                _wait_for_page(app)
                _settle(app)
                window.grab().save(str(screenshots / f"{name}.png"))
            shown.append(name)
        if screenshots is not None:
            window.show_page("workersPage")
            dialog = window.workersPage.add_worker()
            dialog.ui.nikEdit.setText(SAMPLE_NIK)
            _settle(app)
            dialog.grab().save(str(screenshots / "workerForm.png"))
            dialog.reject()
    finally:
        window.close()
        window.deleteLater()
        _settle(app)
        _drop_background_work(context)
    return {"startup_ms": startup_ms, "pages": shown}


def _drop_background_work(context: AppContext) -> None:
    """Forget the queued page loads and stop the running ones: the pages they were for are gone, and
    exiting would wait for them (a card count takes seconds at 100,000 workers). Only reads are stopped."""
    from jamsos_desktop.ui.programs.tasks import pool
    from jamsos_desktop.ui.workers.model import cancel_pending

    pool().clear()
    cancel_pending()
    interrupt = getattr(context.database, "interrupt_reads", None)
    if interrupt is not None:
        interrupt()
