"""The lazy Qt model of the worker list: it holds the ids the database matched and fetches rows in blocks.

Filtering and sorting happen in SQL (``registry.search_ids``); only the rows the view paints are read
(``registry.summaries`` for a block of ids at a time), and a few blocks are cached. A
``QSortFilterProxyModel`` over all rows would cost ~0.85 s per keystroke at 100,000 workers.

The id query runs on one background thread so typing never freezes the window on a big database; while
one query runs, newer keystrokes replace each other and only the latest is asked next (latest wins).
The result is collected on the GUI thread by a short timer, so no Qt object is touched from the thread.
"""

from __future__ import annotations

import logging
import sys
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.formatting import format_short_date, mask_nik
from jamsos_desktop.domain.worker import SortKey, WorkerQuery, WorkerSummary
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.i18n import enum_label

if TYPE_CHECKING:
    from jamsos_desktop.services.registry import WorkerRegistry

BLOCK_SIZE = 200
#: ids asked for per keystroke: two blocks, more than any screen shows
PAGE_SIZE = 2 * BLOCK_SIZE
MAX_CACHED_BLOCKS = 30  # 6,000 rows: several screens either way, a few MB at most

_Index = QModelIndex | QPersistentModelIndex
_ROLE_ID = Qt.ItemDataRole.UserRole
log = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None


def cancel_pending() -> None:
    """Drop list queries that have not started (the window is closing); a running one finishes."""
    global _executor
    if _executor is not None:
        _executor.shutdown(wait=False, cancel_futures=True)
        _executor = None


def executor() -> ThreadPoolExecutor:
    """The one background thread for list queries (SQLite reads in WAL do not block the writer)."""
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jamsos-search")
    return _executor


