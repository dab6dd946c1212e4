"""The lazy Qt model of the worker list: it holds the ids the database matched and fetches rows in blocks.

Filtering and sorting happen in SQL (``registry.search_ids``); only the rows the view paints are read
(``registry.summaries`` for a block of ids at a time), and a few blocks are cached. A
``QSortFilterProxyModel`` over all rows would cost ~0.85 s per keystroke at 100,000 workers.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from jamsos_desktop.domain.formatting import format_short_date
from jamsos_desktop.domain.worker import SortKey, WorkerQuery, WorkerSummary

if TYPE_CHECKING:
    from jamsos_desktop.services.registry import WorkerRegistry

BLOCK_SIZE = 200
MAX_CACHED_BLOCKS = 30  # 6,000 rows: several screens either way, a few MB at most

_Index = QModelIndex | QPersistentModelIndex
_ROLE_ID = Qt.ItemDataRole.UserRole


class WorkerTableModel(QAbstractTableModel):
    """Rows of :class:`WorkerSummary`, by position in the current id list."""

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
        self._query = WorkerQuery()
        self._ids: list[int] = []
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

    # -- querying -----------------------------------------------------------------------------------
    @property
    def query(self) -> WorkerQuery:
        return self._query

    def set_query(self, query: WorkerQuery) -> None:
        """Ask the database for the matching ids (one SQL query) and show them from the top."""
        ids = self._registry.search_ids(query)
        self.beginResetModel()
        self._query = query
        self._ids = ids
        self._blocks.clear()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.COLUMNS) and self.COLUMNS[column][1] is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][1] if 0 <= column < len(self.COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key is self._query.sort and descending == self._query.descending and self._ids:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> int:
        for column, (_, key) in enumerate(self.COLUMNS):
            if key is self._query.sort:
                return column
        return 0

    # -- rows ---------------------------------------------------------------------------------------
    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, worker_id: int) -> int | None:
        try:
            return self._ids.index(worker_id)
        except ValueError:
            return None

    def summary_at(self, row: int) -> WorkerSummary | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // BLOCK_SIZE
        block = self._blocks.get(number)
        if block is None:
            start = number * BLOCK_SIZE
            wanted = self._ids[start : start + BLOCK_SIZE]
            block = {s.id: s for s in self._registry.summaries(wanted)}
            self._blocks[number] = block
            while len(self._blocks) > MAX_CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        # A worker changed since the ids were read may be missing: the row then shows empty.
        return block.get(self._ids[row])

    def invalidate_rows(self) -> None:
        """Forget cached rows (after an edit) without asking for the ids again."""
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    # -- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

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
        return _cell(summary, self.COLUMNS[index.column()][0])


def _cell(s: WorkerSummary, key: str) -> str:
    if key == "name":
        return s.name
    if key == "nik":
        return s.nik or "\u2014"
    if key == "sex":
        return s.sex.value
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
        return s.status.label
    return ""
