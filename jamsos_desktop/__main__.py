"""Entry point: ``jamsos`` / ``python -m jamsos_desktop``. Parses the command line, then runs a command
or starts the desktop application."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from jamsos_desktop.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


def gui_main() -> int:
    return main([])


if __name__ == "__main__":
    sys.exit(main())
