"""*Program & Iuran*: programmes with their funders, enrolment, budget and payments.

The page asks services for everything, off the UI thread (:func:`run_in_background`); results come
back as plain dataclasses. Errors carry codes and are shown as the sentence of their code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.formatting import format_date, format_money, format_month, format_number
from jamsos_desktop.domain.programme import Month
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.programs.dialogs import (
    EnrolDialog,
    FunderPaymentDialog,
    ProgrammeDialog,
    SelfPaymentDialog,
)
from jamsos_desktop.ui.programs.events import EventsPanel
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext


def _item(text: str, data: Any = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def error_text(exc: BaseException) -> str:
    if isinstance(exc, JamsosError):
        return exc.message(i18n.current())
    return str(exc) or type(exc).__name__


class ProgramsPage(QWidget):
    """List of programmes; budget, payments and the actions of the selected one."""

    programmesLoaded = Signal()
    detailsLoaded = Signal()
    actionFinished = Signal(str)
    actionFailed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programsPage")
        self._context = context
        self._programmes: list[Any] = []
        self._dialog: Any = None

        title = QLabel(self.tr("Program & Iuran"))
        title.setObjectName("pageTitle")
        self.programTable = QTableWidget(0, 6)
        self.programTable.setObjectName("programTable")
        self.programTable.setHorizontalHeaderLabels(
            [
                self.tr("Program"),
                self.tr("Penyandang dana"),
                self.tr("Mulai"),
                self.tr("Dibiayai"),
                self.tr("Iuran/bulan"),
                self.tr("Peserta"),
            ]
        )
        self.programTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.programTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.programTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # no clipped titles
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.programTable.verticalHeader().hide()
        self.programTable.itemSelectionChanged.connect(self.load_details)
        self.programTable.doubleClicked.connect(lambda _: self.edit_programme())

        self.newButton = self._button("newProgramButton", self.tr("Program baru"), self.new_programme)
        self.editButton = self._button("editProgramButton", self.tr("Ubah"), self.edit_programme)
        self.enrolButton = self._button("enrolButton", self.tr("Daftarkan peserta"), self.enrol)
        self.funderPayButton = self._button(
            "funderPaymentButton", self.tr("Bayar tagihan (pemda)"), self.pay_funder
        )
        self.selfPayButton = self._button("selfPaymentButton", self.tr("Iuran mandiri"), self.pay_self)
        self.importButton = self._button(
            "importPaymentsButton", self.tr("Impor kuitansi\u2026"), self.import_payments
        )
        self.reverseButton = self._button(
            "reverseButton", self.tr("Batalkan pembayaran"), self.reverse_payment
        )
        actions = QHBoxLayout()
        for b in (
            self.newButton,
            self.editButton,
            self.enrolButton,
            self.funderPayButton,
            self.selfPayButton,
            self.importButton,
            self.reverseButton,
        ):
            actions.addWidget(b)
        actions.addStretch(1)

        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)

        # Budget panel
        self.budgetPanel = QGroupBox(self.tr("Anggaran"))
        self.budgetPanel.setObjectName("budgetPanel")
        self.budgetSummary = QLabel()
        self.budgetSummary.setObjectName("budgetSummary")
        self.budgetSummary.setTextFormat(Qt.TextFormat.RichText)
        self.forecastLabel = QLabel()
        self.forecastLabel.setObjectName("forecastLabel")
        self.forecastLabel.setTextFormat(Qt.TextFormat.RichText)
        self.forecastLabel.setWordWrap(True)
        self.budgetTable = QTableWidget(0, 6)
        self.budgetTable.setObjectName("budgetTable")
        self.budgetTable.setHorizontalHeaderLabels(
            [
                self.tr("Penyandang dana / kecamatan"),
                self.tr("Peserta"),
                self.tr("Rencana"),
                self.tr("Dibayar"),
                self.tr("Sisa"),
                self.tr("Rencana bila kuota terisi"),
            ]
        )
        budget_header = self.budgetTable.horizontalHeader()
        budget_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # no clipped titles
        budget_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.budgetTable.verticalHeader().hide()
        budget_layout = QVBoxLayout(self.budgetPanel)
        budget_layout.addWidget(self.budgetSummary)
        budget_layout.addWidget(self.forecastLabel)
        budget_layout.addWidget(self.budgetTable)

        # Payments
        self.funderPaymentTable = QTableWidget(0, 7)
        self.funderPaymentTable.setObjectName("funderPaymentTable")
        self.funderPaymentTable.setHorizontalHeaderLabels(
            [
                self.tr("Tagihan"),
                self.tr("Penyandang dana"),
                self.tr("Bulan"),
                self.tr("Seharusnya"),
                self.tr("Dibayar"),
                self.tr("Selisih"),
                self.tr("Keterangan"),
            ]
        )
        self.selfPaymentTable = QTableWidget(0, 6)
        self.selfPaymentTable.setObjectName("selfPaymentTable")
        self.selfPaymentTable.setHorizontalHeaderLabels(
            [
                self.tr("Kuitansi"),
                self.tr("Nama"),
                self.tr("Bulan"),
                self.tr("Jumlah"),
                self.tr("Tanggal"),
                self.tr("Keterangan"),
            ]
        )
        for t in (self.funderPaymentTable, self.selfPaymentTable):
            t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            t.verticalHeader().hide()
            t.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("programTabs")
        self.tabs.addTab(self.budgetPanel, self.tr("Anggaran"))
        self.tabs.addTab(self.funderPaymentTable, self.tr("Pembayaran pemda"))
        self.tabs.addTab(self.selfPaymentTable, self.tr("Iuran mandiri (200 terakhir)"))
        self.eventsPanel = EventsPanel(context)
        self.eventsPanel.changed.connect(self._done)
        self.eventsPanel.failed.connect(self._show_failure)
        self.tabs.addTab(self.eventsPanel, self.tr("Peristiwa dan klaim"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.programTable)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(actions)
        layout.addWidget(self.messageLabel)
        layout.addWidget(split, 1)
        if getattr(context, "access", None) is not None:
            context.access.on_change(self._role_changed)
        self._update_buttons()
        self.refresh()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        run_in_background(self._context.programmes.summaries, self._show_programmes, self._failed)

    def _show_programmes(self, summaries: list[Any]) -> None:
        selected = self.current_programme_id()
        self._programmes = [s.programme for s in summaries]
        self.programTable.blockSignals(True)
        self.programTable.setRowCount(len(summaries))
        for row, s in enumerate(summaries):
            p = s.programme
            self.programTable.setItem(row, 0, _item(p.name, p.id))
            self.programTable.setItem(row, 1, _item(", ".join(f.name for f in p.funders)))
            self.programTable.setItem(row, 2, _item(format_date(p.start.first_day())[2:].strip()))
            self.programTable.setItem(
                row, 3, _item(self.tr("%1 bulan").replace("%1", str(p.funded_months)), right=True)
            )
            self.programTable.setItem(row, 4, _item(format_money(p.monthly_amount), right=True))
            self.programTable.setItem(row, 5, _item(format_number(s.enrolled), right=True))
            if p.id == selected:
                self.programTable.selectRow(row)
        self.programTable.blockSignals(False)
        if self.current_programme_id() is None and summaries:
            self.programTable.selectRow(0)
        self._update_buttons()
        self.programmesLoaded.emit()
        self.load_details()

    def current_programme_id(self) -> int | None:
        rows = self.programTable.selectionModel().selectedRows() if self.programTable.selectionModel() else []
        if not rows:
            return None
        item = self.programTable.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_programme(self) -> Any:
        pid = self.current_programme_id()
        return next((p for p in self._programmes if p.id == pid), None)

    def _update_buttons(self) -> None:
        """Enabled when a programme is chosen and the user's role may do it: an operator enters receipts;
        programmes, enrolment, funder payments and reversals are a verifier's (the services refuse them
        to an operator too)."""
        has = self.current_programme_id() is not None
        access = getattr(self._context, "access", None)

        def may(*permissions: Permission) -> bool:
            return access is None or any(access.can(p) for p in permissions)

        only_verifier = self.tr("Hanya verifikator atau administrator yang boleh melakukan ini.")
        for b, needs, allowed in (
            (self.newButton, False, may(Permission.MANAGE_PROGRAMMES)),
            (self.editButton, True, may(Permission.MANAGE_PROGRAMMES)),
            (self.enrolButton, True, may(Permission.ENROL)),
            (self.funderPayButton, True, may(Permission.RECORD_FUNDER_PAYMENTS)),
            (self.selfPayButton, True, may(Permission.ENTER_DATA)),
            (self.importButton, True, may(Permission.ENTER_DATA)),
            (self.reverseButton, True, may(Permission.REVERSE_PAYMENTS, Permission.RECORD_FUNDER_PAYMENTS)),
        ):
            b.setEnabled(allowed and (has or not needs))
            b.setToolTip("" if allowed else only_verifier)

    def _role_changed(self, _actor: object) -> None:
        if shiboken6.isValid(self):
            self._update_buttons()

    def load_details(self) -> None:
        self._update_buttons()
        pid = self.current_programme_id()
        self.eventsPanel.load(pid)
        if pid is None:
            return
        ctx = self._context

        def work() -> tuple[Any, Any, Any]:
            return (
                ctx.payments.budget(pid),
                ctx.payments.funder_payments(pid),
                ctx.payments.self_payments(pid, limit=200),
            )

        run_in_background(work, self._show_details, self._failed)

    def _show_details(self, result: tuple[Any, Any, Any]) -> None:
        budget, funder_payments, self_payments = result
        text = self.tr(
            "<b>Peserta</b> %1 &nbsp; <b>Rencana</b> %2 &nbsp; <b>Dibayar</b> %3 &nbsp; <b>Sisa</b> %4 &nbsp; "
            "<b>Iuran mandiri masuk</b> %5"
        )
        for i, v in enumerate(
            (
                format_number(budget.enrolled),
                format_money(budget.planned),
                format_money(budget.paid),
                format_money(budget.outstanding),
                format_money(budget.self_paid),
            ),
            start=1,
        ):
            text = text.replace(f"%{i}", v)
        self.budgetSummary.setText(text)
        self.forecastLabel.setText(self._forecast_text(budget.forecast))
        forecast_of = (
            {str(x.funder_id): x for x in budget.forecast.by_funder} if budget.forecast is not None else {}
        )
        lines = [*budget.by_funder, *budget.by_district]
        self.budgetTable.setRowCount(len(lines))
        for row, line in enumerate(lines):
            is_funder = row < len(budget.by_funder)
            name = line.name if is_funder else self.tr("Kec. %1").replace("%1", line.name)
            self.budgetTable.setItem(row, 0, _item(name))
            self.budgetTable.setItem(row, 1, _item(format_number(line.enrolled), right=True))
            self.budgetTable.setItem(row, 2, _item(format_money(line.planned), right=True))
            self.budgetTable.setItem(row, 3, _item(format_money(line.paid), right=True))
            self.budgetTable.setItem(row, 4, _item(format_money(line.outstanding), right=True))
            extra = forecast_of.get(line.key) if is_funder else None
            self.budgetTable.setItem(
                row,
                5,
                _item(format_money(line.planned + extra.extra), extra.extra, right=True)
                if extra
                else _item(""),
            )
        self.funderPaymentTable.setRowCount(len(funder_payments))
        for row, p in enumerate(funder_payments):
            note = (
                self.tr("pembatalan") if p.reversal_of else (self.tr("dibatalkan") if p.reversed_by else "")
            )
            self.funderPaymentTable.setItem(row, 0, _item(p.invoice_number, ("funder", p.id)))
            self.funderPaymentTable.setItem(row, 1, _item(p.funder_name))
            self.funderPaymentTable.setItem(row, 2, _item(f"{p.first}\u2013{p.last}"))
            self.funderPaymentTable.setItem(row, 3, _item(format_money(p.expected), right=True))
            self.funderPaymentTable.setItem(row, 4, _item(format_money(p.amount), right=True))
            self.funderPaymentTable.setItem(row, 5, _item(format_money(p.difference), right=True))
            self.funderPaymentTable.setItem(row, 6, _item(note))
        self.selfPaymentTable.setRowCount(len(self_payments))
        for row, p in enumerate(self_payments):
            note = (
                self.tr("pembatalan") if p.reversal_of else (self.tr("dibatalkan") if p.reversed_by else "")
            )
            self.selfPaymentTable.setItem(row, 0, _item(p.receipt or "", ("self", p.id)))
            self.selfPaymentTable.setItem(row, 1, _item(p.worker_name))
            self.selfPaymentTable.setItem(row, 2, _item(f"{p.first}\u2013{p.last}"))
            self.selfPaymentTable.setItem(row, 3, _item(format_money(p.amount), right=True))
            self.selfPaymentTable.setItem(row, 4, _item(format_date(p.paid_on)))
            self.selfPaymentTable.setItem(row, 5, _item(note))
        self.detailsLoaded.emit()

    def _forecast_text(self, f: Any) -> str:
        """The budget if the quota filled, said as a supervisor would ask it."""
        if f is None:
            return self.tr("<i>Program tanpa kuota: tidak ada perkiraan bila kuota terisi.</i>")
        if f.joining == 0:
            return (
                self.tr("<b>Kuota %1 sudah terisi</b> (%2 peserta): rencana tetap %3.")
                .replace("%1", format_number(f.quota))
                .replace("%2", format_number(f.enrolled))
                .replace("%3", format_money(f.total))
            )
        join = format_month(f.join_month.year, f.join_month.month)
        if f.months_each == 0:
            return (
                self.tr(
                    "<b>Bila kuota %1 terisi</b>: %2 pekerja lagi yang mulai %3 tidak mendapat bulan dibiayai "
                    "(masa pembiayaan sudah lewat); rencana tetap <b>%4</b>."
                )
                .replace("%1", format_number(f.quota))
                .replace("%2", format_number(f.joining))
                .replace("%3", join)
                .replace("%4", format_money(f.total))
            )
        return (
            self.tr(
                "<b>Bila kuota %1 terisi</b>: %2 pekerja lagi mulai %3, masing-masing %4 bulan dibiayai "
                "× %5 = tambahan <b>%6</b>; rencana menjadi <b>%7</b>."
            )
            .replace("%1", format_number(f.quota))
            .replace("%2", format_number(f.joining))
            .replace("%3", join)
            .replace("%4", format_number(f.months_each))
            .replace("%5", format_money(f.monthly_amount))
            .replace("%6", format_money(f.extra))
            .replace("%7", format_money(f.total))
        )

    # -- actions ------------------------------------------------------------------------------------
    def _show_failure(self, text: str) -> None:
        self.messageLabel.setText(text)
        self.actionFailed.emit(text)

    def _failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        self.messageLabel.setText(text)
        self.actionFailed.emit(text)

    def _done(self, message: str) -> None:
        self.messageLabel.setText(message)
        self.actionFinished.emit(message)
        self.refresh()

    def new_programme(self) -> ProgrammeDialog:
        return self._programme_dialog(None)

    def edit_programme(self) -> ProgrammeDialog | None:
        p = self.current_programme()
        return self._programme_dialog(p) if p is not None else None

    def _programme_dialog(self, programme: Any) -> ProgrammeDialog:
        dialog = ProgrammeDialog(programme, self)
        self._dialog = dialog
        dialog.accepted.connect(lambda: self._save_programme(dialog))
        dialog.open()
        return dialog

    def _save_programme(self, dialog: ProgrammeDialog) -> None:
        data = dialog.data()
        ctx = self._context
        if dialog.programme is None:
            work = lambda: ctx.programmes.create(data)  # noqa: E731
        else:
            version = dialog.programme.version
            pid = dialog.programme.id
            work = lambda: ctx.programmes.update(pid, data, expected_version=version)  # noqa: E731

        def failed(exc: BaseException) -> None:
            dialog.show_error(error_text(exc))
            dialog.open()  # keep the clerk's input; let them correct it
            self._failed(exc)

        run_in_background(
            work,
            lambda p: self._done(self.tr("Program disimpan: %1").replace("%1", p.name)),
            failed,
            owner=self,
        )

    def enrol(self) -> EnrolDialog | None:
        p = self.current_programme()
        if p is None:
            return None
        villages = [(v.code, f"{d.name} \u2014 {v.name}") for d, v in self._context.regions.all_villages()]
        dialog = EnrolDialog(p, villages, self)
        self._dialog = dialog
        dialog.accepted.connect(lambda: self._run_enrol(p.id, dialog.choice()))
        dialog.open()
        return dialog

    def _run_enrol(self, pid: int, choice: dict[str, Any]) -> None:
        self.messageLabel.setText(self.tr("Mendaftarkan peserta\u2026"))

        def done(result: Any) -> None:
            text = (
                self.tr("%1 pekerja didaftarkan (total %2).")
                .replace("%1", format_number(result.enrolled))
                .replace("%2", format_number(result.total_after))
            )
            if result.overlapping:
                text += " " + self.tr("%1 ditolak karena ikut program lain.").replace(
                    "%1", format_number(len(result.overlapping))
                )
            for w in result.warnings:
                text += " " + w.message(i18n.current())
            self._done(text)

        run_in_background(
            lambda: self._context.programmes.enrol(pid, **choice), done, self._failed, owner=self
        )

    def pay_funder(self) -> FunderPaymentDialog | None:
        p = self.current_programme()
        if p is None:
            return None
        payments = self._context.payments

        def expected(funder_id: int, first: Month, last: Month) -> int:
            if last < first:
                return 0
            return sum(line.expected for line in payments.expected_for_funder(p.id, funder_id, first, last))

        dialog = FunderPaymentDialog(p, expected, self._context.clock().date(), self)
        self._dialog = dialog
        dialog.accepted.connect(lambda: self._save_funder_payment(p.id, dialog))
        dialog.open()
        return dialog

    def _save_funder_payment(self, pid: int, dialog: FunderPaymentDialog) -> None:
        values = dialog.values()

        def failed(exc: BaseException) -> None:
            dialog.errorLabel.setText(error_text(exc))
            dialog.open()
            self._failed(exc)

        run_in_background(
            lambda: self._context.payments.record_funder_payment(pid, **values),  # type: ignore[arg-type]
            lambda p: self._done(
                self.tr("Tagihan %1 dicatat: %2")
                .replace("%1", p.invoice_number)
                .replace("%2", format_money(p.amount))
            ),
            failed,
            owner=self,
        )

    def pay_self(self) -> SelfPaymentDialog | None:
        p = self.current_programme()
        if p is None:
            return None
        dialog = SelfPaymentDialog(p, self._context.clock().date(), self)
        self._dialog = dialog
        dialog.accepted.connect(lambda: self._save_self_payment(p.id, dialog))
        dialog.open()
        return dialog

    def _save_self_payment(self, pid: int, dialog: SelfPaymentDialog) -> None:
        values = dialog.values()

        def failed(exc: BaseException) -> None:
            dialog.errorLabel.setText(error_text(exc))
            dialog.open()
            self._failed(exc)

        def done(outcome: Any) -> None:
            verb = self.tr("sudah tercatat sebelumnya") if outcome.duplicate else self.tr("dicatat")
            self._done(
                self.tr("Kuitansi %1 %2.").replace("%1", outcome.payment.receipt or "").replace("%2", verb)
            )

        run_in_background(
            lambda: self._context.payments.record_self_payment(pid, **values), done, failed, owner=self
        )  # type: ignore[arg-type]

    def import_payments(self, path: str | None = None) -> None:
        pid = self.current_programme_id()
        if pid is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Impor kuitansi iuran mandiri"), "", self.tr("Lembar kerja (*.xlsx *.csv)")
            )
            if not path:
                return
        self.messageLabel.setText(self.tr("Mengimpor\u2026"))

        def done(r: Any) -> None:
            text = self.tr("Dibaca %1, dicatat %2, duplikat %3, ditolak %4.")
            for i, v in enumerate((r.read, r.recorded, r.duplicates, r.rejected), start=1):
                text = text.replace(f"%{i}", format_number(v))
            rejected = [x for x in r.rows if x.status == "rejected"][:5]
            for x in rejected:  # tr() outside f-strings: lupdate reads no f-string
                text += "\n" + self.tr("Baris %1: %2").replace("%1", str(x.row)).replace("%2", x.message)
            self._done(text)

        run_in_background(
            lambda: self._context.payments.import_self_payments(pid, path), done, self._failed, owner=self
        )

    def reverse_payment(self, reason: str | None = None) -> None:
        table = (
            self.funderPaymentTable
            if self.tabs.currentWidget() is self.funderPaymentTable
            else self.selfPaymentTable
        )
        rows = table.selectionModel().selectedRows()
        if not rows:
            self.messageLabel.setText(self.tr("Pilih pembayaran yang akan dibatalkan pada tab pembayaran."))
            return
        kind, payment_id = table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, self.tr("Batalkan pembayaran"), self.tr("Alasan pembatalan:")
            )
            if not ok:
                return
        payments = self._context.payments
        work = (
            (lambda: payments.reverse_funder_payment(payment_id, reason))
            if kind == "funder"
            else (lambda: payments.reverse_self_payment(payment_id, reason))
        )
        run_in_background(
            work,
            lambda _: self._done(self.tr("Pembayaran dibatalkan dengan catatan pembatalan.")),
            self._failed,
            owner=self,
        )
