"""The holiday list (*hari libur nasional / cuti bersama*) that moves due dates, one year at a time.

Every change is one call to the programme service, off the UI thread; afterwards the list and the
year's twelve due dates are read again, and ``changed`` tells the calendar to redraw its grid.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from jamsos_desktop.domain.calendar import DUE_DAY, due_date
from jamsos_desktop.domain.formatting import format_date, format_number, month_names, weekday_name
from jamsos_desktop.domain.programme import Month
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.ui.generated.ui_holidays_dialog import Ui_HolidaysDialog
from jamsos_desktop.ui.programs.page import error_text
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

MOVED_BY_HOLIDAY = "#ffd8a8"


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class HolidaysDialog(QDialog):
    """``holidaysDialog``: list, add, rename, move, remove and import the holidays of a year."""

    loaded = Signal()
    changed = Signal()
    failed = Signal(str)

    def __init__(self, context: AppContext, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HolidaysDialog()
        self.ui.setupUi(self)
        self._context = context
        self._all: list[tuple[date, str]] = []
        ui = self.ui
        ui.yearSpin.setValue(year or context.clock().year)
        ui.yearSpin.valueChanged.connect(self._show)
        header = ui.holidayTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        ui.holidayTable.itemSelectionChanged.connect(self._selected)
        ui.dueTable.setRowCount(1)
        ui.dueTable.setColumnCount(12)
        ui.dueTable.setHorizontalHeaderLabels([name[:3] for name in month_names()])  # Des / Dec
        ui.dueTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.dueTable.setFixedHeight(ui.dueTable.horizontalHeader().sizeHint().height() + 40)
        ui.addButton.clicked.connect(self.add)
        ui.saveButton.clicked.connect(self.save)
        ui.removeButton.clicked.connect(self.remove)
        ui.fixedButton.clicked.connect(self.add_fixed)
        ui.importButton.clicked.connect(lambda: self.import_file())
        ui.buttonBox.rejected.connect(self.reject)
        ui.holidayNameEdit.returnPressed.connect(self.add)
        access = getattr(context, "access", None)
        #: The list moves every due date: a verifier's or administrator's change (the service refuses
        #: it to an operator too); an operator still reads the list and the year's due dates.
        self.may_edit = access is None or access.can(Permission.MANAGE_PROGRAMMES)
        if not self.may_edit:
            why = self.tr("Hanya verifikator atau administrator yang boleh mengubah daftar hari libur.")
            for w in (ui.addButton, ui.fixedButton, ui.importButton, ui.holidayNameEdit, ui.dateEdit):
                w.setEnabled(False)
                w.setToolTip(why)
            ui.messageLabel.setText(why)
        self._set_date(date(ui.yearSpin.value(), 1, 1))
        self._selected()
        self.reload()

    # -- reading ------------------------------------------------------------------------------------
    def year(self) -> int:
        return self.ui.yearSpin.value()

    def reload(self) -> None:
        run_in_background(self._context.programmes.holidays, self._loaded, self._failed, owner=self)

    def _loaded(self, holidays: list[tuple[date, str]]) -> None:
        self._all = list(holidays)
        self._show()
        self.loaded.emit()

    def holidays(self) -> list[tuple[date, str]]:
        """The holidays of the year shown, as listed."""
        return [(d, n) for d, n in self._all if d.year == self.year()]

    def _show(self) -> None:
        ui = self.ui
        year = self.year()
        rows = self.holidays()
        selected = self.selected_day()
        ui.holidayTable.setRowCount(len(rows))
        for r, (d, name) in enumerate(rows):
            ui.holidayTable.setItem(r, 0, _item(format_date(d), d))
            ui.holidayTable.setItem(r, 1, _item(weekday_name(d)))
            ui.holidayTable.setItem(r, 2, _item(name))
            if d == selected:
                ui.holidayTable.selectRow(r)
        ui.countLabel.setText(self.tr("%1 hari libur").replace("%1", format_number(len(rows))))
        picked = self.picked_date()
        if picked.year != year:
            self._set_date(date(year, picked.month, min(picked.day, 28)))
        self._show_due_dates(year)

    def _show_due_dates(self, year: int) -> None:
        """The twelve due dates of the year; those a holiday moved are coloured and explained."""
        holidays = {d: n for d, n in self._all}
        notes = []
        for col in range(12):
            month = Month.of(year, col + 1)
            due = due_date(month, holidays)
            plain = due_date(month)
            item = QTableWidgetItem(f"{due.day:02d}/{due.month:02d}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setData(Qt.ItemDataRole.UserRole, due)
            if due != plain:
                item.setBackground(QBrush(QColor(MOVED_BY_HOLIDAY)))
                names = ", ".join(
                    n for d, n in sorted(holidays.items()) if month.day(DUE_DAY) <= d < due and n
                )
                item.setToolTip(names)
                notes.append(
                    self.tr("%1: %2 (libur %3)")
                    .replace("%1", month_names()[col])
                    .replace("%2", format_date(due))
                    .replace("%3", names)
                )
            self.ui.dueTable.setItem(0, col, item)
        self.ui.dueNoteLabel.setText(
            self.tr("Bergeser karena hari libur: %1").replace("%1", "; ".join(notes))
            if notes
            else self.tr("Tidak ada jatuh tempo tahun ini yang bergeser karena hari libur.")
        )

    def due_dates(self) -> list[date]:
        return [self.ui.dueTable.item(0, c).data(Qt.ItemDataRole.UserRole) for c in range(12)]

    # -- selection and the edit row -----------------------------------------------------------------
    def selected_day(self) -> date | None:
        rows = self.ui.holidayTable.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.ui.holidayTable.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, day: date) -> None:
        for r in range(self.ui.holidayTable.rowCount()):
            if self.ui.holidayTable.item(r, 0).data(Qt.ItemDataRole.UserRole) == day:
                self.ui.holidayTable.selectRow(r)
                return

    def _selected(self) -> None:
        day = self.selected_day()
        self.ui.saveButton.setEnabled(day is not None and self.may_edit)
        self.ui.removeButton.setEnabled(day is not None and self.may_edit)
        if day is not None:
            self._set_date(day)
            self.ui.holidayNameEdit.setText(dict(self._all).get(day, ""))

    def picked_date(self) -> date:
        d = self.ui.dateEdit.date()
        return date(d.year(), d.month(), d.day())

    def _set_date(self, day: date) -> None:
        self.ui.dateEdit.setDate(QDate(day.year, day.month, day.day))

    # -- changes --------------------------------------------------------------------------------------
    def add(self) -> None:
        day, name = self.picked_date(), self.ui.holidayNameEdit.text()
        if day in dict(self._all):
            self._failed_text(
                self.tr("Tanggal %1 sudah ada di daftar; pilih barisnya lalu Simpan perubahan.").replace(
                    "%1", format_date(day)
                )
            )
            return
        self._change(
            lambda: self._context.programmes.set_holiday(day, name),
            self.tr("%1 ditambahkan: %2").replace("%1", format_date(day)).replace("%2", name.strip()),
            day,
        )

    def save(self) -> None:
        old = self.selected_day()
        if old is None:
            return
        day, name = self.picked_date(), self.ui.holidayNameEdit.text()
        self._change(
            lambda: self._context.programmes.set_holiday(day, name, replacing=old),
            self.tr("Hari libur disimpan: %1 %2").replace("%1", format_date(day)).replace("%2", name.strip()),
            day,
        )

    def remove(self) -> None:
        day = self.selected_day()
        if day is None:
            return
        self._change(
            lambda: self._context.programmes.remove_holiday(day),
            self.tr("%1 dihapus dari daftar libur.").replace("%1", format_date(day)),
            None,
        )

    def add_fixed(self) -> None:
        year = self.year()

        def work() -> int:
            return self._context.programmes.add_fixed_holidays(year)

        self._change(
            work,
            lambda n: (
                self.tr("%1 libur tetap tahun %2 ditambahkan.")
                .replace("%1", format_number(n))
                .replace("%2", str(year))
            ),
            None,
        )

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Impor daftar hari libur"), "", self.tr("Lembar kerja (*.xlsx *.csv)")
            )
            if not path:
                return
        target = path

        def message(r: Any) -> str:
            text = (
                self.tr("Dibaca %1 baris: %2 ditambahkan, %3 diubah, %4 ditolak.")
                .replace("%1", format_number(r.read))
                .replace("%2", format_number(r.added))
                .replace("%3", format_number(r.updated))
                .replace("%4", format_number(len(r.rejected)))
            )
            for row, why in r.rejected[:5]:  # tr() outside f-strings: lupdate reads no f-string
                text += "\n" + self.tr("Baris %1: %2").replace("%1", str(row)).replace("%2", why)
            if r.years and self.year() not in r.years:
                self.ui.yearSpin.setValue(r.years[0])
            return text

        self._change(lambda: self._context.programmes.import_holidays(target), message, None)

    def _change(self, work: Any, message: Any, select: date | None) -> None:
        self.ui.messageLabel.setText(self.tr("Menyimpan\u2026"))

        def done(result: Any) -> None:
            self.ui.messageLabel.setText(message(result) if callable(message) else message)
            if select is not None and select.year != self.year():
                self.ui.yearSpin.setValue(select.year)
            run_in_background(
                self._context.programmes.holidays,
                lambda rows: self._after_change(rows, select),
                self._failed,
                owner=self,
            )

        run_in_background(work, done, self._failed, owner=self)

    def _after_change(self, rows: list[tuple[date, str]], select: date | None) -> None:
        self._loaded(rows)
        if select is not None:
            self.select(select)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._failed_text(error_text(exc))

    def _failed_text(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.failed.emit(text)
