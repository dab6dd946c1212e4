"""Dialogs of the programmes page: programme form, enrolment, funder invoice, self-payment."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.formatting import format_money
from jamsos_desktop.domain.programme import (
    Funder,
    FunderKind,
    FundingWindow,
    Month,
    Programme,
    ProgrammeData,
    monthly_amount,
)


class MonthEdit(QDateEdit):
    """A month picker (``MM/yyyy``) that reads and writes :class:`Month`."""

    def __init__(self, month: Month, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("MM/yyyy")
        self.setCalendarPopup(False)
        self.set_month(month)

    def month(self) -> Month:  # type: ignore[override]
        d = self.date()
        return Month.of(d.year(), d.month())

    def set_month(self, month: Month) -> None:
        self.setDate(QDate(month.year, month.month, 1))


def _money_spin(value: int, maximum: int = 2_000_000_000) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSingleStep(1_000)
    spin.setGroupSeparatorShown(True)
    spin.setPrefix("Rp")
    spin.setValue(value)
    return spin


class ProgrammeDialog(QDialog):
    """Create or edit a programme (``programmeForm``)."""

    def __init__(self, programme: Programme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeForm")
        self.setWindowTitle(self.tr("Ubah program") if programme else self.tr("Program baru"))
        self.programme = programme
        form = QFormLayout()
        self.nameEdit = QLineEdit(programme.name if programme else "")
        self.nameEdit.setObjectName("programmeNameEdit")
        form.addRow(self.tr("Nama program"), self.nameEdit)
        self.startEdit = MonthEdit(programme.start if programme else Month.containing(date.today()))
        self.startEdit.setObjectName("startMonthEdit")
        form.addRow(self.tr("Bulan mulai"), self.startEdit)
        self.fundedSpin = QSpinBox()
        self.fundedSpin.setObjectName("fundedMonthsSpin")
        self.fundedSpin.setRange(1, 120)
        self.fundedSpin.setValue(programme.funded_months if programme else 6)
        self.fundedSpin.setSuffix(self.tr(" bulan"))
        form.addRow(self.tr("Lama dibiayai"), self.fundedSpin)
        self.incomeSpin = _money_spin(programme.income if programme else 1_000_000, 20_700_000)
        self.incomeSpin.setObjectName("incomeSpin")
        self.incomeSpin.setMinimum(1_000_000)
        form.addRow(self.tr("Penghasilan yang dilaporkan"), self.incomeSpin)
        self.jhtCheck = QCheckBox(self.tr("Termasuk JHT (2%)"))
        self.jhtCheck.setChecked(bool(programme and programme.include_jht))
        form.addRow("", self.jhtCheck)
        self.amountLabel = QLabel()
        self.amountLabel.setObjectName("monthlyAmountLabel")
        form.addRow(self.tr("Iuran per bulan"), self.amountLabel)
        self.quotaSpin = QSpinBox()
        self.quotaSpin.setRange(0, 10_000_000)
        self.quotaSpin.setSpecialValueText(self.tr("tanpa kuota"))
        self.quotaSpin.setGroupSeparatorShown(True)
        self.quotaSpin.setValue(programme.quota or 0 if programme else 0)
        form.addRow(self.tr("Kuota peserta"), self.quotaSpin)
        self.thresholdSpin = QSpinBox()
        self.thresholdSpin.setRange(1, 24)
        self.thresholdSpin.setValue(programme.lapse_threshold if programme else 3)
        self.thresholdSpin.setSuffix(self.tr(" bulan"))
        form.addRow(self.tr("Nonaktif setelah tunggakan"), self.thresholdSpin)
        self.windowCombo = QComboBox()
        self.windowCombo.addItem(
            self.tr("Bulan kalender yang sama untuk semua"), FundingWindow.CALENDAR.value
        )
        self.windowCombo.addItem(self.tr("N bulan sejak mulai tiap pekerja"), FundingWindow.INDIVIDUAL.value)
        if programme and programme.window is FundingWindow.INDIVIDUAL:
            self.windowCombo.setCurrentIndex(1)
        form.addRow(self.tr("Masa dibiayai"), self.windowCombo)
        self.horizonSpin = QSpinBox()
        self.horizonSpin.setRange(1, 240)
        self.horizonSpin.setValue(programme.horizon_months if programme else 24)
        self.horizonSpin.setSuffix(self.tr(" bulan"))
        form.addRow(self.tr("Rentang kalender"), self.horizonSpin)

        self.funderTable = QTableWidget(0, 3)
        self.funderTable.setObjectName("funderTable")
        self.funderTable.setHorizontalHeaderLabels(
            [self.tr("Penyandang dana"), self.tr("Bagian %"), self.tr("Kuota")]
        )
        self.funderTable.horizontalHeader().setStretchLastSection(True)
        self.funderTable.setColumnWidth(0, 260)
        funders = programme.funders if programme else (Funder("APBD Kabupaten", FunderKind.APBD_KABUPATEN),)
        for f in funders:
            self._add_funder_row(f)
        add = QPushButton(self.tr("Tambah penyandang dana"))
        add.clicked.connect(lambda: self._add_funder_row(Funder("")))
        remove = QPushButton(self.tr("Hapus"))
        remove.clicked.connect(lambda: self.funderTable.removeRow(self.funderTable.currentRow()))
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)

        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b00020")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Penyandang dana (bagi pekerja dengan bagian % atau kuota)")))
        layout.addWidget(self.funderTable)
        layout.addLayout(buttons_row)
        layout.addWidget(self.errorLabel)
        layout.addWidget(box)
        self.incomeSpin.valueChanged.connect(self._update_amount)
        self.jhtCheck.toggled.connect(self._update_amount)
        self._update_amount()

    def _add_funder_row(self, f: Funder) -> None:
        row = self.funderTable.rowCount()
        self.funderTable.insertRow(row)
        name = QTableWidgetItem(f.name)
        name.setData(Qt.ItemDataRole.UserRole, (f.id, f.kind.value))
        self.funderTable.setItem(row, 0, name)
        self.funderTable.setItem(
            row, 1, QTableWidgetItem("" if f.share_percent is None else str(f.share_percent))
        )
        self.funderTable.setItem(row, 2, QTableWidgetItem("" if f.quota is None else str(f.quota)))

    def _update_amount(self) -> None:
        amount = monthly_amount(self.incomeSpin.value(), include_jht=self.jhtCheck.isChecked())
        self.amountLabel.setText(self.tr("%1 (JKK 1% + JKM Rp6.800)").replace("%1", format_money(amount)))

    def funders(self) -> tuple[Funder, ...]:
        out = []
        for row in range(self.funderTable.rowCount()):
            item = self.funderTable.item(row, 0)
            if item is None or not item.text().strip():
                continue
            fid, kind = item.data(Qt.ItemDataRole.UserRole) or (None, FunderKind.OTHER.value)
            share = (self.funderTable.item(row, 1) or QTableWidgetItem("")).text().strip()
            quota = (self.funderTable.item(row, 2) or QTableWidgetItem("")).text().strip().replace(".", "")
            out.append(
                Funder(
                    item.text().strip(),
                    FunderKind(kind),
                    int(share) if share.isdigit() else None,
                    int(quota) if quota.isdigit() else None,
                    fid,
                )
            )
        return tuple(out)

    def data(self) -> ProgrammeData:
        return ProgrammeData(
            name=self.nameEdit.text().strip(),
            funders=self.funders(),
            start=self.startEdit.month(),
            funded_months=self.fundedSpin.value(),
            income=self.incomeSpin.value(),
            include_jht=self.jhtCheck.isChecked(),
            quota=self.quotaSpin.value() or None,
            lapse_threshold=self.thresholdSpin.value(),
            window=FundingWindow(self.windowCombo.currentData()),
            horizon_months=self.horizonSpin.value(),
            notes=self.programme.notes if self.programme else "",
        )

    def show_error(self, text: str) -> None:
        self.errorLabel.setText(text)


class EnrolDialog(QDialog):
    """Enrol everyone, the workers of some villages, or a list of workers (``enrolForm``)."""

    def __init__(
        self, programme: Programme, villages: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrolForm")
        self.setWindowTitle(self.tr("Daftarkan peserta ke %1").replace("%1", programme.name))
        self.allRadio = QRadioButton(self.tr("Semua pekerja aktif"))
        self.allRadio.setObjectName("enrolAllRadio")
        self.villageRadio = QRadioButton(self.tr("Pekerja dari desa/kelurahan terpilih"))
        self.selectionRadio = QRadioButton(self.tr("Pekerja terpilih (nomor pekerja, dipisah koma)"))
        group = QButtonGroup(self)
        for b in (self.allRadio, self.villageRadio, self.selectionRadio):
            group.addButton(b)
        self.allRadio.setChecked(True)
        self.villageList = QListWidget()
        self.villageList.setObjectName("villageList")
        self.villageList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for code, name in villages:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.villageList.addItem(item)
        self.idsEdit = QLineEdit()
        self.idsEdit.setObjectName("workerIdsEdit")
        self.startEdit = MonthEdit(programme.start)
        self.startEdit.setObjectName("enrolStartEdit")
        self.startEdit.setMinimumDate(QDate(programme.start.year, programme.start.month, 1))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Daftarkan"))
        box.button(QDialogButtonBox.StandardButton.Ok).setObjectName("enrolOkButton")
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.allRadio)
        layout.addWidget(self.villageRadio)
        layout.addWidget(self.villageList)
        layout.addWidget(self.selectionRadio)
        layout.addWidget(self.idsEdit)
        start_row = QFormLayout()
        start_row.addRow(self.tr("Mulai bulan"), self.startEdit)
        layout.addLayout(start_row)
        layout.addWidget(box)

    def choice(self) -> dict[str, object]:
        if self.villageRadio.isChecked():
            codes = [
                self.villageList.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.villageList.count())
                if self.villageList.item(i).checkState() == Qt.CheckState.Checked
            ]
            return {"village_codes": codes, "start": self.startEdit.month()}
        if self.selectionRadio.isChecked():
            ids = [int(t) for t in self.idsEdit.text().replace(";", ",").split(",") if t.strip().isdigit()]
            return {"worker_ids": ids, "start": self.startEdit.month()}
        return {"everyone": True, "start": self.startEdit.month()}


class FunderPaymentDialog(QDialog):
    """A funder's payment of a BPJS invoice (``funderPaymentForm``); shows the expected amount."""

    def __init__(self, programme: Programme, expected, today: date, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("funderPaymentForm")
        self.setWindowTitle(self.tr("Pembayaran tagihan BPJS oleh penyandang dana"))
        self._expected = expected  # callable (funder_id, first, last) -> int
        form = QFormLayout(self)
        self.funderCombo = QComboBox()
        for f in programme.funders:
            self.funderCombo.addItem(f.name, f.id)
        form.addRow(self.tr("Penyandang dana"), self.funderCombo)
        self.invoiceEdit = QLineEdit()
        self.invoiceEdit.setObjectName("invoiceEdit")
        form.addRow(self.tr("Nomor tagihan"), self.invoiceEdit)
        self.firstEdit = MonthEdit(programme.start)
        self.lastEdit = MonthEdit(programme.start)
        form.addRow(self.tr("Dari bulan"), self.firstEdit)
        form.addRow(self.tr("Sampai bulan"), self.lastEdit)
        self.expectedLabel = QLabel()
        self.expectedLabel.setObjectName("expectedLabel")
        form.addRow(self.tr("Seharusnya"), self.expectedLabel)
        self.amountSpin = _money_spin(0)
        self.amountSpin.setObjectName("amountSpin")
        form.addRow(self.tr("Jumlah dibayar"), self.amountSpin)
        self.dateEdit = QDateEdit(QDate(today.year, today.month, today.day))
        self.dateEdit.setDisplayFormat("dd-MM-yyyy")
        form.addRow(self.tr("Tanggal bayar"), self.dateEdit)
        self.acceptCheck = QCheckBox(self.tr("Catat walau jumlah berbeda (selisih dicatat)"))
        form.addRow("", self.acceptCheck)
        self.errorLabel = QLabel()
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b00020")
        form.addRow(self.errorLabel)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        for w in (self.firstEdit, self.lastEdit):
            w.dateChanged.connect(self._refresh_expected)
        self.funderCombo.currentIndexChanged.connect(self._refresh_expected)
        self._refresh_expected()

    def _refresh_expected(self) -> None:
        try:
            value = self._expected(
                self.funderCombo.currentData(), self.firstEdit.month(), self.lastEdit.month()
            )
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, not fatal
            self.expectedLabel.setText(str(exc))
            return
        self.expectedLabel.setText(format_money(value))
        self.amountSpin.setValue(value)

    def values(self) -> dict[str, object]:
        d = self.dateEdit.date()
        return {
            "funder_id": self.funderCombo.currentData(),
            "invoice": self.invoiceEdit.text(),
            "first": self.firstEdit.month(),
            "last": self.lastEdit.month(),
            "amount": self.amountSpin.value(),
            "paid_on": date(d.year(), d.month(), d.day()),
            "accept_difference": self.acceptCheck.isChecked(),
        }


class SelfPaymentDialog(QDialog):
    """A worker's own payment with a receipt number (``selfPaymentForm``)."""

    def __init__(self, programme: Programme, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfPaymentForm")
        self.setWindowTitle(self.tr("Iuran mandiri"))
        self._monthly = programme.monthly_amount
        form = QFormLayout(self)
        self.keyEdit = QLineEdit()
        self.keyEdit.setObjectName("payerNikEdit")
        self.keyEdit.setPlaceholderText(self.tr("NIK atau KPJ"))
        form.addRow(self.tr("NIK/KPJ pekerja"), self.keyEdit)
        self.receiptEdit = QLineEdit()
        self.receiptEdit.setObjectName("receiptEdit")
        form.addRow(self.tr("Nomor kuitansi"), self.receiptEdit)
        this = Month.containing(today)
        self.firstEdit = MonthEdit(max(this, programme.first_self_month))
        self.lastEdit = MonthEdit(max(this, programme.first_self_month))
        form.addRow(self.tr("Dari bulan"), self.firstEdit)
        form.addRow(self.tr("Sampai bulan"), self.lastEdit)
        self.amountSpin = _money_spin(self._monthly)
        self.amountSpin.setObjectName("selfAmountSpin")
        form.addRow(self.tr("Jumlah"), self.amountSpin)
        self.dateEdit = QDateEdit(QDate(today.year, today.month, today.day))
        self.dateEdit.setDisplayFormat("dd-MM-yyyy")
        form.addRow(self.tr("Tanggal bayar"), self.dateEdit)
        self.errorLabel = QLabel()
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #b00020")
        form.addRow(self.errorLabel)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        for w in (self.firstEdit, self.lastEdit):
            w.dateChanged.connect(self._update_amount)

    def _update_amount(self) -> None:
        months = max(1, self.lastEdit.month().index - self.firstEdit.month().index + 1)
        self.amountSpin.setValue(months * self._monthly)

    def values(self) -> dict[str, object]:
        d = self.dateEdit.date()
        return {
            "key": self.keyEdit.text().strip(),
            "receipt": self.receiptEdit.text(),
            "first": self.firstEdit.month(),
            "last": self.lastEdit.month(),
            "amount": self.amountSpin.value(),
            "paid_on": date(d.year(), d.month(), d.day()),
        }
