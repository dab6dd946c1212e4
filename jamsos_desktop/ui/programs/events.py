"""Events of enrolled workers (*peristiwa peserta*): a death or work accident to follow with the heir,
moving away or withdrawing, which end the enrolment with that month.

``EventDialog`` records one (from a programme, or from a worker's strip in the calendar with the
worker already chosen); ``EventsPanel`` lists a programme's deaths and accidents with the claim's
progress, and below them who left the programme (moved away, withdrew, lapsed). Both ask the programme service off the UI thread.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.formatting import format_date, format_money, format_month, format_number
from jamsos_desktop.domain.programme import (
    JKM_DEATH_BENEFIT,
    ClaimStatus,
    EnrolmentExit,
    EventKind,
    ExitReason,
    WorkerEvent,
)
from jamsos_desktop.domain.worker_types import HeirRelationship
from jamsos_desktop.ui.generated.ui_event_form import Ui_EventForm
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

#: What the clerk picks: an event to follow (death, accident) or an exit from the programme.
KINDS = (EventKind.DEATH.value, EventKind.ACCIDENT.value, ExitReason.MOVED.value, ExitReason.WITHDRAWN.value)


def kind_labels() -> dict[str, str]:
    """The words for events, exits and claim states, translated (literal calls, so lupdate finds them)."""
    return {
        EventKind.DEATH.value: QCoreApplication.translate("ProgrammeEvents", "Meninggal dunia"),
        EventKind.ACCIDENT.value: QCoreApplication.translate("ProgrammeEvents", "Kecelakaan kerja"),
        ExitReason.MOVED.value: QCoreApplication.translate(
            "ProgrammeEvents", "Pindah domisili (keluar dari program)"
        ),
        ExitReason.WITHDRAWN.value: QCoreApplication.translate(
            "ProgrammeEvents", "Mengundurkan diri (keluar dari program)"
        ),
        ExitReason.INACTIVE.value: QCoreApplication.translate("ProgrammeEvents", "Tidak aktif"),
        ExitReason.OTHER.value: QCoreApplication.translate("ProgrammeEvents", "Lainnya"),
        ClaimStatus.REPORTED.value: QCoreApplication.translate("ProgrammeEvents", "Dilaporkan"),
        ClaimStatus.SUBMITTED.value: QCoreApplication.translate("ProgrammeEvents", "Diajukan ke BPJS"),
        ClaimStatus.PAID.value: QCoreApplication.translate("ProgrammeEvents", "Dibayar"),
        ClaimStatus.REJECTED.value: QCoreApplication.translate("ProgrammeEvents", "Ditolak"),
    }


def relationship_labels() -> dict[str, str]:
    return {
        HeirRelationship.SPOUSE.value: QCoreApplication.translate("ProgrammeEvents", "Suami/Istri"),
        HeirRelationship.CHILD.value: QCoreApplication.translate("ProgrammeEvents", "Anak"),
        HeirRelationship.PARENT.value: QCoreApplication.translate("ProgrammeEvents", "Orang tua"),
        HeirRelationship.GRANDCHILD.value: QCoreApplication.translate("ProgrammeEvents", "Cucu"),
        HeirRelationship.GRANDPARENT.value: QCoreApplication.translate("ProgrammeEvents", "Kakek/Nenek"),
        HeirRelationship.SIBLING.value: QCoreApplication.translate("ProgrammeEvents", "Saudara kandung"),
        HeirRelationship.PARENT_IN_LAW.value: QCoreApplication.translate("ProgrammeEvents", "Mertua"),
        HeirRelationship.WILL.value: QCoreApplication.translate("ProgrammeEvents", "Penerima wasiat"),
    }


def _error_text(exc: BaseException) -> str:
    from jamsos_desktop.ui.programs.page import error_text

    return error_text(exc)


class EventDialog(QDialog):
    """``eventForm``: what happened to which enrolled worker, when, and whom to contact for the claim."""

    saved = Signal(str)
    failed = Signal(str)
    workersFound = Signal(int)

    def __init__(
        self,
        context: AppContext,
        programme_id: int,
        parent: QWidget | None = None,
        *,
        worker: tuple[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_EventForm()
        self.ui.setupUi(self)
        self._context = context
        self.programme_id = programme_id
        ui = self.ui
        labels = kind_labels()
        for value in KINDS:
            ui.kindCombo.addItem(labels[value], value)
        for value, label in relationship_labels().items():
            ui.heirRelationshipCombo.addItem(label, value)
        ui.heirRelationshipCombo.setCurrentIndex(-1)
        today = context.clock().date()
        ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        ui.dateEdit.setMaximumDate(QDate(today.year + 1, 12, 31))
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        ui.findButton.clicked.connect(self.find)
        ui.eventWorkerEdit.returnPressed.connect(self.find)
        ui.workerCombo.currentIndexChanged.connect(self._worker_changed)
        ui.saveButton.clicked.connect(self.save)
        ui.cancelButton.clicked.connect(self.reject)
        if worker is not None:
            wid, name = worker
            ui.workerCombo.addItem(name, wid)
            ui.eventWorkerEdit.setText(name)
            for w in (ui.eventWorkerEdit, ui.findButton, ui.workerCombo):
                w.setEnabled(False)
        self._kind_changed()

    # -- choosing the worker ------------------------------------------------------------------------
    def find(self) -> None:
        text = self.ui.eventWorkerEdit.text().strip()
        if not text:
            return
        pid = self.programme_id
        run_in_background(
            lambda: self._context.programmes.search_enrolled(pid, text, limit=30),
            self._found,
            self._failed,
            owner=self,
        )

    def _found(self, rows: list[tuple[int, str, str, str]]) -> None:
        combo = self.ui.workerCombo
        combo.clear()
        for wid, name, nik, village in rows:
            combo.addItem(" \u2014 ".join(x for x in (name, nik, village) if x), wid)
        self.ui.errorLabel.setText("" if rows else self.tr("Tidak ada peserta program yang cocok."))
        self.workersFound.emit(len(rows))

    def worker_id(self) -> int | None:
        return self.ui.workerCombo.currentData()

    def _worker_changed(self) -> None:
        """Offer the first heir on record as the contact for the claim (the clerk may change it)."""
        wid = self.worker_id()
        if wid is None or self.ui.heirNameEdit.text().strip():
            return
        registry = self._context.registry

        def work() -> Any:
            heirs = registry.get(wid).heirs
            return heirs[0] if heirs else None

        run_in_background(work, self._prefill_heir, lambda _exc: None, owner=self)

    def _prefill_heir(self, heir: Any) -> None:
        ui = self.ui
        if heir is None or ui.heirNameEdit.text().strip():
            return
        ui.heirNameEdit.setText(heir.name)
        ui.heirRelationshipCombo.setCurrentIndex(ui.heirRelationshipCombo.findData(heir.relationship.value))
        ui.heirPhoneEdit.setText(heir.phone)

    # -- the kind of event --------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.ui.kindCombo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        is_claim = kind in (EventKind.DEATH.value, EventKind.ACCIDENT.value)
        self.ui.heirGroup.setEnabled(is_claim)
        if kind == EventKind.DEATH.value:
            text = self.tr(
                "Kepesertaan berakhir pada bulan kematian; bulan sesudahnya tidak ditagih. "
                "<b>Santunan JKM %1</b> untuk ahli waris; beasiswa untuk paling banyak 2 anak bila "
                "sudah 3 tahun menjadi peserta."
            ).replace("%1", format_money(JKM_DEATH_BENEFIT))
        elif kind == EventKind.ACCIDENT.value:
            text = self.tr(
                "Klaim JKK: perawatan sesuai kebutuhan medis dan santunan sementara tidak mampu bekerja. "
                "Kepesertaan tetap berjalan."
            )
        else:
            text = self.tr(
                "Kepesertaan berakhir pada bulan tanggal keluar; bulan sesudahnya tidak dibiayai dan "
                "tidak ditagih."
            )
        self.ui.effectLabel.setText(text)

    def event_date(self) -> date:
        d = self.ui.dateEdit.date()
        return date(d.year(), d.month(), d.day())

    def relationship(self) -> str:
        combo = self.ui.heirRelationshipCombo
        text = combo.currentText().strip()
        index = combo.findText(text)
        return str(combo.itemData(index)) if index >= 0 else text

    # -- saving -------------------------------------------------------------------------------------
    def save(self) -> None:
        wid = self.worker_id()
        if wid is None:
            self._failed_text(self.tr("Pilih dulu pekerjanya: cari dengan NIK, KPJ atau nama."))
            return
        ui = self.ui
        kind, day, pid = self.kind(), self.event_date(), self.programme_id
        name = ui.workerCombo.currentText().split(" \u2014 ")[0]
        programmes = self._context.programmes
        if kind in (EventKind.DEATH.value, EventKind.ACCIDENT.value):
            event = WorkerEvent(
                worker_id=wid,
                kind=EventKind(kind),
                event_date=day,
                programme_id=pid,
                heir_name=ui.heirNameEdit.text(),
                heir_relationship=self.relationship(),
                heir_phone=ui.heirPhoneEdit.text(),
                notes=ui.notesEdit.toPlainText(),
            )

            def work() -> str:
                programmes.record_event(event)
                return (
                    self.tr("%1 dicatat untuk %2 (%3).")
                    .replace("%1", kind_labels()[kind])
                    .replace("%2", name)
                    .replace("%3", format_date(day))
                )

        else:

            def work() -> str:
                if programmes.exit_worker(wid, exit_date=day, reason=kind) == 0:
                    raise _NothingEnded(name)
                return (
                    self.tr("Kepesertaan %1 berakhir %2 (%3).")
                    .replace("%1", name)
                    .replace("%2", format_date(day))
                    .replace("%3", kind_labels()[kind])
                )

        ui.saveButton.setEnabled(False)
        run_in_background(work, self._saved, self._failed, owner=self)

    def _saved(self, message: str) -> None:
        self.ui.saveButton.setEnabled(True)
        self.saved.emit(message)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.saveButton.setEnabled(True)
        if isinstance(exc, _NothingEnded):
            self._failed_text(
                self.tr("Kepesertaan %1 sudah berakhir sebelum tanggal itu; tidak ada yang diubah.").replace(
                    "%1", exc.name
                )
            )
        else:
            self._failed_text(_error_text(exc))

    def _failed_text(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.failed.emit(text)


class _NothingEnded(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _item(text: str, data: Any = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class EventsPanel(QWidget):
    """The deaths and work accidents of a programme, with the heir to contact and the claim's state."""

    loaded = Signal()
    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsPanel")
        self._context = context
        self._programme_id: int | None = None
        self._events: list[WorkerEvent] = []
        self.dialog: EventDialog | None = None

        self.recordButton = QPushButton(self.tr("Catat peristiwa\u2026"))
        self.recordButton.setObjectName("recordEventButton")
        self.recordButton.clicked.connect(lambda: self.record())
        self.claimCombo = QComboBox()
        self.claimCombo.setObjectName("claimStatusCombo")
        labels = kind_labels()
        for status in ClaimStatus:
            self.claimCombo.addItem(labels[status.value], status.value)
        self.claimButton = QPushButton(self.tr("Ubah status klaim"))
        self.claimButton.setObjectName("claimStatusButton")
        self.claimButton.clicked.connect(self.set_claim_status)
        self.countLabel = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.recordButton)
        bar.addWidget(self.countLabel, 1)
        bar.addWidget(QLabel(self.tr("Status klaim terpilih:")))
        bar.addWidget(self.claimCombo)
        bar.addWidget(self.claimButton)

        columns = [
            self.tr("Tanggal"),
            self.tr("Nama"),
            self.tr("Peristiwa"),
            self.tr("Ahli waris"),
            self.tr("Hubungan"),
            self.tr("No. HP"),
            self.tr("Santunan JKM"),
            self.tr("Beasiswa anak"),
            self.tr("Status klaim"),
        ]
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName("eventTable")
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.exitsLabel = QLabel()
        self.exitsLabel.setObjectName("exitsLabel")
        exit_columns = [
            self.tr("Tanggal keluar"),
            self.tr("Nama"),
            self.tr("Alasan"),
            self.tr("Bulan terakhir"),
        ]
        self.exitTable = QTableWidget(0, len(exit_columns))
        self.exitTable.setObjectName("exitTable")
        self.exitTable.setHorizontalHeaderLabels(exit_columns)
        self.exitTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exitTable.verticalHeader().hide()
        exit_header = self.exitTable.horizontalHeader()
        exit_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        exit_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._exits: list[EnrolmentExit] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.exitsLabel)
        layout.addWidget(self.exitTable, 2)
        self._selected()
        self.recordButton.setEnabled(False)

    def load(self, programme_id: int | None) -> None:
        self._programme_id = programme_id
        self.recordButton.setEnabled(programme_id is not None)
        if programme_id is None:
            return
        pid = programme_id

        def fetch() -> tuple[list[WorkerEvent], list[EnrolmentExit]]:
            programmes = self._context.programmes
            return programmes.events(programme_id=pid), programmes.exits(pid)

        def done(found: tuple[list[WorkerEvent], list[EnrolmentExit]]) -> None:
            if pid == self._programme_id:
                self._show_exits(found[1])
                self._show(found[0])

        run_in_background(fetch, done, self._failed, owner=self)

    def events(self) -> list[WorkerEvent]:
        return list(self._events)

    def _show(self, events: list[WorkerEvent]) -> None:
        self._events = events
        self.table.setRowCount(len(events))
        labels, relationships = kind_labels(), relationship_labels()
        for r, e in enumerate(events):
            scholarship = (
                self.tr("berhak (%1 bln)") if e.scholarship_eligible else self.tr("belum (%1 bln)")
            ).replace("%1", format_number(e.membership_months))
            cells = (
                _item(format_date(e.event_date), e.id),
                _item(e.worker_name),
                _item(labels[e.kind.value]),
                _item(e.heir_name),
                _item(relationships.get(e.heir_relationship, e.heir_relationship)),
                _item(e.heir_phone),
                _item(format_money(e.jkm_benefit) if e.jkm_benefit else "\u2013", right=True),
                _item(scholarship if e.kind is EventKind.DEATH else "\u2013"),
                _item(labels[e.claim_status.value], e.claim_status.value),
            )
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        deaths = sum(1 for e in events if e.kind is EventKind.DEATH)
        self.countLabel.setText(
            self.tr("%1 meninggal, %2 kecelakaan kerja")
            .replace("%1", format_number(deaths))
            .replace("%2", format_number(len(events) - deaths))
        )
        self._selected()
        self.loaded.emit()

    def exits(self) -> list[EnrolmentExit]:
        return list(self._exits)

    def _show_exits(self, exits: list[EnrolmentExit]) -> None:
        self._exits = exits
        labels = kind_labels()
        self.exitTable.setRowCount(len(exits))
        for r, x in enumerate(exits):
            cells = (
                _item(format_date(x.exit_date) if x.exit_date else "\u2013", x.worker_id),
                _item(x.name),
                _item(labels.get(x.reason, x.reason), x.reason),
                _item(
                    format_month(x.last_month.year, x.last_month.month)
                    if x.last_month is not None
                    else "\u2013"
                ),
            )
            for c, item in enumerate(cells):
                self.exitTable.setItem(r, c, item)
        self.exitsLabel.setText(
            self.tr("Keluar dari program (pindah, mengundurkan diri, tidak aktif): %1 orang").replace(
                "%1", format_number(len(exits))
            )
        )

    def selected_event(self) -> WorkerEvent | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        event_id = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((e for e in self._events if e.id == event_id), None)

    def _selected(self) -> None:
        event = self.selected_event()
        self.claimButton.setEnabled(event is not None)
        self.claimCombo.setEnabled(event is not None)
        if event is not None:
            self.claimCombo.setCurrentIndex(self.claimCombo.findData(event.claim_status.value))

    def record(self, worker: tuple[int, str] | None = None) -> EventDialog | None:
        if self._programme_id is None:
            return None
        dialog = EventDialog(self._context, self._programme_id, self, worker=worker)
        self.dialog = dialog
        dialog.saved.connect(self._recorded)
        dialog.open()
        return dialog

    def _recorded(self, message: str) -> None:
        self.changed.emit(message)
        self.load(self._programme_id)

    def set_claim_status(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        status = ClaimStatus(self.claimCombo.currentData())
        event_id = event.id

        def done(_: object) -> None:
            self.changed.emit(
                self.tr("Status klaim %1: %2")
                .replace("%1", event.worker_name)
                .replace("%2", kind_labels()[status.value])
            )
            self.load(self._programme_id)

        run_in_background(
            lambda: self._context.programmes.set_claim_status(event_id, status),
            done,
            self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        text = _error_text(exc)
        self.failed.emit(text)
