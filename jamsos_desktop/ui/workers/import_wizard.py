"""The import wizard (*impor daftar pekerja*): pick a file, map unknown columns, preview, save, report.

Reading, checking and saving run on a background thread (a ``QThreadPool`` task); results come back to
the UI thread through signals, so the window never freezes on a big list. The logic lives in
:class:`~jamsos_desktop.services.excel_import.WorkerImporter`; this dialog only shows it. File choosers
are separate methods (:meth:`ImportWizard.choose_file`, :meth:`ImportWizard.choose_report_path`) so
tests replace them instead of clicking native dialogs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.excel_rules import Column, cell_text
from jamsos_desktop.services.excel_import import ImportPreview, Outcome, WorkerImporter, write_report
from jamsos_desktop.services.spreadsheet import SourceTable
from jamsos_desktop.ui import i18n

COLOURS = {
    Outcome.IMPORT: "#C6EFCE",
    Outcome.UPDATE: "#DDEBF7",
    Outcome.UNCHANGED: "#EDEDED",
    Outcome.REJECT: "#FFC7CE",
    Outcome.SKIP: "#FFFFFF",
}


class _Progress:
    """The service's Progress protocol, forwarding to a signal; cancel is a thread-safe flag."""

    def __init__(self, signal: Any) -> None:
        self._signal = signal
        self._cancel = threading.Event()

    def update(self, done: int, total: int, message: str = "") -> None:
        self._signal.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Task(QRunnable):
    """Runs ``job(progress)`` off the UI thread; the outcome comes back by signal."""

    def __init__(self, job: Callable[[_Progress], object], signals: _Signals) -> None:
        super().__init__()
        self._job = job
        self.signals = signals
        self.progress = _Progress(signals.progress)

    def run(self) -> None:
        try:
            result = self._job(self.progress)
        except JamsosError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # noqa: BLE001 - shown as one sentence; the crash handler logs it
            self.signals.failed.emit(JamsosError("internal", detail=f"{type(exc).__name__}: {exc}"))
        else:
            self.signals.finished.emit(result)


