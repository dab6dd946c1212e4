"""*Kalender Iuran*: a programme's months × status grid, a worker's strip, and the monthly lists.

The grid comes from SQL aggregates (24 months × a few statuses), the lists from a lazy model that
fetches pages of 200 rows from the service as the clerk scrolls: never a proxy over 100,000 rows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.calendar import STATUS_ORDER, ActionList, ActionRow, MonthStatus, Payer
from jamsos_desktop.domain.formatting import format_date, format_money, format_number, format_short_month
from jamsos_desktop.ui.programs.page import error_text
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

STATUS_COLOURS = {
    MonthStatus.PAID: "#c8e6c9",
    MonthStatus.DUE: "#fff3c4",
    MonthStatus.LATE: "#ffd8a8",
    MonthStatus.UNPAID: "#ffb3b3",
    MonthStatus.UPCOMING: "#e3e8ee",
}
PAGE = 200

#: The domain's Indonesian labels (calendar.py) of statuses, payers and action lists, shown through
#: ``self.tr(label)``: listed here so that lupdate puts them in the .ts under this page's context.
_LABELS = (
    QT_TRANSLATE_NOOP("CalendarPage", "Akan datang"),
    QT_TRANSLATE_NOOP("CalendarPage", "Jatuh tempo"),
    QT_TRANSLATE_NOOP("CalendarPage", "Lunas"),
    QT_TRANSLATE_NOOP("CalendarPage", "Terlambat"),
    QT_TRANSLATE_NOOP("CalendarPage", "Tidak dibayar"),
    QT_TRANSLATE_NOOP("CalendarPage", "Pemda/penyandang dana"),
    QT_TRANSLATE_NOOP("CalendarPage", "Mandiri"),
    QT_TRANSLATE_NOOP("CalendarPage", "Pembiayaan berakhir bulan ini/depan"),
    QT_TRANSLATE_NOOP("CalendarPage", "Terlambat bayar mandiri"),
    QT_TRANSLATE_NOOP("CalendarPage", "Kepesertaan nonaktif"),
)


def month_label(m: Any) -> str:
    """``Des 26`` in Indonesian, ``Dec 26`` in English."""
    return format_short_month(m.year, m.month)


class ActionListModel(QAbstractTableModel):
    """Rows of one action list, fetched from the service a page at a time (``canFetchMore``)."""

    loaded = Signal(int)

    COLUMNS = (
        QT_TRANSLATE_NOOP("ActionListModel", "Nama"),
        QT_TRANSLATE_NOOP("ActionListModel", "NIK"),
        QT_TRANSLATE_NOOP("ActionListModel", "No. HP"),
        QT_TRANSLATE_NOOP("ActionListModel", "Desa/Kelurahan"),
        QT_TRANSLATE_NOOP("ActionListModel", "Kecamatan"),
        QT_TRANSLATE_NOOP("ActionListModel", "Dibiayai s.d."),
        QT_TRANSLATE_NOOP("ActionListModel", "Bulan belum bayar"),
    )

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._rows: list[ActionRow] = []
        self._total = 0
        self._key: tuple[ActionList, int] | None = None
        self._fetching = False

    def load(self, kind: ActionList, programme_id: int) -> None:
        self._key = (kind, programme_id)
        calendar = self._context.calendar

        def work() -> tuple[int, list[ActionRow]]:
            return calendar.action_count(kind, programme_id), calendar.action_rows(
                kind, programme_id, limit=PAGE
            )

        key = self._key

        def done(result: tuple[int, list[ActionRow]]) -> None:
            if key != self._key:
                return  # a newer request replaced this one
            self.beginResetModel()
            self._total, self._rows = result
            self.endResetModel()
            self.loaded.emit(self._total)

        run_in_background(work, done, owner=self)

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        return (
            r.name,
            r.nik,
            r.phone,
            r.village,
            r.district,
            str(r.funded_to) if r.funded_to else "",
            format_number(r.unpaid_months) if r.unpaid_months else "",
        )[index.column()]

    def row(self, n: int) -> ActionRow:
        return self._rows[n]

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self._key is None or self._fetching:
            return
        kind, pid = self._key
        key, offset = self._key, len(self._rows)
        self._fetching = True
        calendar = self._context.calendar

        def done(rows: list[ActionRow]) -> None:
            self._fetching = False
            if key != self._key or not rows:
                return
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

        run_in_background(
            lambda: calendar.action_rows(kind, pid, limit=PAGE, offset=offset), done, owner=self
        )


class CalendarPage(QWidget):
    """The contribution calendar of one programme."""

    gridLoaded = Signal()
    stripLoaded = Signal()
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self._context = context
        self._grid: Any = None

        title = QLabel(self.tr("Kalender Iuran"))
        title.setObjectName("pageTitle")
        self.programmeCombo = QComboBox()
        self.programmeCombo.setObjectName("programmeCombo")
        self.programmeCombo.currentIndexChanged.connect(self.load)
        self.refreshButton = QPushButton(self.tr("Muat ulang"))
        self.refreshButton.clicked.connect(self.refresh)
        self.holidaysButton = QPushButton(self.tr("Hari libur\u2026"))
        self.holidaysButton.setObjectName("holidaysButton")
        self.holidaysButton.setToolTip(
            self.tr("Hari libur nasional dan cuti bersama yang menggeser jatuh tempo")
        )
        self.holidaysButton.clicked.connect(lambda: self.edit_holidays())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Program")))
        top.addWidget(self.programmeCombo, 1)
        top.addWidget(self.holidaysButton)
        top.addWidget(self.refreshButton)
        self._strip: Any = None
        self.dialog: Any = None

        self.gridTable = QTableWidget(0, 0)
        self.gridTable.setObjectName("calendarGrid")
        self.gridTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gridTable.cellClicked.connect(self._grid_clicked)
        self.gridTable.setMinimumHeight(300)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(
            " ".join(
                f'<span style="background:{STATUS_COLOURS[s]}">&nbsp;{self.tr(s.label)}&nbsp;</span>'
                for s in STATUS_ORDER
            )
        )

        # Per-worker strip
        self.stripEdit = QLineEdit()
        self.stripEdit.setObjectName("workerStripEdit")
        self.stripEdit.setPlaceholderText(self.tr("NIK atau nama pekerja"))
        self.stripEdit.returnPressed.connect(self.show_strip)
        self.stripButton = QPushButton(self.tr("Tampilkan"))
        self.stripButton.clicked.connect(self.show_strip)
        self.stripEventButton = QPushButton(self.tr("Catat peristiwa\u2026"))
        self.stripEventButton.setObjectName("stripEventButton")
        self.stripEventButton.setToolTip(
            self.tr(
                "Meninggal, kecelakaan kerja, pindah atau mengundurkan diri: untuk pekerja yang ditampilkan"
            )
        )
        self.stripEventButton.setEnabled(False)
        self.stripEventButton.clicked.connect(lambda: self.record_event())
        self.stripLabel = QLabel()
        self.stripLabel.setObjectName("workerStripLabel")
        self.stripTable = QTableWidget(1, 0)
        self.stripTable.setObjectName("workerStrip")
        self.stripTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stripTable.setMaximumHeight(80)
        strip_box = QGroupBox(self.tr("Bulan-bulan seorang pekerja"))
        strip_layout = QVBoxLayout(strip_box)
        row = QHBoxLayout()
        row.addWidget(self.stripEdit, 1)
        row.addWidget(self.stripButton)
        row.addWidget(self.stripEventButton)
        strip_layout.addLayout(row)
        strip_layout.addWidget(self.stripLabel)
        strip_layout.addWidget(self.stripTable)

        # Action lists
        self.listCombo = QComboBox()
        self.listCombo.setObjectName("actionListCombo")
        for kind in ActionList:
            self.listCombo.addItem(self.tr(kind.label), kind.value)
        self.listCombo.currentIndexChanged.connect(self.load_list)
        self.listCount = QLabel()
        self.listCount.setObjectName("actionListCount")
        self.exportButton = QPushButton(self.tr("Ekspor .xlsx\u2026"))
        self.exportButton.setObjectName("exportButton")
        self.exportButton.clicked.connect(lambda: self.export_list())
        self.printButton = QPushButton(self.tr("Cetak PDF\u2026"))
        self.printButton.setObjectName("printButton")
        self.printButton.clicked.connect(lambda: self.print_list())
        self.model = ActionListModel(context, self)
        self.model.loaded.connect(self._list_loaded)
        self.listView = QTableView()
        self.listView.setObjectName("actionTable")
        self.listView.setModel(self.model)
        self.listView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        list_header = self.listView.horizontalHeader()
        list_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # no clipped titles
        list_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.listView.verticalHeader().hide()
        self.listView.doubleClicked.connect(self._list_double_clicked)
        list_box = QGroupBox(self.tr("Daftar kerja bulan ini"))
        list_layout = QVBoxLayout(list_box)
        bar = QHBoxLayout()
        bar.addWidget(self.listCombo, 1)
        bar.addWidget(self.listCount)
        bar.addWidget(self.exportButton)
        bar.addWidget(self.printButton)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.listView)

        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.gridTable, 2)
        layout.addWidget(self.legend)
        layout.addWidget(strip_box)
        layout.addWidget(list_box, 3)
        layout.addWidget(self.messageLabel)
        self.refresh()

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        run_in_background(self._context.programmes.list, self._show_programmes, self._failed)

    def _show_programmes(self, programmes: list[Any]) -> None:
        current = self.programme_id()
        self.programmeCombo.blockSignals(True)
        self.programmeCombo.clear()
        for p in programmes:
            self.programmeCombo.addItem(p.name, p.id)
        index = self.programmeCombo.findData(current) if current is not None else 0
        self.programmeCombo.setCurrentIndex(max(0, index))
        self.programmeCombo.blockSignals(False)
        self.load()

    def programme_id(self) -> int | None:
        return self.programmeCombo.currentData()

    def load(self) -> None:
        pid = self.programme_id()
        if pid is None:
            return
        run_in_background(lambda: self._context.calendar.grid(pid), self._show_grid, self._failed)
        self.load_list()

    def _show_grid(self, grid: Any) -> None:
        self._grid = grid
        months = grid.months
        rows = [(payer, status) for payer in Payer for status in STATUS_ORDER]
        self.gridTable.clear()
        self.gridTable.setColumnCount(len(months))
        self.gridTable.setRowCount(len(rows))
        self.gridTable.setHorizontalHeaderLabels(
            [
                f"{month_label(m)}\n{d.day:02d}/{d.month:02d}"
                for m, d in zip(months, grid.due_dates, strict=True)
            ]
        )
        self.gridTable.setVerticalHeaderLabels(
            [f"{self.tr(payer.label)}: {self.tr(status.label)}" for payer, status in rows]
        )
        counts: dict[tuple[int, Payer, MonthStatus], int] = {}
        for c in grid.cells:
            counts[(c.month.index, c.payer, c.status)] = (
                counts.get((c.month.index, c.payer, c.status), 0) + c.count
            )
        amount = grid.programme.monthly_amount
        for col, m in enumerate(months):
            for r, (payer, status) in enumerate(rows):
                n = counts.get((m.index, payer, status), 0)
                item = QTableWidgetItem(format_number(n) if n else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if n:
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[status])))
                    item.setToolTip(
                        self.tr("%1 peserta, %2")
                        .replace("%1", format_number(n))
                        .replace("%2", format_money(n * amount))
                    )
                item.setData(Qt.ItemDataRole.UserRole, (m.index, payer.value, status.value))
                self.gridTable.setItem(r, col, item)
        self.gridTable.resizeColumnsToContents()
        self._scroll_to_current_month(months)
        self.gridLoaded.emit()

    def _scroll_to_current_month(self, months: Any) -> None:
        """Show this month's column (in the middle when it can), not the programme's first months."""
        today = self._context.clock()
        current = (today.year, today.month)
        for col, m in enumerate(months):
            if (m.year, m.month) == current:
                self.gridTable.scrollTo(
                    self.gridTable.model().index(0, col), QAbstractItemView.ScrollHint.PositionAtCenter
                )
                return

    def _grid_clicked(self, row: int, column: int) -> None:
        """Clicking a count opens the list the clerk acts on for that kind of month."""
        item = self.gridTable.item(row, column)
        if item is None or not item.text():
            return
        _, payer, status = item.data(Qt.ItemDataRole.UserRole)
        if status == MonthStatus.UNPAID.value:
            kind = ActionList.INACTIVE
        elif status in (MonthStatus.LATE.value, MonthStatus.DUE.value) and payer == Payer.SELF.value:
            kind = ActionList.LATE
        else:
            kind = ActionList.FUNDING_ENDS
        self.listCombo.setCurrentIndex(self.listCombo.findData(kind.value))

    def current_list(self) -> ActionList:
        return ActionList(self.listCombo.currentData())

    def load_list(self) -> None:
        pid = self.programme_id()
        if pid is not None:
            self.listCount.setText(self.tr("memuat\u2026"))
            self.model.load(self.current_list(), pid)

    def _list_loaded(self, total: int) -> None:
        self.listCount.setText(self.tr("%1 pekerja").replace("%1", format_number(total)))

    def _list_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        self.stripEdit.setText(row.nik or row.name)
        self.show_strip(worker_id=row.worker_id)

    # -- worker strip -------------------------------------------------------------------------------
    def show_strip(self, worker_id: int | None = None) -> None:
        pid = self.programme_id()
        if pid is None:
            return
        text = self.stripEdit.text().strip()
        ctx = self._context

        def work() -> Any:
            wid = worker_id
            name = ""
            if wid is None:
                found = ctx.programmes.search_enrolled(pid, text, limit=1)
                if not found:
                    return None
                wid, name = found[0][0], found[0][1]
            return name, ctx.calendar.worker_strip(pid, wid)

        run_in_background(work, self._show_strip, self._failed)

    def _show_strip(self, result: Any) -> None:
        if result is None:
            self._strip = None
            self.stripEventButton.setEnabled(False)
            self.stripLabel.setText(self.tr("Pekerja tidak ditemukan di program ini."))
            self.stripTable.setColumnCount(0)
            self.stripLoaded.emit()
            return
        name, strip = result
        name = name or self.stripEdit.text()
        self._strip = (strip.worker_id, name)
        self.stripEventButton.setEnabled(True)
        state = self.tr("NONAKTIF") if strip.inactive else self.tr("aktif")
        text = (
            self.tr("%1 \u2014 kepesertaan %2, %3 bulan belum dibayar berturut-turut")
            .replace("%1", name)
            .replace("%2", state)
            .replace("%3", str(strip.unpaid_streak))
        )
        if strip.exit_date is not None:
            reasons = {
                "deceased": self.tr("meninggal"),
                "moved": self.tr("pindah"),
                "withdrawn": self.tr("mengundurkan diri"),
            }
            text = (
                self.tr("%1 \u2014 keluar dari program %2 (%3); bulan sesudahnya tidak ditagih")
                .replace("%1", name)
                .replace("%2", format_date(strip.exit_date))
                .replace("%3", reasons.get(strip.exit_reason, strip.exit_reason))
            )
        self.stripLabel.setText(text)
        self.stripTable.setColumnCount(len(strip.months))
        self.stripTable.setHorizontalHeaderLabels([month_label(c.month) for c in strip.months])
        for col, c in enumerate(strip.months):
            item = QTableWidgetItem(self.tr("Pemda") if c.payer is Payer.FUNDER else self.tr("Mandiri"))
            item.setBackground(QBrush(QColor(STATUS_COLOURS[c.status])))
            item.setToolTip(
                self.tr("%1, %2, jatuh tempo %3")
                .replace("%1", self.tr(c.status.label))
                .replace("%2", format_money(c.amount))
                .replace("%3", format_date(c.due_date))
            )
            item.setData(Qt.ItemDataRole.UserRole, c.status.value)
            self.stripTable.setItem(0, col, item)
        self.stripLoaded.emit()

    def record_event(self) -> Any:
        """Record a death, accident or exit of the worker shown in the strip; the strip and grid follow."""
        from jamsos_desktop.ui.programs.events import EventDialog

        pid = self.programme_id()
        if pid is None or self._strip is None:
            return None
        wid, name = self._strip
        dialog = EventDialog(self._context, pid, self, worker=(wid, name))
        self.dialog = dialog
        dialog.saved.connect(lambda message: self._event_recorded(wid, message))
        dialog.open()
        return dialog

    def _event_recorded(self, worker_id: int, message: str) -> None:
        self.messageLabel.setText(message)
        self.load()
        self.show_strip(worker_id=worker_id)

    # -- holidays -----------------------------------------------------------------------------------
    def edit_holidays(self) -> Any:
        """The holiday list; every change redraws the grid's due dates."""
        from jamsos_desktop.ui.calendar.holidays import HolidaysDialog

        year = self._context.clock().year
        dialog = HolidaysDialog(self._context, year, self)
        self.dialog = dialog
        dialog.changed.connect(self.load)
        dialog.open()
        return dialog

    # -- export and print ---------------------------------------------------------------------------
    def export_list(self, path: str | None = None) -> None:
        pid = self.programme_id()
        if pid is None:
            return
        kind = self.current_list()
        if not path:
            suggested = f"{kind.value}-{date.today():%Y%m%d}.xlsx"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Ekspor daftar"), suggested, self.tr("Excel (*.xlsx)")
            )
            if not path:
                return
        target = path
        self.messageLabel.setText(self.tr("Mengekspor\u2026"))
        run_in_background(
            lambda: self._context.calendar.export_action_list(kind, pid, target),  # type: ignore[arg-type]
            lambda n: self._exported(target, n),
            self._failed,
            owner=self,
        )

    def print_list(self, path: str | None = None) -> None:
        pid = self.programme_id()
        if pid is None:
            return
        kind = self.current_list()
        if not path:
            suggested = f"{kind.value}-{date.today():%Y%m%d}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Cetak daftar ke PDF"), suggested, self.tr("PDF (*.pdf)")
            )
            if not path:
                return
        target = path
        self.messageLabel.setText(self.tr("Menyiapkan PDF\u2026"))
        run_in_background(
            lambda: self._context.calendar.print_action_list(kind, pid, target),  # type: ignore[arg-type]
            lambda n: self._exported(target, n),
            self._failed,
            owner=self,
        )

    def _exported(self, path: str, rows: int) -> None:
        self.messageLabel.setText(
            self.tr("%1 baris disimpan ke %2").replace("%1", format_number(rows)).replace("%2", path)
        )
        self.exported.emit(path)

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        self.messageLabel.setText(text)
        self.failed.emit(text)
