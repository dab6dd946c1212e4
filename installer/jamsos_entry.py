"""PyInstaller entry point of the JamSos bundle: the same as ``python -m jamsos_desktop``.

Kept outside the package so the bundle's top-level script is this one file (PyInstaller runs it as
``__main__``); everything else is imported from ``jamsos_desktop`` like any installed copy.
"""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    # The windowed jamsos.exe has no console: Python leaves sys.stdout/stderr as None, and a command's
    # output (or an error sentence) would raise instead of going nowhere. Scripts use jamsos-cli.exe.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    multiprocessing.freeze_support()
    from jamsos_desktop.__main__ import main

    sys.exit(main())
