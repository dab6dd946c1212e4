"""Python's cyclic garbage collector paused while the application starts.

Starting allocates a few hundred thousand long-lived objects (modules, classes, SQLAlchemy's mappings and
compiled statements, Qt wrappers) and frees almost none of them in cycles, so the collector's passes
during start-up scan a growing heap and find nothing. The process entry (``__main__``) pauses it;
:func:`started` resumes it once the main window is on screen, or before a command that opens no window
does its work, so long commands (imports, sync, demo data) run with the collector as usual. The objects
made so far are moved out of the collector's way first (``gc.freeze``): they live as long as the process.

Only the process entry pauses: code that calls :func:`started` in a process that did not (tests calling
the command line in-process) changes nothing.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause collection for the start-up of this process (called first by the process entry)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def started() -> None:
    """Start-up is over: keep what it made out of future collections and collect as usual again."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused
