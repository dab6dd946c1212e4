"""A data directory standing for one computer (the office or a village laptop) in multi-site tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from jamsos_desktop.app import open_context


class Site:
    """Each action opens the site's database like a fresh start of the program, with the clock one
    minute later each time (at ``hour`` o'clock on 24 November 2026), and closes it again."""

    def __init__(self, path: Path, hour: int) -> None:
        self.path, self.hour, self.minute = path, hour, 0

    def __call__(self, action):  # type: ignore[no-untyped-def]
        ctx = open_context(data_dir=self.path)
        self.minute += 1
        ctx.clock = lambda: datetime(2026, 11, 24, self.hour, self.minute)
        try:
            return action(ctx)
        finally:
            ctx.close()
