"""Entry point: ``jamsos`` / ``python -m jamsos_desktop``. Parses the command line, then runs a command
or starts the desktop application."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the process entry (console script, ``python -m``, the bundle), not a caller
        from jamsos_desktop import startup

        startup.pause()  # resumed once the window is painted or the command starts its work
    from jamsos_desktop.cli.main import _command_in, run

    args = sys.argv[1:] if argv is None else argv
    code = run(args)
    if argv is None and _command_in(args) == "selftest":
        _exit_without_teardown(code)
    return code


def _exit_without_teardown(code: int) -> None:
    """End the process now: ``selftest`` has closed its window and its database, and the interpreter's
    teardown of Qt and of every imported module (a good part of a second) would check nothing more.
    Output and log files are flushed and closed first."""
    import logging
    import os

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def gui_main() -> int:
    from jamsos_desktop import startup

    startup.pause()
    return main([])


if __name__ == "__main__":
    sys.exit(main())
