"""Where the shipped resources (``resources/`` in the source tree) are found at run time.

``pip install .`` installs the top-level ``resources/`` folder as the package ``jamsos_desktop.resources``
(see ``[tool.setuptools.package-dir]`` in pyproject.toml); a source checkout run without installing, and a
PyInstaller bundle, fall back to the folder itself.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def _source_folder() -> Path:
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"


def resource_path(relative: str) -> Path:
    """A real file path to a resource (for Qt APIs that want a file name)."""
    try:
        root = resources.files("jamsos_desktop.resources")
        candidate = Path(str(root.joinpath(relative)))
        if candidate.exists():
            return candidate
    except ModuleNotFoundError:
        pass
    return _source_folder() / relative


def resource_bytes(relative: str) -> bytes:
    return resource_path(relative).read_bytes()