class WorkerTableModel(QAbstractTableModel):
    """Rows of :class:`WorkerSummary`, by position in the current (ordered) list of ids.

    A query first asks for one page of ids (what the view shows at once), then, separately, for the
    total; the rows beyond the first page are added when the total arrives, and their ids are read
    from SQL in pages as the view scrolls to them.
    """

    #: a query's first page arrived and the rows were reset (always on the GUI thread)
    searchFinished = Signal()
    #: the number of matching workers is known
    countChanged = Signal(int)
    #: a query failed with an expected error (e.g. the database is locked); the sentence to show
    searchFailed = Signal(str)

    #: column key and the SortKey SQL sorts it by (None: the registry cannot sort by it yet)
    COLUMNS: tuple[tuple[str, SortKey | None], ...] = (
        ("name", SortKey.NAME),
        ("nik", SortKey.NIK),
        ("sex", None),
        ("birth_date", SortKey.BIRTH_DATE),
        ("village", SortKey.VILLAGE),
        ("district", None),
        ("occupation", SortKey.OCCUPATION),
        ("phone", SortKey.PHONE),
        ("kpj", SortKey.KPJ),
        ("status", SortKey.STATUS),
    )

    def __init__(self, registry: WorkerRegistry, parent: Any = None) -> None:
        super().__init__(parent)
        self._registry = registry
        self.mask_nik = False  # set by the page from the user's role
        self._query = WorkerQuery()
        self._requested = self._query
        self._ids: list[int] = []
        self._total: int | None = 0
        self._blocks: OrderedDict[int, dict[int, WorkerSummary]] = OrderedDict()
        self._headers = [
            self.tr("Nama"),
            self.tr("NIK"),
            self.tr("L/P"),
            self.tr("Tgl Lahir"),
            self.tr("Desa"),
            self.tr("Kecamatan"),
            self.tr("Pekerjaan"),
            self.tr("No HP"),
            self.tr("KPJ"),
            self.tr("Status"),
        ]
        self._inactive = QColor("#8a96a3")
        self._generation = 0
        self._future: Future[Any] | None = None
        self._future_job: tuple[str, int, WorkerQuery] = ("page", 0, self._query)
        self._pending: WorkerQuery | None = None
        self._count_wanted: tuple[int, WorkerQuery] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(4)
        self._poll.timeout.connect(self._collect)

    # -- querying -----------------------------------------------------------------------------------
    @property
    def query(self) -> WorkerQuery:
        return self._query

    @property
    def requested_query(self) -> WorkerQuery:
        """The latest query asked for (what the list will show once the database answers)."""
        return self._requested

    @property
    def busy(self) -> bool:
        """A query (its first page or its count) is running or waiting."""
        return self._future is not None or self._pending is not None or self._count_wanted is not None

    @property
    def total(self) -> int | None:
        """How many workers match, once known."""
        return self._total

    def set_query(self, query: WorkerQuery, *, wait: bool = False, defer: bool = False) -> None:
        """Ask the database for the first page of matching ids and show them from the top.

        By default the query runs in the background and :attr:`searchFinished` then
        :attr:`countChanged` follow; with ``wait=True`` both run here and now (and any older
        background result is dropped).
        """
        self._generation += 1
        self._requested = query
        self._count_wanted = None
        if wait:
            self._pending = None
            self._apply(query, self._registry.search_ids(query, limit=PAGE_SIZE))
            if self._total is None:
                self._apply_count(self._registry.count(query))
            return
        if self._future is not None:
            self._pending = query  # the running job's result will be dropped for this one
            return
        if defer:
            # Start once the event loop runs: the window paints first, without a query competing for the GIL.
            self._pending = query
            QTimer.singleShot(0, self, self._start_pending)
            return
        self._submit_page(query)

    def _start_pending(self) -> None:
        if self._future is None and self._pending is not None:
            self._submit_page(self._pending)

    def _submit_page(self, query: WorkerQuery) -> None:
        self._pending = None
        self._future_job = ("page", self._generation, query)
        self._future = executor().submit(self._registry.search_ids, query, limit=PAGE_SIZE)
        self._poll.start()

    def _submit_count(self, generation: int, query: WorkerQuery) -> None:
        self._count_wanted = None
        self._future_job = ("count", generation, query)
        self._future = executor().submit(self._registry.count, query)
        self._poll.start()

    def _collect(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._future = None
        kind, generation, query = self._future_job
        current = generation == self._generation
        error = future.exception()
        if error is None and current:
            if kind == "page":
                self._apply(query, future.result())
                if self._total is None:
                    self._count_wanted = (generation, query)
            else:
                self._apply_count(future.result())
        elif error is not None and current:
            if isinstance(error, JamsosError):
                log.warning("worker search failed: %s", error)
                self.searchFailed.emit(error.message(i18n.current()))
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        # Newest keystroke first; a count only for the query still on screen.
        if self._pending is not None:
            self._submit_page(self._pending)
        elif self._count_wanted is not None and self._count_wanted[0] == self._generation:
            self._submit_count(*self._count_wanted)
        else:
            self._count_wanted = None
            self._poll.stop()

    def _apply(self, query: WorkerQuery, ids: list[int]) -> None:
        self.beginResetModel()
        self._query = query
        self._ids = ids
        # A short page is the whole answer; a full one means more rows (counted next).
        self._total = len(ids) if len(ids) < PAGE_SIZE else None
        self._blocks.clear()
        self.endResetModel()
        self.searchFinished.emit()
        if self._total is not None:
            self.countChanged.emit(self._total)

    def _apply_count(self, total: int) -> None:
        shown = self.rowCount()
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._total = total
            self.endInsertRows()
        else:
            self._total = max(total, len(self._ids))
        self.countChanged.emit(self._total)

    def refresh(self, *, wait: bool = False) -> None:
        self.set_query(self._requested, wait=wait)

    def _ensure_ids(self, row: int) -> None:
        """Read ids from SQL, a page at a time, until ``row`` has one (as the view scrolls down)."""
        if row < len(self._ids) or self._total is None or row >= self._total:
            return
        wanted = row + 1 - len(self._ids) + PAGE_SIZE
        more = self._registry.search_ids(self._query, offset=len(self._ids), limit=wanted)
        self._ids.extend(more)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.COLUMNS) and self.COLUMNS[column][1] is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][1] if 0 <= column < len(self.COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        base = self._requested
        if key is base.sort and descending == base.descending and self._ids and not self.busy:
            return
        self.set_query(replace(base, sort=key, descending=descending))

    def sort_column(self) -> int:
        wanted = self._requested.sort
        for column, (_, key) in enumerate(self.COLUMNS):
            if key is wanted:
                return column
        return 0

    # -- rows ---------------------------------------------------------------------------------------
    def ids(self) -> list[int]:
        """Every id of the current list, in order (reads the remaining pages if needed)."""
        self._ensure_ids(self.rowCount() - 1)
        return self._ids

    def id_at(self, row: int) -> int | None:
        self._ensure_ids(row)
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, worker_id: int) -> int | None:
        try:
            return self._ids.index(worker_id)
        except ValueError:
            return None

    def summary_at(self, row: int) -> WorkerSummary | None:
        if not 0 <= row < self.rowCount():
            return None
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            start = number * BLOCK_SIZE
            self._ensure_ids(min(start + BLOCK_SIZE, self.rowCount()) - 1)
            wanted = self._ids[start : start + BLOCK_SIZE]
            block = {s.id: s for s in self._registry.summaries(wanted)}
            self._blocks[number] = block
            while len(self._blocks) > MAX_CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        # A worker changed since the ids were read may be missing: the row then shows empty.
        return block.get(self._ids[row]) if row < len(self._ids) else None

    def invalidate_rows(self) -> None:
        """Forget cached rows (after an edit) without asking for the ids again."""
        self._blocks.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.COLUMNS) - 1))

    # -- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return 0
        return len(self._ids) if self._total is None else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and self.COLUMNS[section][1] is None
        ):
            return self.tr("Kolom ini belum bisa diurutkan")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == _ROLE_ID:
            return self.id_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            return None
        summary = self.summary_at(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if summary.status.is_active else self._inactive
        key = self.COLUMNS[index.column()][0]
        if key == "nik" and self.mask_nik and summary.nik:
            return mask_nik(summary.nik)  # operators see region and last digits only (UU 27/2022)
        return _cell(summary, key)


def _cell(s: WorkerSummary, key: str) -> str:
    if key == "name":
        return s.name
    if key == "nik":
        return s.nik or "\u2014"
    if key == "sex":
        return enum_label(s.sex)[0]  # L/P in Bahasa Indonesia (as on the KTP), M/F in English
    if key == "birth_date":
        return format_short_date(s.birth_date)
    if key == "village":
        return s.village_name
    if key == "district":
        return s.district_name
    if key == "occupation":
        return s.occupation
    if key == "phone":
        return s.phone
    if key == "kpj":
        return s.kpj or ""
    if key == "status":
        return enum_label(s.status)
    return ""
