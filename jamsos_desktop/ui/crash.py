"""The crash handler: an unexpected exception is logged with its traceback and the clerk sees a short
dialog pointing at the log file, never a traceback dump.

Exceptions raised in worker threads are logged there and the dialog is shown on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication

log = logging.getLogger("jamsos.crash")

_HEADLESS = {"offscreen", "minimal"}


class _CrashHandler(QObject):
    """Owns the hooks; a queued signal brings reports from other threads to the GUI thread."""

    report = Signal(str)

    def __init__(self, log_path: Path | None) -> None:
        super().__init__()
        self.log_path = log_path
        self._showing = False
        self.dialogs_shown = 0
        self.report.connect(self._show)
        self._old_excepthook = sys.excepthook
        self._old_threading_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._old_excepthook
        if threading.excepthook == self.threading_excepthook:
            threading.excepthook = self._old_threading_hook

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._old_excepthook(exc_type, exc, tb)
            return
        with contextlib.suppress(Exception):  # logging itself failed: still tell the clerk
            log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        summary = f"{exc_type.__name__}: {exc}"[:300]
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self._show(summary)
        else:
            self.report.emit(summary)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    @Slot(str)
    def _show(self, summary: str) -> None:
        # An error raised while the dialog is up (or by the dialog) is logged, not shown again.
        if self._showing:
            return
        self._showing = True
        try:
            self.dialogs_shown += 1
            show_dialog(self.log_path, summary)
        except Exception:  # noqa: BLE001 - never let the handler raise into the excepthook
            log.error("Could not show the error dialog", exc_info=True)
        finally:
            self._showing = False


def show_dialog(log_path: Path | None, summary: str) -> None:
    """The short dialog. Module-level so tests can replace it; skipped when no one can see it."""
    if QGuiApplication.instance() is None or QGuiApplication.platformName() in _HEADLESS:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("crash", "JamSos"), "")
    box.setObjectName("crashDialog")
    text = QCoreApplication.translate(
        "crash",
        "Terjadi kesalahan tak terduga. Pekerjaan yang sudah disimpan tetap aman; "
        "bila masalah berulang, kirim berkas log ke petugas TI.",
    )
    box.setText(text)
    if log_path is not None:
        box.setInformativeText(
            QCoreApplication.translate("crash", "Berkas log: {path}").format(path=str(log_path))
        )
    box.setDetailedText(summary)
    box.exec()


_handler: _CrashHandler | None = None


def default_log_path() -> Path | None:
    """The file of the rotating log handler set up by the application, if any."""
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None


def install(log_path: Path | None = None) -> _CrashHandler:
    """Install (once) the hooks for ``sys.excepthook`` and ``threading.excepthook``."""
    global _handler
    if _handler is None:
        _handler = _CrashHandler(log_path or default_log_path())
    elif log_path is not None:
        _handler.log_path = log_path
    _handler.install()
    return _handler


def uninstall() -> None:
    global _handler
    if _handler is not None:
        _handler.uninstall()
        _handler = None
