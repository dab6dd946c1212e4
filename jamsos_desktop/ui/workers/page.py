"""The workers page (``workersPage``): search first, then add, edit or deactivate.

The page owns its actions and dialogs; the main window only shows it. Every keystroke in the search box
asks SQL for the matching ids (no rows), and the lazy model reads only the rows on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.formatting import format_number
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.ui.i18n import enum_label
from jamsos_desktop.ui.workers.model import WorkerTableModel

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext
    from jamsos_desktop.ui.workers.deactivate import DeactivateDialog
    from jamsos_desktop.ui.workers.form import WorkerFormDialog
    from jamsos_desktop.ui.workers.import_wizard import ImportWizard

_ACTIVE = "active"
_ALL = "all"


class WorkersPage(QWidget):
    """Search, list and maintain the registered workers."""

    #: the registry changed (saved, deactivated): the window refreshes its counts
    workersChanged = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workersPage")
        self._context = context
        self._dialog: WorkerFormDialog | DeactivateDialog | None = None
        self._village_codes: dict[str, tuple[str, ...]] = {}
        self._reselect: int | None = None  # the worker to select again when the list comes back

        title = QLabel(self.tr("Pekerja"), self)
        title.setObjectName("pageTitle")

        self.searchEdit = QLineEdit(self)
        self.searchEdit.setObjectName("workerSearchEdit")
        self.searchEdit.setPlaceholderText(self.tr("Cari nama, NIK, KPJ, HP, atau desa\u2026"))
        self.searchEdit.setClearButtonEnabled(True)

        self.districtFilter = QComboBox(self)
        self.districtFilter.setObjectName("districtFilter")
        self.districtFilter.setToolTip(self.tr("Tampilkan pekerja satu kecamatan saja"))
        self.districtFilter.addItem(self.tr("Semua kecamatan"), None)
        for district, village in context.regions.all_villages():
            if district.code not in self._village_codes:
                self.districtFilter.addItem(district.name, district.code)
                self._village_codes[district.code] = ()
            self._village_codes[district.code] += (village.code,)

        self.statusFilter = QComboBox(self)
        self.statusFilter.setObjectName("statusFilter")
        self.statusFilter.addItem(self.tr("Aktif"), _ACTIVE)
        self.statusFilter.addItem(self.tr("Semua status"), _ALL)
        for status in WorkerStatus:
            self.statusFilter.addItem(enum_label(status), status.value)

        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("workerCountLabel")

        self.addButton = QPushButton(self.tr("Tambah pekerja"), self)
        self.addButton.setObjectName("addWorkerButton")
        self.addButton.setProperty("primary", True)
        self.editButton = QPushButton(self.tr("Ubah"), self)
        self.editButton.setObjectName("editWorkerButton")
        self.deactivateButton = QPushButton(self.tr("Nonaktifkan"), self)
        self.deactivateButton.setObjectName("deactivateWorkerButton")
        self.importButton = QPushButton(self.tr("Impor dari Excel\u2026"), self)
        self.importButton.setObjectName("workerImportButton")
        self.importButton.setToolTip(self.tr("Baca daftar pekerja dari desa (.xlsx atau .csv), periksa dulu, lalu simpan"))

        self.model = WorkerTableModel(context.registry, self)
        access = getattr(context, "access", None)  # data safety: NIK masked in the list for operators
        self.model.mask_nik = access is not None and not access.can(Permission.VIEW_NIK)
        self.table = QTableView(self)
        self.table.setObjectName("workerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights let the view lay out 100,000 rows without asking for their contents.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in enumerate((180, 135, 34, 86, 110, 105, 130, 108, 95)):
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.addWidget(self.searchEdit, 1)
        filters.addWidget(self.districtFilter)
        filters.addWidget(self.statusFilter)

        actions = QHBoxLayout()
        actions.addWidget(self.countLabel)
        actions.addStretch(1)
        actions.addWidget(self.addButton)
        actions.addWidget(self.editButton)
        actions.addWidget(self.deactivateButton)
        actions.addWidget(self.importButton)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self.searchEdit.textChanged.connect(self.refresh)
        self.districtFilter.currentIndexChanged.connect(self.refresh)
        self.statusFilter.currentIndexChanged.connect(self.refresh)
        header.sectionClicked.connect(self._on_header_clicked)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.addButton.clicked.connect(self.add_worker)
        self.importButton.clicked.connect(self.import_list)
        self.editButton.clicked.connect(self.edit_selected)
        self.deactivateButton.clicked.connect(self.deactivate_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.searchFinished.connect(self._after_reset)
        self.model.searchFailed.connect(self._on_search_failed)
        self.model.countChanged.connect(self._show_count)

        self.countLabel.setText(self.tr("Memuat daftar\u2026"))
        self.model.set_query(self.query(), defer=True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)

    # -- the list -----------------------------------------------------------------------------------
    def query(self) -> WorkerQuery:
        current = self.model.requested_query
        district = self.districtFilter.currentData()
        villages = self._village_codes.get(district, ()) if district else ()
        status = self.statusFilter.currentData()
        if status == _ACTIVE:
            statuses = tuple(s for s in WorkerStatus if s.is_active)
        elif status == _ALL or status is None:
            statuses = ()
        else:
            statuses = (WorkerStatus(status),)
        return WorkerQuery(
            text=self.searchEdit.text(),
            village_codes=villages,
            statuses=statuses,
            sort=current.sort,
            descending=current.descending,
        )

    def refresh(self, *, wait: bool = False) -> None:
        """Query again (in the background unless ``wait``), keeping the selected worker selected."""
        self.model.set_query(self.query(), wait=wait)

    def _remember_selection(self) -> None:
        if self._reselect is None:
            self._reselect = self.selected_id()

    def _on_search_failed(self, message: str) -> None:
        self.countLabel.setText(message)

    def _after_reset(self) -> None:
        selected, self._reselect = self._reselect, None
        if self.model.total is None:
            self.countLabel.setText(
                self.tr("{n}+ pekerja, menghitung\u2026").format(n=format_number(self.model.rowCount()))
            )
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.select_row(row)
        else:
            self.table.scrollToTop()
        self._update_buttons()

    def _show_count(self, count: int) -> None:
        self.countLabel.setText(self.tr("{n} pekerja").format(n=format_number(count)))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._update_buttons()

    def select_worker(self, worker_id: int) -> bool:
        row = self.model.row_of(worker_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def selected_id(self) -> int | None:
        selection = self.table.selectionModel()
        if selection is None:
            return None
        rows = selection.selectedRows()
        index: QModelIndex = rows[0] if rows else QModelIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _on_header_clicked(self, column: int) -> None:
        header = self.table.horizontalHeader()
        if not self.model.is_sortable(column):
            # The SQL cannot sort by this column yet: keep the indicator where the order really is.
            header.setSortIndicator(self.model.sort_column(), _order(self.model.requested_query.descending))
            return
        same = column == self.model.sort_column()
        descending = (not self.model.requested_query.descending) if same else False
        self.model.sort(column, _order(descending))
        header.setSortIndicator(column, _order(descending))

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.editButton.setEnabled(has)
        self.deactivateButton.setEnabled(has)

    # -- actions ------------------------------------------------------------------------------------
    @property
    def dialog(self) -> WorkerFormDialog | DeactivateDialog | None:
        """The dialog the page has open, if any (tests and automation find it here)."""
        return self._dialog

    def add_worker(self) -> WorkerFormDialog:
        return self._open_form(None)

    def import_list(self) -> ImportWizard:
        """Open the import wizard (a village list from Excel); the list refreshes once rows are saved."""
        from jamsos_desktop.ui.workers.import_wizard import ImportWizard

        wizard = ImportWizard(self._context, self)
        wizard.committed.connect(lambda _outcome: (self.refresh(), self.workersChanged.emit()))
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def edit_selected(self) -> WorkerFormDialog | None:
        worker_id = self.selected_id()
        return self._open_form(worker_id) if worker_id is not None else None

    def open_worker(self, worker_id: int) -> WorkerFormDialog:
        """Show a worker's record (used by the duplicate-NIK link)."""
        if not self.select_worker(worker_id):
            # Filtered out (e.g. inactive): clear the filters so the clerk sees the row he opens.
            self.searchEdit.blockSignals(True)
            self.searchEdit.clear()
            self.searchEdit.blockSignals(False)
            self.districtFilter.blockSignals(True)
            self.districtFilter.setCurrentIndex(0)
            self.districtFilter.blockSignals(False)
            self.statusFilter.blockSignals(True)
            self.statusFilter.setCurrentIndex(self.statusFilter.findData(_ALL))
            self.statusFilter.blockSignals(False)
            self.refresh(wait=True)
            self.select_worker(worker_id)
        return self._open_form(worker_id)

    def _open_form(self, worker_id: int | None) -> WorkerFormDialog:
        from jamsos_desktop.ui.workers.form import WorkerFormDialog

        self._close_dialog()
        dialog = WorkerFormDialog(self._context, worker_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        dialog.openWorkerRequested.connect(self.open_worker)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self._dialog = dialog
        dialog.open()
        dialog.ui.nikEdit.setFocus()
        return dialog

    def deactivate_selected(self) -> DeactivateDialog | None:
        from jamsos_desktop.ui.workers.deactivate import DeactivateDialog

        row = self.table.currentIndex().row() if self.selected_id() is not None else -1
        summary = self.model.summary_at(row) if row >= 0 else None
        if summary is None:
            return None
        self._close_dialog()
        dialog = DeactivateDialog(self._context, summary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.deactivated.connect(self._on_saved)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self._dialog = dialog
        dialog.open()
        return dialog

    def _on_saved(self, worker_id: int) -> None:
        self._reselect = worker_id
        self.refresh()
        self.workersChanged.emit()

    def _forget(self, dialog: QWidget) -> None:
        if self._dialog is dialog:
            self._dialog = None

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog = None


def _order(descending: bool) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
