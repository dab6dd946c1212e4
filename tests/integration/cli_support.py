"""Driving sites (an office and its village laptops) through the CONTRACT command line in tests, and
reading their databases back: shared by the sync and station-card tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from db_support import raw_db

from jamsos_desktop.app import AppContext, open_context
from jamsos_desktop.cli.main import run
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex

RIAS, TJ_LABU = "19.03.01.2008", "19.03.02.2001"


def cli(capsys: Any, data_dir: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """Exit code and the one JSON line of ``jamsos --data-dir DIR --json ARGS``."""
    capsys.readouterr()
    code = run(["--data-dir", str(data_dir), "--json", *args])
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1, out
    return code, json.loads(out[0])


def ok(capsys: Any, data_dir: Path, *args: str) -> dict[str, Any]:
    """The JSON answer of a command that must succeed (exit 0)."""
    code, data = cli(capsys, data_dir, *args)
    assert code == 0, data
    return data


def register(path: Path, name: str, nik: str, village: str, minute: int | None = None) -> tuple[int, str]:
    """A worker registered at the site in ``path`` (at 09:``minute`` on 24-11-2026 when given); (id, uid)."""
    ctx = open_context(data_dir=path)
    if minute is not None:
        ctx.clock = lambda: datetime(2026, 11, 24, 9, minute)
    try:
        saved = ctx.registry.register(
            WorkerData(name=name, sex=Sex.MALE, birth_date=datetime(1990, 8, 12).date(), village_code=village, nik=nik)
        ).worker
        return saved.id, saved.uid
    finally:
        ctx.close()


def rows(path: Path, sql: str, *, as_text: bool = False) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` in the site's database (``as_text``: every value as text, None kept)."""
    with raw_db(path) as db:
        found = db.execute(sql).fetchall()
    if as_text:
        return [tuple(str(v) if v is not None else None for v in r) for r in found]
    return [tuple(r) for r in found]


def office_and_station(root: Path, villages: list[str] | None = None) -> Iterator[tuple[AppContext, AppContext]]:
    """An initialised office and the station "Rias" joined to it (contexts closed afterwards)."""
    office = open_context(data_dir=root / "office")
    office.initialize("19.03")
    office.sync.register_station("Rias", villages or [RIAS], root / "rias.station")
    station = open_context(data_dir=root / "station")
    station.initialize("19.03")
    station.sync.join(root / "rias.station")
    try:
        yield office, station
    finally:
        office.close()
        station.close()
