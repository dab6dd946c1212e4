"""Every matching worker as a flat export row, in list order, streamed in batches (exports of 100,000).

An export used to take the sorted ids first and read the rows back in ``IN (...)`` chunks of 900: for
100,000 workers SQLAlchemy spent longer compiling 100,000 bound parameters (and the ORM longer loading
rows) than the database spent reading. Here one statement joins the first heir and the village (for the
order), filters like the list, sorts in SQL and is fetched ``batch`` rows at a time on the connection
(Core rows, no ORM), so memory stays flat too. Dialect-neutral: SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, and_, select

from jamsos_desktop.domain.worker import SortKey, WorkerQuery
from jamsos_desktop.domain.worker_record import WorkerRecord
from jamsos_desktop.persistence.models import HeirRow, RegionRow, WorkerRow

_W = WorkerRow.__table__.c
_HEIR = HeirRow.__table__.alias("first_heir")
_VILLAGE = RegionRow.__table__.alias("sort_village")
#: The columns of :class:`WorkerRecord`, in its order.
_COLUMNS = (
    _W.id, _W.nik, _W.kk, _W.name, _W.sex, _W.birth_place, _W.birth_date, _W.address, _W.rt, _W.rw,
    _W.village_code, _W.occupation, _W.phone, _W.income, _W.kpj, _W.status,
    _HEIR.c.name, _HEIR.c.relationship, _HEIR.c.nik, _HEIR.c.phone,
)  # fmt: skip
#: Sort columns per key, as the worker list orders them (then id); VILLAGE sorts by the village's name.
_ORDER = {
    SortKey.NAME: (_W.name_key,),
    SortKey.NIK: (_W.nik,),
    SortKey.VILLAGE: (_VILLAGE.c.name, _W.name_key),
    SortKey.BIRTH_DATE: (_W.birth_date,),
    SortKey.OCCUPATION: (_W.occupation, _W.name_key),
    SortKey.STATUS: (_W.status, _W.name_key),
    SortKey.PHONE: (_W.phone,),
    SortKey.KPJ: (_W.kpj,),
    SortKey.CREATED: (_W.created_at,),
}


def batches(
    connection: Connection, conditions: Sequence[Any], query: WorkerQuery, batch: int
) -> Iterator[list[WorkerRecord]]:
    """Lists of at most ``batch`` records of the workers meeting ``conditions``, in ``query``'s order."""
    source = WorkerRow.__table__.outerjoin(
        _HEIR, and_(_HEIR.c.worker_id == _W.id, _HEIR.c.position == 0)
    ).outerjoin(_VILLAGE, _VILLAGE.c.code == _W.village_code)
    order = [*_ORDER.get(query.sort, (_W.name_key,)), _W.id]
    stmt = (
        select(*_COLUMNS)
        .select_from(source)
        .where(*conditions)
        .order_by(*(c.desc() if query.descending else c.asc() for c in order))
    )
    result = connection.execution_options(yield_per=batch).execute(stmt)
    make = WorkerRecord._make
    try:
        for part in result.partitions():
            yield [make(row) for row in part]
    finally:
        result.close()


__all__ = ["batches"]
