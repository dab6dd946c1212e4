"""Ending a worker's membership (*menonaktifkan*): status, date and reason. Records are never deleted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.worker import WorkerSummary
from jamsos_desktop.domain.worker_types import END_STATUSES, WorkerStatus
from jamsos_desktop.ui.i18n import current, enum_label

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext


class DeactivateDialog(QDialog):
    """Asks how and when the membership ended, then calls ``registry.deactivate``."""

    deactivated = Signal(int)

    def __init__(self, context: AppContext, worker: WorkerSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deactivateDialog")
        self.setWindowTitle(self.tr("Nonaktifkan pekerja"))
        self._context = context
        self._worker = worker

        intro = QLabel(
            self.tr(
                "Kepesertaan {name} diakhiri. Datanya tidak dihapus dan tetap bisa dicari dengan filter "
                "status \u201cSemua\u201d."
            ).format(name=worker.name),
            self,
        )
        intro.setWordWrap(True)

        self.statusCombo = QComboBox(self)
        self.statusCombo.setObjectName("deactivateStatusCombo")
        for status in END_STATUSES:
            self.statusCombo.addItem(enum_label(status), status.value)

        self.dateEdit = QDateEdit(self)
        self.dateEdit.setObjectName("deactivateDateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat("dd-MM-yyyy")
        today = context.registry.today()
        self.dateEdit.setDate(QDate(today.year, today.month, today.day))
        self.dateEdit.setMaximumDate(QDate(today.year, today.month, today.day))

        self.reasonEdit = QLineEdit(self)
        self.reasonEdit.setObjectName("deactivateReasonEdit")
        self.reasonEdit.setPlaceholderText(self.tr("mis. pindah ke Pangkalpinang, surat kematian dari desa"))

        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("deactivateMessage")
        self.messageLabel.setProperty("role", "error")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.hide()

        form = QFormLayout()
        form.addRow(self.tr("Status baru"), self.statusCombo)
        form.addRow(self.tr("Sejak tanggal"), self.dateEdit)
        form.addRow(self.tr("Alasan"), self.reasonEdit)

        self.deactivateButton = QPushButton(self.tr("Nonaktifkan"), self)
        self.deactivateButton.setObjectName("deactivateButton")
        self.deactivateButton.setDefault(True)
        cancel = QPushButton(self.tr("Batal"), self)
        cancel.setObjectName("deactivateCancelButton")
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.deactivateButton)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        self.resize(460, self.sizeHint().height())

        self.deactivateButton.clicked.connect(self.confirm)
        cancel.clicked.connect(self.reject)

    def confirm(self) -> bool:
        status = WorkerStatus(self.statusCombo.currentData())
        try:
            self._context.registry.deactivate(
                self._worker.id,
                status,
                end_date=self.dateEdit.date().toPython(),
                reason=self.reasonEdit.text(),
                expected_version=self._worker.version,
            )
        except JamsosError as exc:
            self.messageLabel.setText(exc.message(current()))
            self.messageLabel.show()
            return False
        self.deactivated.emit(self._worker.id)
        self.accept()
        return True
