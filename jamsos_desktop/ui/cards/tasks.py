"""Background work of the cards page: making a PDF and sending pages to a printer.

Each job runs on its own ``QThread`` with a worker object; progress and the result come back to the UI
thread by queued signals, and ``cancel()`` sets a flag the service polls between sheets (the service
then leaves no file and records nothing). Widgets are never touched from the worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class _Progress:
    """The services' Progress protocol, forwarding to a Qt signal (emitted from the worker thread)."""

    def __init__(self, signal: Any, cancel: threading.Event) -> None:
        self._signal = signal
        self._cancel = cancel

    def update(self, done: int, total: int, message: str = "") -> None:
        self._signal.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Any], Any], cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(_Progress(self.progressed, self._cancel))
        except BaseException as exc:  # noqa: BLE001 - delivered to the UI thread, which shows it
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class Job(QObject):
    """One background job. Signals arrive on the thread that created the job (the UI thread)."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Any], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(work, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.finished.connect(self._done)
        self._worker.failed.connect(self._fail)

    def start(self) -> Job:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()

    @Slot(object)
    def _done(self, value: object) -> None:
        self._stop_thread()
        self.finished.emit(value)

    @Slot(object)
    def _fail(self, exc: object) -> None:
        self._stop_thread()
        self.failed.emit(exc)


def print_pdf(pdf_path: str, printer: Any, progress: Any) -> int:
    """Send every page of ``pdf_path`` to ``printer`` (QPainter on a QPrinter is allowed off the UI
    thread); each page is rendered by QtPdf at the printer's resolution. Returns the pages sent."""
    from PySide6.QtCore import QRectF, QSize, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(pdf_path) != QPdfDocument.Error.None_:
            raise OSError(f"cannot read {pdf_path}")
        total = document.pageCount()
        dpi = max(150, min(printer.resolution(), 600))
        first_size = document.pagePointSize(0)
        printer.setPageSize(QPageSize(QSizeF(first_size), QPageSize.Unit.Point))
        landscape = first_size.width() > first_size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setFullPage(True)  # the PDF carries its own margins and cut marks
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer cannot be opened")
        try:
            for index in range(total):
                if progress.cancelled:
                    printer.abort()
                    return index
                size = document.pagePointSize(index)
                if index:
                    printer.setPageSize(QPageSize(QSizeF(size), QPageSize.Unit.Point))
                    printer.newPage()
                pixels = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
                image = document.render(index, pixels)
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
                progress.update(index + 1, total)
        finally:
            painter.end()
        return total
    finally:
        document.close()
