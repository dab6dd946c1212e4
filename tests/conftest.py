"""Shared fixtures: a real SQLite database in a temporary data directory, a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

# Qt runs headless in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests that provoke a locked database should not wait the full production busy timeout.
os.environ.setdefault("JAMSOS_BUSY_TIMEOUT_MS", "300")

TODAY = date(2026, 11, 24)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    return directory


@pytest.fixture
def context(data_dir: Path) -> Iterator[object]:
    """An AppContext over a fresh SQLite file, regency 19.03, clock fixed at 24 Nov 2026 09:00."""
    from jamsos_desktop.app import open_context

    ctx = open_context(data_dir=data_dir)
    ctx.clock = lambda: datetime(2026, 11, 24, 9, 0)
    ctx.user = lambda: "petugas.uji"
    yield ctx
    ctx.close()
