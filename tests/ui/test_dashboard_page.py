"""The dashboard page: charts from a background snapshot, bars that open filtered lists, reports."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from jamsos_desktop.domain.programme import Funder, Month, ProgrammeData

NOW = datetime(2026, 5, 20, 9, 0)


@pytest.fixture
def dashboard(qtbot, styled_app, ui_context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.ui.dashboard.page import DashboardPage

    ui_context.clock = lambda: NOW
    generate_demo(
        ui_context.unit_of_work,
        ui_context.region_table(),
        ui_context.regency(),
        workers=60,
        seed=9,
        now=NOW,
        user="t",
    )
    p = ui_context.programmes.create(
        ProgrammeData("Bangka Selatan 2025", (Funder("APBD"),), Month.of(2025, 8), 6)
    )
    ui_context.programmes.enrol(p.id, everyone=True)
    page = DashboardPage(ui_context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.snapshotLoaded, timeout=15_000):
        page.resize(1190, 690)
        page.show()
    return page, p


def test_charts_show_the_snapshot(dashboard) -> None:  # type: ignore[no-untyped-def]
    page, p = dashboard
    assert page.objectName() == "dashboardPage"
    snap = page.snapshot
    assert snap is not None and snap.programme.id == p.id and page.programmeCombo.currentData() == p.id
    for view in (page.enrolledChart, page.paymentsChart, page.statusChart, page.endingChart, page.cardsChart):
        assert view.chart().series(), view.objectName()
    enrolled = page.bar_sets["enrolled"]
    assert sum(enrolled.at(i) for i in range(enrolled.count())) == snap.enrolled > 0
    assert page.bar_sets["inactive"].at(0) == snap.status.inactive
    assert "peserta" in page.summaryLabel.text()


def test_clicking_bars_asks_for_the_matching_list(qtbot, dashboard) -> None:  # type: ignore[no-untyped-def]
    page, p = dashboard
    top = page.bar_sets["enrolled"].count() - 1  # bars count from the bottom: the top one is Toboali
    with qtbot.waitSignal(page.districtRequested, timeout=2_000) as district:
        page.bar_sets["enrolled"].clicked.emit(top)
    assert district.args == [page.snapshot.districts[0].code] == ["19.03.01"]
    with qtbot.waitSignal(page.actionListRequested, timeout=2_000) as action:
        page.bar_sets["inactive"].clicked.emit(0)
    assert action.args == [p.id, "inactive"]
    with qtbot.waitSignal(page.actionListRequested, timeout=2_000) as action:
        page.bar_sets["late"].clicked.emit(0)
    assert action.args == [p.id, "late"]


def test_refresh_recomputes_off_the_ui_thread(qtbot, dashboard, ui_context) -> None:  # type: ignore[no-untyped-def]
    page, p = dashboard
    before = page.snapshot.enrolled
    ui_context.programmes.exit_worker(
        ui_context.programmes.search_enrolled(p.id, "", limit=1)[0][0], exit_date=NOW.date().replace(month=4),
        reason="moved",
    )  # fmt: skip
    with qtbot.waitSignal(page.snapshotLoaded, timeout=15_000):
        page.refreshButton.click()
        assert not page.refreshButton.isEnabled()  # the work runs in the background
    assert page.snapshot.enrolled == before - 1


def test_report_written_in_the_background(qtbot, dashboard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _ = dashboard
    page.reportCombo.setCurrentIndex(page.reportCombo.findData("budget"))
    target = tmp_path / "realisasi.pdf"
    with qtbot.waitSignal(page.reportWritten, timeout=30_000) as written:
        page.write_report(str(target))
    assert written.args == [str(target)] and target.stat().st_size > 5_000
    assert "realisasi.pdf" in page.reportLabel.text() and page.pdfButton.isEnabled()
    page.reportCombo.setCurrentIndex(page.reportCombo.findData("inactive"))
    page.regionCombo.setCurrentIndex(page.regionCombo.findData("19.03.01"))
    target = tmp_path / "nonaktif.xlsx"
    with qtbot.waitSignal(page.reportWritten, timeout=30_000):
        page.write_report(str(target))
    assert target.exists()


def test_main_window_opens_the_filtered_lists(qtbot, styled_app, ui_context) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.ui.main_window import MainWindow

    ui_context.clock = lambda: NOW
    generate_demo(
        ui_context.unit_of_work,
        ui_context.region_table(),
        ui_context.regency(),
        workers=30,
        seed=4,
        now=NOW,
        user="t",
    )
    p = ui_context.programmes.create(ProgrammeData("Uji", (Funder("APBD"),), Month.of(2025, 8), 6))
    ui_context.programmes.enrol(p.id, everyone=True)
    window = MainWindow(ui_context, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.show_page("dashboardPage")
    qtbot.waitUntil(lambda: dashboard.snapshot is not None, timeout=15_000)
    dashboard.districtRequested.emit("19.03.02")
    assert window.stack.currentWidget().objectName() == "workersPage"
    assert window.workersPage.districtFilter.currentData() == "19.03.02"
    calendar = window.show_page("calendarPage")
    qtbot.waitUntil(lambda: calendar.programmeCombo.count() > 0, timeout=15_000)
    window.show_page("dashboardPage")
    dashboard.actionListRequested.emit(p.id, "late")
    assert window.stack.currentWidget() is calendar
    assert calendar.current_list().value == "late"
