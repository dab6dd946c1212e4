"""A flat, read-only row of a worker for exports: what a spreadsheet line needs, cheap to build.

Building a full :class:`~jamsos_desktop.domain.worker.Worker` (a frozen dataclass with heirs) costs
tens of microseconds; exporting 100,000 workers reads these tuples instead.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class WorkerRecord(NamedTuple):
    id: int
    nik: str | None
    kk: str
    name: str
    sex: str  # "L" / "P"
    birth_place: str
    birth_date: date
    address: str
    rt: str
    rw: str
    village_code: str
    occupation: str
    phone: str
    income: int
    kpj: str | None
    status: str
    heir_name: str | None  # the first heir (PP 44/2015 order), if any
    heir_relationship: str | None
    heir_nik: str | None
    heir_phone: str | None