class PreviewModel(QAbstractTableModel):
    """The dry-run rows: row number, result, then the file's own columns; colours and tooltips per cell."""

    def __init__(self, preview: ImportPreview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self._rows = preview.rows
        self._width = max([len(preview.headers)] + [len(r.values) for r in preview.rows])
        self._brushes = {o: QBrush(QColor(c)) for o, c in COLOURS.items()}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Baris")
        if section == 1:
            return self.tr("Hasil")
        index = section - 2
        return self.preview.headers[index] if index < len(self.preview.headers) else ""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.row
            if column == 1:
                return _outcome_label(row.outcome)
            value = row.values[column - 2] if column - 2 < len(row.values) else None
            return cell_text(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column >= 2 and any(i.column == column - 2 and i.is_error for i in row.issues):
                return QBrush(QColor("#FF9EA8"))
            if column >= 2 and any(i.column == column - 2 for i in row.issues):
                return QBrush(QColor("#FFE699"))
            return self._brushes[row.outcome]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column < 2:
                return row.message(i18n.current()) or None
            issues = [i for i in row.issues if i.column == column - 2]
            return "\n".join(i.message(i18n.current()) for i in issues) or None
        return None


def _outcome_label(outcome: Outcome) -> str:
    labels = {
        Outcome.IMPORT: QCoreApplication.translate("ImportWizard", "Diimpor"),
        Outcome.UPDATE: QCoreApplication.translate("ImportWizard", "Diperbarui"),
        Outcome.UNCHANGED: QCoreApplication.translate("ImportWizard", "Tidak berubah"),
        Outcome.REJECT: QCoreApplication.translate("ImportWizard", "Ditolak"),
        Outcome.SKIP: QCoreApplication.translate("ImportWizard", "Dilewati"),
    }
    return labels[outcome]


class ImportWizard(QDialog):
    """``ImportWizard(context, parent)``: the clerk's way through ``workers import``.

    Signals: ``previewReady`` (the dry run is shown), ``committed`` (rows saved; the page refreshes its
    list), ``failed`` (an error sentence is shown), ``reportSaved``.
    """

    previewReady = Signal(object)
    committed = Signal(object)
    failed = Signal(str)
    reportSaved = Signal(str)

    PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_DONE = range(4)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Impor daftar pekerja dari Excel"))
        self.resize(1000, 640)
        self._context = context
        self._importer = WorkerImporter(
            context.unit_of_work,
            context.region_table,
            regency=context.regency,
            user=lambda: context.user(),
            clock=lambda: context.clock(),
        )
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one operation at a time, like one clerk
        self._task: _Task | None = None
        self.table: SourceTable | None = None
        self.preview: ImportPreview | None = None
        self.mapping: dict[int, Column] = {}
        self._combos: dict[int, QComboBox] = {}

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._done_page())

        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("importStatus")
        self.statusLabel.setWordWrap(True)
        self.progressBar = QProgressBar(self)
        self.progressBar.setObjectName("importProgress")
        self.progressBar.setVisible(False)
        self.cancelButton = QPushButton(self.tr("Batal"), self)
        self.cancelButton.setObjectName("importCancelButton")
        self.cancelButton.clicked.connect(self._cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progressBar, 1)
        bottom.addWidget(self.cancelButton)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.statusLabel)
        layout.addLayout(bottom)

    # -- pages --------------------------------------------------------------------------------------
    def _file_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Pilih daftar pekerja dari desa (.xlsx atau .csv). Baris judul kolom dicari otomatis; "
                "data diperiksa dulu dan belum disimpan sebelum Anda menyetujuinya."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.pathEdit = QLineEdit(page)
        self.pathEdit.setObjectName("importPathEdit")
        self.pathEdit.setPlaceholderText(self.tr("Berkas daftar pekerja"))
        browse = QPushButton(self.tr("Pilih berkas\u2026"), page)
        browse.setObjectName("importBrowseButton")
        browse.clicked.connect(self._browse)
        self.readButton = QPushButton(self.tr("Periksa berkas"), page)
        self.readButton.setObjectName("importReadButton")
        self.readButton.setDefault(True)
        self.readButton.clicked.connect(self.start_reading)
        row = QHBoxLayout()
        row.addWidget(self.pathEdit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.readButton, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.mappingIntro = QLabel(page)
        self.mappingIntro.setWordWrap(True)
        self.mappingForm = QFormLayout()
        self.mappingButton = QPushButton(self.tr("Periksa dengan pemetaan ini"), page)
        self.mappingButton.setObjectName("importMappingButton")
        self.mappingButton.clicked.connect(self.apply_mapping)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mappingIntro)
        layout.addLayout(self.mappingForm)
        layout.addStretch(1)
        layout.addWidget(self.mappingButton, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(self)
        self.summaryLabel = QLabel(page)
        self.summaryLabel.setObjectName("importSummary")
        self.summaryLabel.setWordWrap(True)
        self.previewTable = QTableView(page)
        self.previewTable.setObjectName("importPreviewTable")
        self.previewTable.setAlternatingRowColors(False)
        self.previewTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.previewTable.verticalHeader().setVisible(False)
        self.backButton = QPushButton(self.tr("Ubah pemetaan kolom"), page)
        self.backButton.setObjectName("importBackButton")
        self.backButton.clicked.connect(lambda: self._show_mapping(force=True))
        self.commitButton = QPushButton(page)
        self.commitButton.setObjectName("importCommitButton")
        self.commitButton.clicked.connect(self.start_commit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backButton)
        buttons.addStretch(1)
        buttons.addWidget(self.commitButton)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summaryLabel)
        layout.addWidget(self.previewTable, 1)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.doneLabel = QLabel(page)
        self.doneLabel.setObjectName("importDoneLabel")
        self.doneLabel.setWordWrap(True)
        self.reportButton = QPushButton(self.tr("Simpan laporan per baris\u2026"), page)
        self.reportButton.setObjectName("importReportButton")
        self.reportButton.clicked.connect(self.save_report)
        close = QPushButton(self.tr("Tutup"), page)
        close.setObjectName("importCloseButton")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reportButton)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.doneLabel)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # -- what the clerk is asked (replaced in tests) --------------------------------------------------
    def choose_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih daftar pekerja"), "", self.tr("Lembar kerja (*.xlsx *.csv)")
        )
        return path

    def choose_report_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan"), suggested, self.tr("Lembar kerja Excel (*.xlsx)")
        )
        return path

    # -- steps --------------------------------------------------------------------------------------
    def _browse(self) -> None:
        path = self.choose_file()
        if path:
            self.pathEdit.setText(path)
            self.start_reading()

    def set_path(self, path: str | Path) -> None:
        self.pathEdit.setText(str(path))

    def start_reading(self) -> None:
        path = self.pathEdit.text().strip()
        if not path:
            self._fail(self.tr("Pilih berkas daftar pekerja dulu."))
            return
        importer = self._importer

        def job(progress: _Progress) -> object:
            table = importer.read(path, progress)
            return table, importer.preview(table, progress=progress)

        self._run(job, self._read_done, self.tr("Membaca dan memeriksa berkas\u2026"))

    def _read_done(self, result: object) -> None:
        self.table, preview = result  # type: ignore[misc]
        self.mapping = {}
        self._show_preview(preview)
        if preview.missing_columns or preview.unknown_columns:
            self._show_mapping(force=bool(preview.missing_columns))

    def _show_mapping(self, *, force: bool) -> None:
        if self.table is None or self.preview is None:
            return
        preview = self.preview
        if not force and not preview.missing_columns:
            return  # unknown extra columns alone do not stop the clerk; "Ubah pemetaan" opens this page
        while self.mappingForm.rowCount():
            self.mappingForm.removeRow(0)
        self._combos = {}
        missing = ", ".join(i18n.enum_label(c) for c in preview.missing_columns)
        text = self.tr("Beberapa kolom tidak dikenali. Pilih isi setiap kolom, atau \u201cabaikan\u201d.")
        if missing:
            text += " " + self.tr("Kolom wajib belum ditemukan: %1.").replace("%1", missing)
        self.mappingIntro.setText(text)
        indexes = sorted(set(preview.unknown_columns) | set(self.mapping))
        for index in indexes:
            combo = QComboBox(self)
            combo.setObjectName(f"mappingCombo{index}")
            combo.addItem(self.tr("(abaikan)"), Column.IGNORE.value)
            for column in Column:
                if column not in (Column.IGNORE, Column.NUMBER):
                    combo.addItem(i18n.enum_label(column), column.value)
            chosen = self.mapping.get(index)
            if chosen is not None:
                combo.setCurrentIndex(max(combo.findData(chosen.value), 0))
            header = preview.headers[index] if index < len(preview.headers) else ""
            self.mappingForm.addRow(f"{header or '?'} ({_letter(index)})", combo)
            self._combos[index] = combo
        self.stack.setCurrentIndex(self.PAGE_MAPPING)

    def set_mapping(self, index: int, column: Column) -> None:
        """Choose what an unknown column holds (the combo box on the mapping page)."""
        combo = self._combos[index]
        combo.setCurrentIndex(combo.findData(column.value))

    def apply_mapping(self) -> None:
        if self.table is None:
            return
        self.mapping = {i: Column(c.currentData()) for i, c in self._combos.items()}
        table, mapping, importer = self.table, dict(self.mapping), self._importer

        def job(progress: _Progress) -> object:
            return importer.preview(table, mapping=mapping, progress=progress)

        self._run(job, self._show_preview, self.tr("Memeriksa ulang\u2026"))

    def _show_preview(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self.preview = preview
        model = PreviewModel(preview, self.previewTable)
        self.previewTable.setModel(model)
        self.previewTable.resizeColumnsToContents()
        counts = preview.summary()
        self.summaryLabel.setText(
            self.tr(
                "Baris %1 lembar \u201c%2\u201d: %3 baris dibaca \u2014 %4 baru, %5 diperbarui, %6 tidak berubah, "
                "%7 ditolak (%8 NIK ganda). Arahkan tetikus ke sel berwarna untuk melihat alasannya."
            )
            .replace("%1", str(preview.header_row))
            .replace("%2", preview.sheet)
            .replace("%3", str(counts["read"]))
            .replace("%4", str(counts["imported"]))
            .replace("%5", str(counts["updated"]))
            .replace("%6", str(counts["unchanged"]))
            .replace("%7", str(counts["rejected"]))
            .replace("%8", str(counts["duplicates"]))
        )
        saving = int(counts["imported"]) + int(counts["updated"])  # type: ignore[call-overload]
        self.commitButton.setText(self.tr("Simpan %1 pekerja").replace("%1", str(saving)))
        self.commitButton.setEnabled(saving > 0 and not preview.missing_columns)
        self.stack.setCurrentIndex(self.PAGE_PREVIEW)
        self.previewReady.emit(preview)

    def start_commit(self) -> None:
        if self.preview is None:
            return
        preview, importer = self.preview, self._importer
        backup_before = getattr(self._context, "backup_before", None)

        def job(progress: _Progress) -> object:
            if backup_before is not None:
                backup_before("import")  # data safety: a checked copy before every import
            return importer.commit(preview, progress)

        self._run(job, self._commit_done, self.tr("Menyimpan\u2026"))

    def _commit_done(self, preview: object) -> None:
        assert isinstance(preview, ImportPreview)
        self.preview = preview
        counts = preview.summary()
        self.doneLabel.setText(
            self.tr(
                "Tersimpan: %1 pekerja baru, %2 diperbarui, %3 tidak berubah. %4 baris ditolak; simpan laporan "
                "per baris untuk dikirim kembali ke desa agar diperbaiki."
            )
            .replace("%1", str(counts["imported"]))
            .replace("%2", str(counts["updated"]))
            .replace("%3", str(counts["unchanged"]))
            .replace("%4", str(counts["rejected"]))
        )
        self.stack.setCurrentIndex(self.PAGE_DONE)
        self.committed.emit(preview)

    def save_report(self) -> None:
        if self.preview is None:
            return
        suggested = str(self.preview.path.with_name(self.preview.path.stem + "-laporan.xlsx"))
        target = self.choose_report_path(suggested)
        if not target:
            return
        preview = self.preview

        def job(progress: _Progress) -> object:
            return str(write_report(preview, target))

        self._run(job, self._report_done, self.tr("Menulis laporan\u2026"))

    def _report_done(self, path: object) -> None:
        self.statusLabel.setText(self.tr("Laporan disimpan: %1").replace("%1", str(path)))
        self.reportSaved.emit(str(path))

    # -- background work ----------------------------------------------------------------------------
    def _run(self, job: Callable[[_Progress], object], done: Callable[[object], None], label: str) -> None:
        if self._task is not None:
            return
        signals = _Signals(self)
        task = _Task(job, signals)
        signals.progress.connect(self._progress)
        signals.finished.connect(lambda result: self._finish(done, result))
        signals.failed.connect(self._failed)
        self._task = task
        self.statusLabel.setText(label)
        self.progressBar.setRange(0, 0)
        self.progressBar.setVisible(True)
        self.stack.setEnabled(False)
        self._pool.start(task)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progressBar.setRange(0, total)
            self.progressBar.setValue(min(done, total))

    def _idle(self) -> None:
        self._task = None
        self.progressBar.setVisible(False)
        self.stack.setEnabled(True)

    def _finish(self, done: Callable[[object], None], result: object) -> None:
        self._idle()
        self.statusLabel.setText("")
        done(result)

    def _failed(self, error: object) -> None:
        self._idle()
        message = error.message(i18n.current()) if isinstance(error, JamsosError) else str(error)
        self._fail(message)

    def _fail(self, message: str) -> None:
        self.statusLabel.setText(message)
        self.failed.emit(message)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.progress.cancel()
        else:
            self.reject()

    def busy(self) -> bool:
        return self._task is not None

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._task is not None:
            self._task.progress.cancel()
            self._pool.waitForDone(5000)
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.progress.cancel()
            self._pool.waitForDone(5000)
        super().done(result)


def _letter(index: int) -> str:
    from jamsos_desktop.domain.excel_rules import column_letter

    return column_letter(index)


__all__ = ["ImportWizard", "PreviewModel"]
