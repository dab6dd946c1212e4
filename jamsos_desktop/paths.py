"""Where JamSos keeps its files: the per-user data directory and the database in it (CONTRACT.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_FILENAME = "jamsos.sqlite3"


def default_data_dir() -> Path:
    """``%LOCALAPPDATA%\\JamSos`` on Windows, the XDG data folder elsewhere."""
    env = os.environ.get("JAMSOS_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "JamSos"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "JamSos"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "jamsos"


def resolve(data_dir: str | os.PathLike[str] | None, db: str | None) -> tuple[Path, str]:
    """The data directory and database target from options, then environment, then defaults."""
    directory = Path(data_dir).expanduser().absolute() if data_dir else default_data_dir()
    target = db or os.environ.get("JAMSOS_DB") or str(directory / DB_FILENAME)
    return directory, target
