"""The audit viewer (``auditDialog``): who changed what and when, with filters; NIK masked for operators.

Entries are read on the background executor (newest first, 500 at a time); the chain is verified in the
background too and its state shown above the list.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.safety import AuditEntry, AuditQuery, Permission
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext

PAGE = 500


class AuditDialog(QDialog):
    loaded = Signal(int)
    verified = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Jejak audit"))
        self._context = context
        self._mask = not context.access.can(Permission.VIEW_NIK)
        self.entries: list[AuditEntry] = []

        self.actorCombo = QComboBox(self)
        self.actorCombo.setObjectName("auditActorCombo")
        self.entityCombo = QComboBox(self)
        self.entityCombo.setObjectName("auditEntityCombo")
        self.dateCheck = QCheckBox(self.tr("Tanggal"), self)
        self.dateCheck.setObjectName("auditDateCheck")
        self.sinceEdit = QDateEdit(self)
        self.sinceEdit.setObjectName("auditSinceEdit")
        self.untilEdit = QDateEdit(self)
        self.untilEdit.setObjectName("auditUntilEdit")
        today = context.clock().date()
        for edit, value in ((self.sinceEdit, today.replace(day=1)), (self.untilEdit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.setEnabled(False)
            self.dateCheck.toggled.connect(edit.setEnabled)
        self.refreshButton = QPushButton(self.tr("&Tampilkan"), self)
        self.refreshButton.setObjectName("auditRefreshButton")
        self.refreshButton.clicked.connect(self.refresh)
        self.chainLabel = QLabel(self.tr("Memeriksa rantai jejak audit\u2026"), self)
        self.chainLabel.setObjectName("auditChainLabel")
        self.chainLabel.setWordWrap(True)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Waktu"), self.tr("Oleh"), self.tr("Aksi"), self.tr("Data"), self.tr("Id")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("Oleh"), self.actorCombo), (self.tr("Data"), self.entityCombo)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget, 1)
        filters.addWidget(self.dateCheck)
        filters.addWidget(self.sinceEdit)
        filters.addWidget(QLabel("\u2013", self))
        filters.addWidget(self.untilEdit)
        filters.addWidget(self.refreshButton)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(self.chainLabel)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.resize(960, 620)

        self._fill_filters()
        self.refresh()
        self._verify()

    def _fill_filters(self) -> None:
        for combo, values in (
            (self.actorCombo, self._context.audit.actors()),
            (self.entityCombo, self._context.audit.entities()),
        ):
            combo.addItem(self.tr("(semua)"), "")
            for value in values:
                combo.addItem(value, value)

    def query(self) -> AuditQuery:
        since = until = None
        if self.dateCheck.isChecked():
            since = _date(self.sinceEdit.date())
            until = _date(self.untilEdit.date())
        return AuditQuery(
            actor=str(self.actorCombo.currentData() or ""),
            entity=str(self.entityCombo.currentData() or ""),
            since=since,
            until=until,
            limit=PAGE,
        )

    def refresh(self) -> None:
        query, audit, mask = self.query(), self._context.audit, self._mask
        self.refreshButton.setEnabled(False)
        run_in_background(lambda: audit.search(query, mask=mask), self._fill, self._failed)

    def _fill(self, entries: list[AuditEntry]) -> None:
        self.refreshButton.setEnabled(True)
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            for column, text in enumerate(
                (str(e.seq), e.at.replace("T", " "), e.actor, e.action, e.entity, e.entity_id)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.detail.clear()
        self.loaded.emit(len(entries))

    def _failed(self, exc: BaseException) -> None:
        self.refreshButton.setEnabled(True)
        self.detail.setPlainText(str(exc))
        self.loaded.emit(-1)

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            self.detail.clear()
            return
        e = self.entries[row]
        if e.erased:
            self.detail.setPlainText(self.tr("Nilai dihapus (anonimisasi setelah masa simpan)."))
            return
        parts = []
        for title, values in ((self.tr("Sebelum"), e.old_values()), (self.tr("Sesudah"), e.new_values())):
            if values is not None:
                parts.append(f"{title}:\n{json.dumps(values, ensure_ascii=False, indent=2)}")
        self.detail.setPlainText("\n\n".join(parts) or self.tr("(tanpa nilai)"))

    def _verify(self) -> None:
        audit = self._context.audit
        run_in_background(audit.verify, self._verified, lambda exc: self._verified((0, [str(exc)])))

    def _verified(self, outcome: tuple[int, list[str]]) -> None:
        count, problems = outcome
        if problems:
            self.chainLabel.setProperty("role", "error")
            self.chainLabel.setText(
                self.tr("PERINGATAN: jejak audit telah diubah atau rusak ({detail}).").format(
                    detail=", ".join(problems[:3])
                )
            )
        else:
            self.chainLabel.setProperty("role", "hint")
            self.chainLabel.setText(self.tr("Rantai jejak audit utuh: {count} entri.").format(count=count))
        self.verified.emit(not problems)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
