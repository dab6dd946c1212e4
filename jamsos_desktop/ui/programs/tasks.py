"""One background executor for the programme and calendar pages.

Database work runs on a single worker thread (like Anki's collection ops) and its result comes back to
the UI thread through a queued signal, so widgets are only touched on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)  # one writer, one reader: no database contention between tasks
    return _pool


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, the slots run on the UI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self.done.connect(self._deliver)
        self.failed.connect(self._fail)

    def _owner_gone(self) -> bool:
        """The widget or model that asked was closed meanwhile: its answer has nowhere to go."""
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver(self, value: object) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_done(value)

    @Slot(object)
    def _fail(self, exc: object) -> None:
        _live.discard(self)
        if self._owner_gone():
            log.info("background task failed after its window closed: %s", exc)
        elif self._on_error is not None:
            self._on_error(exc)  # type: ignore[arg-type]
        else:
            log.error("background task failed", exc_info=exc)  # type: ignore[arg-type]


_live: set[_Relay] = set()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            value = self._work()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which shows it
            self._emit(self._relay.failed, exc)
            return
        self._emit(self._relay.done, value)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is closing: the relay is gone, and so is the asker
            log.debug("background task finished after its relay was deleted")


def idle() -> bool:
    """No background task is queued, running or waiting to hand its answer to the UI thread."""
    return not _live


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Run ``work()`` off the UI thread; ``on_done(result)`` or ``on_error(exc)`` run on the UI thread.

    ``owner`` (by default the object of a bound-method callback) is the widget or model the answer is
    for; if it has been deleted by then, the answer is dropped instead of touching a dead object.
    """
    if owner is None:
        candidate = getattr(on_done, "__self__", None)
        owner = candidate if isinstance(candidate, QObject) else None
    relay = _Relay(on_done, on_error, owner)
    _live.add(relay)
    pool().start(_Task(work, relay))
