"""*Dasbor* (``dashboardPage``): five charts of one programme and the reports for the office and the regent.

The snapshot is computed off the UI thread (one read-only unit of work of SQL aggregates, see
``services/dashboard.py``) and drawn when it arrives; the refresh button asks again. Clicking a bar
asks the main window, through a signal, for the matching list: the workers of a kecamatan, or one of
the calendar's action lists (funding ends, late, inactive). Reports are written in the background with
a progress bar; the file is renamed into place only when complete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QMargins, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jamsos_desktop.domain.formatting import format_money, format_month, format_number, format_short_month
from jamsos_desktop.domain.programme import Month
from jamsos_desktop.ui.programs.page import error_text
from jamsos_desktop.ui.programs.tasks import run_in_background

if TYPE_CHECKING:
    from jamsos_desktop.app import AppContext
    from jamsos_desktop.services.dashboard import DashboardSnapshot

#: Calm, colour-blind-safe tones (Tableau 10 muted), one meaning each across the page.
BLUE = "#4C78A8"
TEAL = "#72B7B2"
GREEN = "#59A14F"
ORANGE = "#F2A65A"
RED = "#D1605E"
GREY = "#BAB0AC"
SAND = "#E9C46A"


#: The report service's Indonesian names and descriptions (services/reports.py ``REPORT_LABELS``), shown
#: through ``self.tr(...)``: listed here so that lupdate puts them in the .ts under this page's context.
_REPORT_TEXTS = (
    QT_TRANSLATE_NOOP("DashboardPage", "Rekapitulasi per kecamatan dan desa"),
    QT_TRANSLATE_NOOP(
        "DashboardPage", "Pekerja terdaftar, aktif, ber-KPJ, ikut program dan sudah berkartu per desa"
    ),
    QT_TRANSLATE_NOOP("DashboardPage", "Laporan iuran bulanan"),
    QT_TRANSLATE_NOOP(
        "DashboardPage", "Iuran satu bulan per kecamatan: dibiayai pemda, mandiri, terlambat, nonaktif"
    ),
    QT_TRANSLATE_NOOP("DashboardPage", "Realisasi anggaran APBD"),
    QT_TRANSLATE_NOOP(
        "DashboardPage", "Rencana, realisasi dan sisa anggaran per penyandang dana, kecamatan dan tagihan"
    ),
    QT_TRANSLATE_NOOP("DashboardPage", "Pekerja mulai bayar mandiri"),
    QT_TRANSLATE_NOOP(
        "DashboardPage",
        "Pekerja yang pembiayaannya berakhir: mulai membayar sendiri bulan itu (untuk dikunjungi)",
    ),
    QT_TRANSLATE_NOOP("DashboardPage", "Kepesertaan nonaktif"),
    QT_TRANSLATE_NOOP("DashboardPage", "Peserta yang tidak membayar iuran beberapa bulan berturut-turut"),
    QT_TRANSLATE_NOOP("DashboardPage", "Rekap pekerjaan"),
    QT_TRANSLATE_NOOP("DashboardPage", "Jumlah pekerja per jenis pekerjaan, laki-laki dan perempuan"),
)


def short_month(m: Month) -> str:
    """``Des 26`` / ``Dec 26`` in the application's language."""
    return format_short_month(m.year, m.month)


def month_name(m: Month) -> str:
    """``Desember 2026`` / ``December 2026`` in the application's language."""
    return format_month(m.year, m.month)


class _Progress(QObject):
    """A :class:`services.ports.Progress` that reports to the UI thread through a queued signal."""

    changed = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self._cancelled = False

    def update(self, done: int, total: int, message: str = "") -> None:
        self.changed.emit(done, total, message)

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        self._cancelled = True


