"""The main window (``mainWindow``): navigation on the left, one page at a time, a status bar.

The window wires pages together and nothing more: each page package owns its own actions and dialogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from jamsos_desktop.domain.formatting import format_number
from jamsos_desktop.ui.help import about_box, install_help_menu
from jamsos_desktop.ui.i18n import language_menu
from jamsos_desktop.ui.icons import icon
from jamsos_desktop.ui.placeholders import ComingPage, coming_pages
from jamsos_desktop.ui.safety.menu import SafetyActions
from jamsos_desktop.ui.workers.page import WorkersPage

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext
    from jamsos_desktop.domain.worker import RegistryStats

PAGE_NAMES = ("workersPage", "programsPage", "calendarPage", "cardsPage", "syncPage", "dashboardPage")


def _page_class(name: str) -> type[QWidget] | None:
    """The class of a built page, imported when the page is first shown (None: a coming page)."""
    if name == "programsPage":
        from jamsos_desktop.ui.programs.page import ProgramsPage

        return ProgramsPage
    if name == "calendarPage":
        from jamsos_desktop.ui.calendar.page import CalendarPage

        return CalendarPage
    if name == "cardsPage":
        from jamsos_desktop.ui.cards.page import CardsPage

        return CardsPage
    if name == "syncPage":
        from jamsos_desktop.ui.sync.page import SyncPage

        return SyncPage
    if name == "dashboardPage":
        from jamsos_desktop.ui.dashboard.page import DashboardPage

        return DashboardPage
    return None


def window_settings() -> QSettings:
    """Window geometry and state only; office settings live in the database."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "JamSos", "window")


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, *, remember_state: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("JamSos \u2014 Pendaftaran Pekerja Rentan"))
        self._context = context
        self._remember = remember_state

        self.nav = QListWidget(self)
        self.nav.setObjectName("navList")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setFixedWidth(176)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")

        # The start page is built now; the others when first shown (their modules, widgets and first
        # queries cost the window's first paint nothing). Until then an empty slot holds their place.
        self.workersPage = WorkersPage(context, self.stack)
        self._add_page(self.workersPage, "workers", self.tr("Pekerja"))
        self._unbuilt: dict[int, tuple[str, str, str]] = {}
        for name, icon_name, title, text in coming_pages():
            slot = QWidget(self.stack)
            slot.setObjectName(f"{name}Slot")
            self._unbuilt[self.stack.count()] = (name, title, text)
            self._add_page(slot, icon_name, title, name)
        self.nav.currentRowChanged.connect(self._show_row)
        self._fit_navigation()
        self.nav.setCurrentRow(0)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menu()
        self._build_status_bar()
        self.workersPage.workersChanged.connect(self.update_status)
        self.resize(initial_size(self))
        if remember_state:
            self._restore_state()

    # -- pages --------------------------------------------------------------------------------------
    def _add_page(self, page: QWidget, icon_name: str, label: str, name: str | None = None) -> None:
        self.stack.addWidget(page)
        item = QListWidgetItem(icon(icon_name), label)
        item.setData(Qt.ItemDataRole.UserRole, name or page.objectName())
        item.setSizeHint(QSize(160, 40))
        self.nav.addItem(item)

    def _fit_navigation(self) -> None:
        """Wide enough for the longest label in bold (selected), in any language and at any scale."""
        bold = self.nav.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        labels = [self.nav.item(i).text() for i in range(self.nav.count())]
        widest = max((metrics.horizontalAdvance(text) for text in labels), default=0)
        # icon + item padding and margins (style sheet) + frame
        self.nav.setFixedWidth(max(176, widest + self.nav.iconSize().width() + 52))

    def page_names(self) -> list[str]:
        """The object names of the main pages, in navigation order (nothing is built)."""
        return [str(self.nav.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.nav.count())]

    def pages(self) -> list[QWidget]:
        """Every main page (those not shown yet are built now)."""
        return [self._page_at(i) for i in range(self.stack.count())]

    def show_page(self, object_name: str) -> QWidget:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == object_name:
                page = self._page_at(row)
                self.nav.setCurrentRow(row)
                return page
        raise KeyError(object_name)

    def _show_row(self, row: int) -> None:
        self._page_at(row)
        self.stack.setCurrentIndex(row)

    def _page_at(self, row: int) -> QWidget:
        """The page in ``row``, built on first use in place of its slot."""
        pending = self._unbuilt.pop(row, None)
        if pending is None:
            return self.stack.widget(row)
        name, title, text = pending
        cls = _page_class(name)
        page = cls(self._context, self.stack) if cls is not None else ComingPage(name, title, text, self.stack)  # type: ignore[call-arg]
        slot = self.stack.widget(row)
        current = self.stack.currentWidget()
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(slot)
        slot.deleteLater()
        if current is not None:
            self.stack.setCurrentWidget(page if current is slot else current)
        self._connect_dashboard(page)
        return page

    def _connect_dashboard(self, page: QWidget) -> None:
        """A click on a dashboard bar opens the matching list on the workers or calendar page."""
        if page.objectName() == "dashboardPage":
            page.districtRequested.connect(self.show_district)  # type: ignore[attr-defined]
            page.actionListRequested.connect(self.show_action_list)  # type: ignore[attr-defined]

    def show_district(self, code: str) -> None:
        """The worker list filtered to one kecamatan."""
        page = self.show_page("workersPage")
        combo = page.districtFilter  # type: ignore[attr-defined]
        index = combo.findData(code)
        if index >= 0:
            combo.setCurrentIndex(index)

    def show_action_list(self, programme_id: int, kind: str) -> None:
        """The calendar of a programme, with one of its action lists when ``kind`` names one."""
        page = self.show_page("calendarPage")
        programmes = page.programmeCombo  # type: ignore[attr-defined]
        index = programmes.findData(programme_id)
        if index >= 0 and index != programmes.currentIndex():
            programmes.setCurrentIndex(index)
        lists = page.listCombo  # type: ignore[attr-defined]
        index = lists.findData(kind) if kind else -1
        if index >= 0:
            lists.setCurrentIndex(index)

    # -- menu and status bar ------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        quit_action = QAction(self.tr("&Keluar"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("Pe&ngaturan"))
        settings_menu.addMenu(language_menu(self))
        self.safety = SafetyActions(self, self._context)  # audit, backups, restore, privacy, lock
        help_menu = self.menuBar().addMenu(self.tr("B&antuan"))
        install_help_menu(self, help_menu)  # the guide (F1) and the About box

    def show_about(self) -> QMessageBox:
        return about_box(self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.regencyLabel = QLabel(self)
        self.regencyLabel.setObjectName("regencyLabel")
        self.databaseLabel = QLabel(self)
        self.databaseLabel.setObjectName("databaseLabel")
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.workerCountLabel = QLabel(self)
        self.workerCountLabel.setObjectName("statusWorkerCount")
        bar.addWidget(self.regencyLabel)
        bar.addWidget(self.databaseLabel, 1)
        bar.addPermanentWidget(self.workerCountLabel)
        self.regencyLabel.setText(self._context.regions.regency_name())
        location = database_location(self._context)
        self.databaseLabel.setText(self.tr("Basis data: {path}").format(path=location))
        self.databaseLabel.setToolTip(location)
        self.update_status()

    def update_status(self) -> None:
        """Count the workers for the status bar off the UI thread (a scan of 100,000 rows: the window
        shows at once, and the count follows)."""
        from jamsos_desktop.ui.programs.tasks import run_in_background

        run_in_background(self._context.registry.stats, self._show_counts, owner=self.workerCountLabel)

    def _show_counts(self, stats: RegistryStats) -> None:
        self.workerCountLabel.setText(
            self.tr("{total} pekerja terdaftar, {active} aktif").format(
                total=format_number(stats.total), active=format_number(stats.active)
            )
        )

    # -- window state -------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = window_settings()
        geometry = settings.value("geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = settings.value("state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._remember:
            settings = window_settings()
            settings.setValue("geometry", self.saveGeometry())
            settings.setValue("state", self.saveState())
        super().closeEvent(event)


def initial_size(window: QWidget) -> QSize:
    """1280 × 720, or less on a small screen: on a 1366 × 768 laptop the task bar and the title bar
    leave about 690 px, and a window taller than that would hide its status bar below the screen."""
    screen = window.screen()
    if screen is None or QGuiApplication.platformName() in ("offscreen", "minimal"):
        return QSize(1280, 720)  # a virtual screen (selftest, tests): the size screenshots are made at
    available = screen.availableGeometry()
    frame = 40  # title bar and borders drawn by Windows around the client area
    return QSize(min(1280, available.width() - 16), min(720, available.height() - frame))


def database_location(context: AppContext) -> str:
    """What to show as the database's place: the file path, or a URL without its password."""
    target = getattr(context.database, "target", None)
    display = getattr(target, "display", None)
    if display:
        return str(display)
    path = getattr(target, "path", None)
    return str(Path(path)) if path else str(context.data_dir)
