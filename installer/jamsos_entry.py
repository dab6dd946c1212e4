"""PyInstaller entry point of the JamSos bundle: the same as ``python -m jamsos_desktop``.

Kept outside the package so the bundle's top-level script is this one file (PyInstaller runs it as
``__main__``); everything else is imported from ``jamsos_desktop`` like any installed copy.
"""

import multiprocessing
import sys

from jamsos_desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