class DashboardPage(QWidget):
    """Charts of one programme, refreshed in the background; a reports panel."""

    snapshotLoaded = Signal(object)
    #: The workers of a kecamatan (code) should be listed.
    districtRequested = Signal(str)
    #: A calendar action list (programme id, ``ActionList`` value) should be shown.
    actionListRequested = Signal(int, str)
    reportWritten = Signal(str)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._context = context
        self.snapshot: DashboardSnapshot | None = None
        self._loading = False
        self._progress: _Progress | None = None
        self.bar_sets: dict[str, QBarSet] = {}

        title = QLabel(self.tr("Dasbor"))
        title.setObjectName("pageTitle")
        self.programmeCombo = QComboBox()
        self.programmeCombo.setObjectName("dashboardProgrammeCombo")
        self.programmeCombo.setMinimumWidth(280)
        self.programmeCombo.activated.connect(lambda _: self.refresh())
        self.refreshButton = QPushButton(self.tr("Muat ulang"))
        self.refreshButton.setObjectName("dashboardRefreshButton")
        self.refreshButton.clicked.connect(self.refresh)
        self.summaryLabel = QLabel()
        self.summaryLabel.setObjectName("dashboardSummary")
        self.summaryLabel.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Program")))
        top.addWidget(self.programmeCombo, 1)
        top.addWidget(self.refreshButton)

        self.enrolledChart = self._chart_view("enrolledChart")
        self.paymentsChart = self._chart_view("paymentsChart")
        self.statusChart = self._chart_view("statusChart")
        self.endingChart = self._chart_view("endingChart")
        self.cardsChart = self._chart_view("cardsChart")
        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.enrolledChart, 0, 0)
        grid.addWidget(self.paymentsChart, 0, 1)
        grid.addWidget(self.statusChart, 0, 2)
        grid.addWidget(self.endingChart, 1, 0)
        grid.addWidget(self.cardsChart, 1, 1)
        grid.addWidget(self._reports_panel(), 1, 2)
        for i in range(3):
            grid.setColumnStretch(i, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.summaryLabel)
        layout.addLayout(grid, 1)
        self.refresh()

    # -- building blocks ------------------------------------------------------------------------------
    def _chart_view(self, name: str) -> QChartView:
        chart = QChart()
        chart.setBackgroundRoundness(6)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        view = QChartView(chart)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(300, 220)
        return view

    def _reports_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Laporan"))
        box.setObjectName("reportsPanel")
        from jamsos_desktop.services.reports import ReportName

        self.reportCombo = QComboBox()
        self.reportCombo.setObjectName("reportCombo")
        for name in ReportName:
            self.reportCombo.addItem(self.tr(name.label), name.value)
            self.reportCombo.setItemData(
                self.reportCombo.count() - 1, self.tr(name.description), Qt.ItemDataRole.ToolTipRole
            )
        self.periodCombo = QComboBox()
        self.periodCombo.setObjectName("reportPeriodCombo")
        self.regionCombo = QComboBox()
        self.regionCombo.setObjectName("reportRegionCombo")
        self.regionCombo.addItem(self.tr("Seluruh kabupaten"), None)
        for district in self._context.regions.districts():
            self.regionCombo.addItem(self.tr("Kec. %1").replace("%1", district.name), district.code)
        self.pdfButton = QPushButton(self.tr("PDF\u2026"))
        self.pdfButton.setObjectName("reportPdfButton")
        self.pdfButton.clicked.connect(lambda: self.write_report(suffix=".pdf"))
        self.xlsxButton = QPushButton(self.tr("Excel\u2026"))
        self.xlsxButton.setObjectName("reportXlsxButton")
        self.xlsxButton.clicked.connect(lambda: self.write_report(suffix=".xlsx"))
        self.reportProgress = QProgressBar()
        self.reportProgress.setObjectName("reportProgress")
        self.reportProgress.setRange(0, 3)
        self.reportProgress.setTextVisible(False)
        self.reportProgress.setMaximumHeight(8)
        self.reportProgress.hide()
        self.reportLabel = QLabel()
        self.reportLabel.setObjectName("reportLabel")
        self.reportLabel.setWordWrap(True)
        self.reportLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QGridLayout(box)
        form.addWidget(QLabel(self.tr("Jenis")), 0, 0)
        form.addWidget(self.reportCombo, 0, 1, 1, 2)
        form.addWidget(QLabel(self.tr("Periode")), 1, 0)
        form.addWidget(self.periodCombo, 1, 1, 1, 2)
        form.addWidget(QLabel(self.tr("Wilayah")), 2, 0)
        form.addWidget(self.regionCombo, 2, 1, 1, 2)
        form.addWidget(self.pdfButton, 3, 1)
        form.addWidget(self.xlsxButton, 3, 2)
        form.addWidget(self.reportProgress, 4, 0, 1, 3)
        form.addWidget(self.reportLabel, 5, 0, 1, 3)
        form.setRowStretch(6, 1)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(2, 1)
        return box

    # -- loading ------------------------------------------------------------------------------------
    def programme_id(self) -> int | None:
        return self.programmeCombo.currentData()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.refreshButton.setEnabled(False)
        self.summaryLabel.setText(self.tr("Menghitung\u2026"))
        pid = self.programme_id()
        dashboard = self._context.dashboard
        run_in_background(lambda: dashboard.snapshot(pid), self._show, self._failed)

    def _show(self, snap: DashboardSnapshot) -> None:
        self._loading = False
        self.refreshButton.setEnabled(True)
        self.snapshot = snap
        self.programmeCombo.blockSignals(True)
        self.programmeCombo.clear()
        for pid, name in snap.programmes:
            self.programmeCombo.addItem(name, pid)
        if snap.programme is not None:
            self.programmeCombo.setCurrentIndex(self.programmeCombo.findData(snap.programme.id))
        self.programmeCombo.blockSignals(False)
        self._fill_periods(snap)
        self.bar_sets.clear()
        self._draw_enrolled(snap)
        self._draw_payments(snap)
        self._draw_status(snap)
        self._draw_ending(snap)
        self._draw_cards(snap)
        self.summaryLabel.setText(self._summary(snap))
        self.snapshotLoaded.emit(snap)

    def _summary(self, snap: DashboardSnapshot) -> str:
        if snap.programme is None:
            return self.tr("Belum ada program. %1 pekerja terdaftar.").replace(
                "%1", format_number(snap.registered)
            )
        p = snap.programme
        text = (
            self.tr(
                "%1 peserta dari %2 pekerja terdaftar; iuran %3 per bulan; per %4: %5 aktif, %6 terlambat, %7 nonaktif."
            )
            .replace("%1", format_number(snap.enrolled))
            .replace("%2", format_number(snap.registered))
            .replace("%3", format_money(p.monthly_amount))
            .replace("%4", month_name(snap.status.as_of))
            .replace("%5", format_number(snap.status.active))
            .replace("%6", format_number(snap.status.late))
            .replace("%7", format_number(snap.status.inactive))
        )
        return (
            text
            + "  "
            + self.tr("(dihitung dalam %1 ms)").replace("%1", format_number(round(snap.elapsed_ms)))
        )

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.refreshButton.setEnabled(True)
        text = error_text(exc)
        self.summaryLabel.setText(text)
        self.failed.emit(text)

    # -- charts -------------------------------------------------------------------------------------
    def _reset(self, view: QChartView, title: str) -> QChart:
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        font.setPointSizeF(max(9.0, font.pointSizeF()))
        chart.setTitleFont(font)
        return chart

    def _bar_set(self, key: str, label: str, colour: str, values: list[int]) -> QBarSet:
        bar = QBarSet(label)
        bar.setColor(QColor(colour))
        bar.setBorderColor(QColor(colour))
        for v in values:
            bar.append(v)
        self.bar_sets[key] = bar
        return bar

    def _horizontal(self, chart: QChart, series: Any, categories: list[str], maximum: int) -> None:
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories)
        values = QValueAxis()
        values.setRange(0, max(4, maximum))
        values.setLabelFormat("%d")
        values.setTickCount(5)
        values.applyNiceNumbers()
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)

    @staticmethod
    def _rows(snap: DashboardSnapshot) -> list[Any]:
        """Kecamatan bottom-up: a horizontal bar axis draws its first category at the bottom."""
        return list(reversed(snap.districts))

    def _draw_enrolled(self, snap: DashboardSnapshot) -> None:
        quota = snap.quota
        title = self.tr("Peserta per kecamatan")
        if quota:
            title += " " + self.tr("(%1 dari kuota %2)").replace("%1", format_number(snap.enrolled)).replace(
                "%2", format_number(quota)
            )
        chart = self._reset(self.enrolledChart, title)
        series = QHorizontalBarSeries()
        registered = self._bar_set(
            "registered", self.tr("Pekerja terdaftar"), GREY, [d.registered for d in self._rows(snap)]
        )
        enrolled = self._bar_set(
            "enrolled", self.tr("Ikut program"), BLUE, [d.enrolled for d in self._rows(snap)]
        )
        series.append(registered)
        series.append(enrolled)
        for bar in (registered, enrolled):
            bar.clicked.connect(self._district_clicked)
        self._horizontal(
            chart,
            series,
            [d.name for d in self._rows(snap)],
            max((d.registered for d in snap.districts), default=0),
        )

    def _draw_cards(self, snap: DashboardSnapshot) -> None:
        chart = self._reset(
            self.cardsChart,
            self.tr("Kartu dicetak: %1 dari %2 peserta")
            .replace("%1", format_number(snap.carded))
            .replace("%2", format_number(snap.enrolled)),
        )
        series = QHorizontalBarSeries()
        enrolled = self._bar_set(
            "cards_enrolled", self.tr("Peserta"), TEAL, [d.enrolled for d in self._rows(snap)]
        )
        carded = self._bar_set(
            "carded", self.tr("Sudah berkartu"), GREEN, [d.carded for d in self._rows(snap)]
        )
        series.append(enrolled)
        series.append(carded)
        for bar in (enrolled, carded):
            bar.clicked.connect(self._district_clicked)
        self._horizontal(
            chart,
            series,
            [d.name for d in self._rows(snap)],
            max((d.enrolled for d in snap.districts), default=0),
        )

    def _draw_ending(self, snap: DashboardSnapshot) -> None:
        this, nxt = snap.current, snap.next_month
        total = snap.ending_this_month + snap.ending_next_month
        chart = self._reset(
            self.endingChart,
            self.tr("Pembiayaan berakhir %1\u2013%2: %3 pekerja")
            .replace("%1", short_month(this))
            .replace("%2", short_month(nxt))
            .replace("%3", format_number(total)),
        )
        series = QHorizontalBarSeries()
        a = self._bar_set("ending_this", self.tr("Akhir %1").replace("%1", short_month(this)), ORANGE,
                          [d.ending_this_month for d in self._rows(snap)])  # fmt: skip
        b = self._bar_set("ending_next", self.tr("Akhir %1").replace("%1", short_month(nxt)), SAND,
                          [d.ending_next_month for d in self._rows(snap)])  # fmt: skip
        series.append(a)
        series.append(b)
        for bar in (a, b):
            bar.clicked.connect(lambda _i: self._action_clicked("funding_ends"))
        self._horizontal(
            chart,
            series,
            [d.name for d in self._rows(snap)],
            max((max(d.ending_this_month, d.ending_next_month) for d in snap.districts), default=0),
        )
        if total == 0:
            chart.setTitle(
                self.tr("Pembiayaan berakhir %1\u2013%2: tidak ada")
                .replace("%1", short_month(this))
                .replace("%2", short_month(nxt))
            )

    def _draw_status(self, snap: DashboardSnapshot) -> None:
        s = snap.status
        chart = self._reset(
            self.statusChart, self.tr("Kepesertaan per %1").replace("%1", month_name(s.as_of))
        )
        series = QBarSeries()
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        for key, label, colour, value, kind in (
            ("active", self.tr("Aktif"), GREEN, s.active, ""),
            ("late", self.tr("Terlambat"), ORANGE, s.late, "late"),
            ("inactive", self.tr("Nonaktif"), RED, s.inactive, "inactive"),
        ):
            bar = self._bar_set(key, label, colour, [value])
            bar.setLabelColor(QColor("#333333"))
            if kind:
                bar.clicked.connect(lambda _i, kind=kind: self._action_clicked(kind))
            series.append(bar)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([self.tr("peserta")])
        values = QValueAxis()
        values.setRange(0, max(4, s.active, s.late, s.inactive) * 1.12)
        values.setLabelFormat("%d")
        values.setTickCount(5)
        values.applyNiceNumbers()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        series.attachAxis(values)

    def _draw_payments(self, snap: DashboardSnapshot) -> None:
        months = list(snap.payments[-12:])
        funder_total = sum(m.funder_paid for m in snap.payments)
        self_total = sum(m.self_paid for m in snap.payments)
        chart = self._reset(self.paymentsChart, self.tr("Iuran dibayar per bulan (juta Rp)"))
        self.paymentsChart.setToolTip(
            self.tr("Pemda %1, mandiri %2")
            .replace("%1", format_money(funder_total))
            .replace("%2", format_money(self_total))
        )
        # Months down the side, the earliest at the top: names stay readable where 12+ columns would not.
        rows = list(reversed(months))
        series = QHorizontalStackedBarSeries()
        # Millions of rupiah as floats for drawing only; the money itself stays integer rupiah.
        funder = self._bar_set("funder_paid", self.tr("Pemda (APBD)"), BLUE, [])
        selfp = self._bar_set("self_paid", self.tr("Mandiri"), TEAL, [])
        for m in rows:
            funder.append(m.funder_paid / 1_000_000)
            selfp.append(m.self_paid / 1_000_000)
        series.append(funder)
        series.append(selfp)
        for bar in (funder, selfp):
            bar.clicked.connect(lambda _i: self._action_clicked(""))
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([short_month(m.month) for m in rows] or [""])
        axis.setTruncateLabels(False)  # rows are lower than a label's padding box, never its text
        values = QValueAxis()
        top = max((m.funder_paid + m.self_paid for m in months), default=0) / 1_000_000
        values.setRange(0, max(4.0, top))
        values.setLabelFormat("%.0f")
        values.setTickCount(5)
        values.applyNiceNumbers()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        series.attachAxis(values)

    # -- clicks -------------------------------------------------------------------------------------
    def _district_clicked(self, index: int) -> None:
        """``index`` counts bars from the bottom (see :meth:`_rows`)."""
        if self.snapshot is not None and 0 <= index < len(self.snapshot.districts):
            self.districtRequested.emit(self._rows(self.snapshot)[index].code)

    def _action_clicked(self, kind: str) -> None:
        snap = self.snapshot
        if snap is not None and snap.programme is not None:
            self.actionListRequested.emit(snap.programme.id, kind)

    # -- reports ------------------------------------------------------------------------------------
    def _fill_periods(self, snap: DashboardSnapshot) -> None:
        current = self.periodCombo.currentData()
        self.periodCombo.blockSignals(True)
        self.periodCombo.clear()
        self.periodCombo.addItem(self.tr("Otomatis (bulan ini / bulan depan)"), None)
        first = snap.programme.start if snap.programme is not None else snap.current.minus(11)
        m = snap.current + 2
        while m >= first:
            self.periodCombo.addItem(month_name(m), m.index)
            m = m.minus(1)
        index = self.periodCombo.findData(current) if current is not None else 0
        self.periodCombo.setCurrentIndex(max(0, index))
        self.periodCombo.blockSignals(False)

    def write_report(self, path: str | None = None, *, suffix: str = ".pdf") -> None:
        """Write the chosen report in the background; ``path`` skips the save dialog (tests, scripts)."""
        from jamsos_desktop.services.reports import ReportFilters, ReportName

        name = ReportName(self.reportCombo.currentData())
        if not path:
            suggested = f"laporan-{name.value}-{date.today():%Y%m%d}{suffix}"
            kinds = self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("Excel (*.xlsx)")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan"), suggested, kinds)
            if not path:
                return
            if not path.lower().endswith(suffix):
                path += suffix
        period = self.periodCombo.currentData()
        filters = ReportFilters(
            month=Month(period) if period is not None else None,
            programme_id=self.programme_id(),
            region=self.regionCombo.currentData(),
        )
        progress = _Progress()
        progress.changed.connect(self._report_progress)
        self._progress = progress
        self.reportProgress.setValue(0)
        self.reportProgress.show()
        self.pdfButton.setEnabled(False)
        self.xlsxButton.setEnabled(False)
        self.reportLabel.setText(self.tr("Menyusun %1\u2026").replace("%1", self.tr(name.label)))
        reports = self._context.reports
        target = Path(path)
        run_in_background(
            lambda: reports.generate(name, target, filters, progress=progress),
            self._report_done,
            self._report_failed,
        )

    def _report_progress(self, done: int, total: int, _message: str) -> None:
        self.reportProgress.setRange(0, max(1, total))
        self.reportProgress.setValue(done)

    def _report_done(self, outcome: Any) -> None:
        self._report_finished()
        pages = (
            self.tr(", %1 halaman").replace("%1", format_number(outcome.pages))
            if outcome.pages is not None
            else ""
        )
        self.reportLabel.setText(
            self.tr("Tersimpan: %1 (%2 baris%3)")
            .replace("%1", str(outcome.path))
            .replace("%2", format_number(outcome.rows))
            .replace("%3", pages)
        )
        self.reportWritten.emit(str(outcome.path))

    def _report_failed(self, exc: BaseException) -> None:
        self._report_finished()
        text = error_text(exc)
        self.reportLabel.setText(text)
        self.failed.emit(text)

    def _report_finished(self) -> None:
        self._progress = None
        self.reportProgress.hide()
        self.pdfButton.setEnabled(True)
        self.xlsxButton.setEnabled(True)


__all__ = ["DashboardPage"]
