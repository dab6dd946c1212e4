"""Sync page (*Sinkronisasi*): the office inbox (stations, last package, overdue), open conflicts with a
side-by-side review, and import/export of ``.jamsync`` packages in the background."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.ui import i18n
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value)
    return "" if value is None else str(value)


class SyncPage(QWidget):
    """``syncPage``. Views ask the service through the background runner; nothing blocks the UI."""

    #: Emitted on the UI thread after the inbox and conflicts were read (tests wait on it).
    refreshed = Signal()
    #: Emitted with the service's result (ImportResult / ExportResult) or the error.
    finished = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self._context = context
        self._conflicts: list[Any] = []

        # Which computer this is (the office or a station), beside the buttons; the result of the last
        # import, export or merge stays below them until the next one (a refresh does not wipe it).
        self.identity = QLabel(self)
        self.identity.setObjectName("syncIdentity")
        self.status = QLabel(self)
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)
        # Unsent changes (workers and, per kind, programmes, enrolments, payments, cards), pending, held.
        self.records = QLabel(self)
        self.records.setObjectName("syncRecords")
        self.records.setWordWrap(True)
        self.stations = QTableWidget(0, 4, self)
        self.stations.setObjectName("syncStations")
        self.stations.setHorizontalHeaderLabels(
            [self.tr("Stasiun"), self.tr("Paket terakhir"), self.tr("No. urut"), self.tr("Terlambat")]
        )
        self.conflicts = QTableWidget(0, 4, self)
        self.conflicts.setObjectName("syncConflicts")
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Pekerja"), self.tr("Isian"), self.tr("Nilai yang tampil"), self.tr("Nilai lain")]
        )
        self.conflicts.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for table in (self.stations, self.conflicts):  # columns share the page's width, headers readable
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().hide()
        self.keep_shown = QPushButton(self.tr("Pakai nilai yang tampil"), self)
        self.keep_shown.setObjectName("syncKeepShown")
        self.keep_other = QPushButton(self.tr("Pakai nilai lain"), self)
        self.keep_other.setObjectName("syncKeepOther")
        # Two records holding the same NIK/KPJ are usually one person registered twice: merge them.
        self.merge_keep_this = QPushButton(self.tr("Gabungkan: pertahankan data ini"), self)
        self.merge_keep_this.setObjectName("syncMergeKeepThis")
        self.merge_keep_other = QPushButton(self.tr("Gabungkan: pertahankan data lain"), self)
        self.merge_keep_other.setObjectName("syncMergeKeepOther")
        for button in (self.merge_keep_this, self.merge_keep_other):
            button.setToolTip(
                self.tr("Satu orang terdaftar dua kali: data yang lain menjadi arsip yang menunjuk ke data "
                        "yang dipertahankan; ahli waris, kepesertaan dan iurannya dipindahkan.")
            )
            button.setEnabled(False)
        self.import_button = QPushButton(self.tr("Impor paket\u2026"), self)
        self.import_button.setObjectName("syncImportButton")
        self.export_button = QPushButton(self.tr("Ekspor paket\u2026"), self)
        self.export_button.setObjectName("syncExportButton")

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.identity)
        review = QHBoxLayout()
        review.addWidget(self.keep_shown)
        review.addWidget(self.keep_other)
        review.addStretch(1)
        review.addWidget(self.merge_keep_this)
        review.addWidget(self.merge_keep_other)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.records)
        layout.addWidget(QLabel(self.tr("Stasiun"), self))
        layout.addWidget(self.stations)
        layout.addWidget(QLabel(self.tr("Konflik terbuka"), self))
        layout.addWidget(self.conflicts)
        layout.addLayout(review)

        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        self.keep_shown.clicked.connect(lambda: self.resolve_selected(keep_other=False))
        self.keep_other.clicked.connect(lambda: self.resolve_selected(keep_other=True))
        self.merge_keep_this.clicked.connect(lambda: self.merge_selected(keep_other=False))
        self.merge_keep_other.clicked.connect(lambda: self.merge_selected(keep_other=True))
        self.conflicts.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    # -- reading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        sync = self._context.sync
        run_in_background(
            lambda: (sync.own(), sync.inbox(), sync.conflicts(limit=500), sync.record_counts()),
            self._show,
            self._fail,
        )

    def kind_counts(self, counts: dict[str, int]) -> str:
        """``program 1, kepesertaan 3, …`` for the kinds with a count, in their travelling order."""
        labels = {
            "programme": self.tr("program"),
            "calendar": self.tr("kalender libur"),
            "enrolment": self.tr("kepesertaan"),
            "self_payment": self.tr("iuran mandiri"),
            "funder_payment": self.tr("pembayaran penyandang dana"),
            "card_print": self.tr("cetak kartu"),
            "worker_event": self.tr("peristiwa (meninggal/kecelakaan)"),
            "handover": self.tr("acara penyerahan kartu"),
        }
        parts = [f"{label} {counts[kind]}" for kind, label in labels.items() if counts.get(kind)]
        return ", ".join(parts) if parts else self.tr("tidak ada")

    def _show_records(self, counts: Any) -> None:
        lines = []
        if counts.unsent_edits or counts.unsent:
            lines.append(
                self.tr("Belum dikirim: %1 perubahan data pekerja; %2")
                .replace("%1", str(counts.unsent_edits))
                .replace("%2", self.kind_counts(counts.unsent))
            )
        if counts.pending or counts.held:
            lines.append(
                self.tr("Data diterima yang menunggu: %1; ditahan (nomor kuitansi/seri kartu sudah dipakai): %2")
                .replace("%1", str(counts.pending))
                .replace("%2", str(counts.held))
            )
        self.records.setText("\n".join(lines))

    def _show(self, value: Any) -> None:
        own, inbox, conflicts, record_counts = value
        self._show_records(record_counts)
        if own is None:
            self.identity.setText(self.tr("Komputer ini belum menjadi kantor atau stasiun sinkronisasi."))
        else:
            self.identity.setText(self.tr("Komputer ini: %1").replace("%1", own.name))
        self.stations.setRowCount(len(inbox))
        for row, info in enumerate(inbox):
            s = info.station
            when = s.last_package_at.strftime("%d-%m-%Y %H:%M") if s.last_package_at else "\u2014"
            cells = [s.name, when, str(s.last_seq_in), self.tr("ya") if info.overdue else ""]
            for column, text in enumerate(cells):
                self.stations.setItem(row, column, QTableWidgetItem(text))
        self._conflicts = conflicts
        self.conflicts.setRowCount(len(conflicts))
        labels = self._field_labels()
        for row, c in enumerate(conflicts):
            other = _show(c.loser_value)
            if c.kind == "unique":  # two people with one NIK/KPJ: say who the other is
                other = self.tr("%1 — juga dipakai %2").replace("%1", other).replace(
                    "%2", c.other_name or self.tr("data lain")
                )
            for column, text in enumerate([c.worker_name, labels.get(c.field, c.field), _show(c.winner_value), other]):
                self.conflicts.setItem(row, column, QTableWidgetItem(text))
        if conflicts:
            self.conflicts.selectRow(0)
        self._selection_changed()
        self.refreshed.emit()

    def _field_labels(self) -> dict[str, str]:
        """The worker form's names of the synced fields (the table showed the column names)."""
        return {
            "nik": self.tr("NIK"), "no_nik": self.tr("Tanpa NIK"), "kk": self.tr("No. KK"), "kpj": self.tr("No. KPJ"),
            "name": self.tr("Nama"), "sex": self.tr("Jenis kelamin"), "birth_place": self.tr("Tempat lahir"),
            "birth_date": self.tr("Tanggal lahir"), "address": self.tr("Alamat"), "rt": self.tr("RT"),
            "rw": self.tr("RW"), "village_code": self.tr("Desa/kelurahan"), "occupation": self.tr("Pekerjaan"),
            "phone": self.tr("No. HP"), "income": self.tr("Penghasilan"), "status": self.tr("Status"),
            "end_date": self.tr("Tanggal berakhir"), "end_reason": self.tr("Alasan berakhir"),
            "notes": self.tr("Catatan"), "consent": self.tr("Persetujuan"), "heirs": self.tr("Ahli waris"),
        }  # fmt: skip

    def _selected(self) -> Any:
        row = self.conflicts.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def _selection_changed(self) -> None:
        conflict = self._selected()
        can_merge = conflict is not None and bool(conflict.other_uid)
        self.keep_shown.setEnabled(conflict is not None)
        self.keep_other.setEnabled(conflict is not None)
        self.merge_keep_this.setEnabled(can_merge)
        self.merge_keep_other.setEnabled(can_merge)

    # -- actions ------------------------------------------------------------------------------------
    def resolve_selected(self, *, keep_other: bool) -> None:
        row = self.conflicts.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        conflict = self._conflicts[row]
        sync = self._context.sync
        run_in_background(
            lambda: sync.resolve(conflict.id, keep_loser=keep_other),
            lambda _r: self.refresh(),
            self._fail,
            owner=self,
        )

    def merge_selected(self, *, keep_other: bool) -> None:
        """Merge the two records of the selected unique conflict, keeping this one or the other."""
        conflict = self._selected()
        if conflict is None or not conflict.other_uid:
            return
        winner, loser = (conflict.other_uid, conflict.uid) if keep_other else (conflict.uid, conflict.other_uid)
        sync = self._context.sync
        run_in_background(lambda: sync.merge(winner, loser), self._merged, self._fail, owner=self)

    def _merged(self, result: Any) -> None:
        self.status.setText(self.tr("Data digabung."))
        self.finished.emit(result)
        self.refresh()

    def import_file(self, path: Path) -> None:
        self._busy(True)
        sync = self._context.sync
        run_in_background(lambda: sync.import_package(path), self._done, self._fail, owner=self)

    def export_file(self, path: Path, station: str | None = None) -> None:
        self._busy(True)
        sync = self._context.sync
        run_in_background(lambda: sync.export(path, station), self._done, self._fail, owner=self)

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Impor paket"), "", "JamSos (*.jamsync)")
        if name:
            self.import_file(Path(name))

    def _ask_export(self) -> None:
        own = self._context.sync.own()
        station = None
        if own is not None and own.is_office:
            names = [i.station.name for i in self._context.sync.inbox() if not i.station.is_office]
            station, chosen = QInputDialog.getItem(
                self, self.tr("Ekspor paket"), self.tr("Stasiun"), names, 0, False
            )
            if not chosen:
                return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor paket"), "", "JamSos (*.jamsync)")
        if name:
            self.export_file(Path(name), station)

    def _busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)

    def _done(self, result: Any) -> None:
        self._busy(False)
        if hasattr(result, "written"):
            lines = self._imported(result)
        else:
            lines = [
                self.tr("Paket untuk %1 ditulis: %2 pekerja (%3 perubahan), nomor urut %4.\nBerkas: %5")
                .replace("%1", result.recipient)
                .replace("%2", str(result.records))
                .replace("%3", str(result.changes))
                .replace("%4", str(result.seq))
                .replace("%5", str(result.path)),
                self.tr("Program, kepesertaan, iuran dan kartu dalam paket: %1").replace(
                    "%1", self.kind_counts(result.kinds)
                ),
            ]
        self.status.setText("\n".join(lines))
        self.finished.emit(result)
        self.refresh()

    def _imported(self, result: Any) -> list[str]:
        """What an import did, as sentences (the conflicts and refusals are listed below / in the table)."""
        if result.status == "already-imported":
            return [self.tr("Paket ini sudah pernah diimpor: tidak ada yang berubah.")]
        head = (
            self.tr("Paket dari %1 diterapkan: pekerja baru %2, diubah %3, konflik %4.")
            .replace("%1", result.sender)
            .replace("%2", str(result.inserted))
            .replace("%3", str(result.updated))
            .replace("%4", str(result.conflicts))
        )
        if result.merged:
            head += " " + self.tr("Data ganda digabung: %1.").replace("%1", str(result.merged))
        lines = [head]
        if result.kinds or result.pending or result.held:
            lines.append(
                self.tr("Program, kepesertaan, iuran dan kartu diterima: %1; ditulis: %2; menunggu %3, ditahan %4")
                .replace("%1", self.kind_counts(result.kinds))
                .replace("%2", self.kind_counts(result.written))
                .replace("%3", str(result.pending))
                .replace("%4", str(result.held))
            )
        if result.rejected:
            lines.append(
                self.tr("Belum lengkap (menunggu data lainnya): %1 pekerja").replace("%1", str(len(result.rejected)))
            )
        if result.refused:
            lines.append(self.tr("Data yang ditolak (tidak disimpan):"))
            lines.extend(r.message(i18n.current()) for r in result.refused)
        return lines

    def _fail(self, exc: BaseException) -> None:
        self._busy(False)
        text = exc.message(i18n.current()) if isinstance(exc, JamsosError) else str(exc)
        self.status.setText(text)
        self.finished.emit(exc)
