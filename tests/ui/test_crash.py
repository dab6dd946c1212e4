"""The crash handler logs the traceback and shows one short dialog, never a traceback, never twice."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from jamsos_desktop.ui import crash


@pytest.fixture
def handler(qapp, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    shown: list[tuple[object, str]] = []
    monkeypatch.setattr(crash, "show_dialog", lambda path, summary: shown.append((path, summary)))
    installed = crash.install(tmp_path / "jamsos.log")
    installed.shown = shown
    yield installed
    crash.uninstall()


def _raise() -> tuple:  # type: ignore[type-arg]
    try:
        raise RuntimeError("kaboom")
    except RuntimeError:
        return sys.exc_info()


def test_unexpected_error_is_logged_and_shown_briefly(handler, caplog):  # type: ignore[no-untyped-def]
    assert sys.excepthook == handler.excepthook
    with caplog.at_level(logging.ERROR, logger="jamsos.crash"):
        sys.excepthook(*_raise())
    record = caplog.records[-1]
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "Traceback" in caplog.text
    assert handler.shown == [(handler.log_path, "RuntimeError: kaboom")]


def test_an_error_in_the_dialog_does_not_recurse(handler, monkeypatch, caplog):  # type: ignore[no-untyped-def]
    calls = []

    def failing(path, summary):  # type: ignore[no-untyped-def]
        calls.append(summary)
        sys.excepthook(*_raise())  # an error while showing the error
        raise OSError("no screen")

    monkeypatch.setattr(crash, "show_dialog", failing)
    sys.excepthook(*_raise())
    assert len(calls) == 1
    assert "Could not show the error dialog" in caplog.text


def test_errors_in_threads_are_shown_on_the_gui_thread(qtbot, handler):  # type: ignore[no-untyped-def]
    assert threading.excepthook == handler.threading_excepthook

    def work() -> None:
        raise ValueError("di thread")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: handler.shown == [(handler.log_path, "ValueError: di thread")])


def test_the_real_dialog_is_skipped_where_nobody_can_see_it(qapp, tmp_path):  # type: ignore[no-untyped-def]
    crash.show_dialog(tmp_path / "x.log", "RuntimeError: offscreen")  # returns at once on offscreen
