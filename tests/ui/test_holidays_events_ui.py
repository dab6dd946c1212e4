"""Holidays, worker events and the quota forecast, driven as a clerk would; effects checked in the
database and on screen (the calendar's due dates, a worker's strip, the programme's event list)."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from jamsos_desktop.domain.programme import ClaimStatus, Funder, Month, ProgrammeData

NOW = datetime(2026, 3, 20, 9, 0)


def _demo(ui_context, workers: int = 30) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.demo import generate_demo

    ui_context.clock = lambda: NOW
    generate_demo(
        ui_context.unit_of_work,
        ui_context.region_table(),
        ui_context.regency(),
        workers=workers,
        seed=4,
        now=NOW,
        user="t",
    )


@pytest.fixture
def calendar_page(qtbot, ui_context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.calendar.page import CalendarPage

    _demo(ui_context)
    for day, _ in ui_context.programmes.holidays():  # start from an empty list
        ui_context.programmes.remove_holiday(day)
    p = ui_context.programmes.create(
        ProgrammeData("Bangka Selatan 2025", (Funder("APBD"),), Month.of(2025, 8), 6)
    )
    ui_context.programmes.enrol(p.id, everyone=True)
    page = CalendarPage(ui_context)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    qtbot.waitUntil(lambda: page._grid is not None, timeout=15_000)
    return page, p


def nov_header(page) -> str:  # type: ignore[no-untyped-def]
    return page.gridTable.horizontalHeaderItem(3).text()  # Aug, Sep, Oct, Nov


def test_holidays_edited_in_the_dialog_move_the_calendars_due_dates(  # type: ignore[no-untyped-def]
    qtbot, calendar_page, ui_context
) -> None:
    page, _ = calendar_page
    assert "17/11" in nov_header(page)  # Saturday the 15th -> Monday
    dialog = page.edit_holidays()
    ui = dialog.ui
    assert dialog.objectName() == "holidaysDialog" and dialog.isVisible()
    qtbot.waitUntil(lambda: ui.holidayTable.rowCount() == 0 and ui.countLabel.text() != "", timeout=10_000)
    ui.yearSpin.setValue(2025)

    # Add Monday 17 November 2025 as a regional holiday: November's due date moves to Tuesday.
    ui.dateEdit.setDate(QDate(2025, 11, 17))
    qtbot.keyClicks(ui.holidayNameEdit, "Hari jadi kabupaten")
    with qtbot.waitSignal(page.gridLoaded, timeout=15_000):
        qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)
    assert ui_context.programmes.holidays(2025) == [(date(2025, 11, 17), "Hari jadi kabupaten")]
    assert ui.holidayTable.rowCount() == 1
    assert ui.holidayTable.item(0, 1).text() == "Senin"
    assert ui.dueTable.item(0, 10).text() == "18/11"
    assert "Hari jadi kabupaten" in ui.dueNoteLabel.text()
    assert "18/11" in nov_header(page)

    # Move it to Thursday the 20th: the due date goes back to Monday the 17th.
    ui.holidayTable.selectRow(0)
    assert ui.holidayNameEdit.text() == "Hari jadi kabupaten"
    ui.dateEdit.setDate(QDate(2025, 11, 20))
    with qtbot.waitSignal(page.gridLoaded, timeout=15_000):
        qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert ui_context.programmes.holidays(2025) == [(date(2025, 11, 20), "Hari jadi kabupaten")]
    assert "17/11" in nov_header(page)
    assert ui.dueTable.item(0, 10).text() == "17/11"

    # A holiday without a name is refused with a sentence; nothing is written.
    ui.holidayTable.clearSelection()
    ui.dateEdit.setDate(QDate(2025, 12, 15))
    ui.holidayNameEdit.clear()
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)
    assert "wajib diisi" in ui.messageLabel.text()
    assert len(ui_context.programmes.holidays(2025)) == 1

    # Remove it.
    ui.holidayTable.selectRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(ui.removeButton, Qt.MouseButton.LeftButton)
    assert ui_context.programmes.holidays() == []
    assert ui.holidayTable.rowCount() == 0


def test_fixed_holidays_and_import_of_a_years_list(  # type: ignore[no-untyped-def]
    qtbot, calendar_page, ui_context, tmp_path: Path
) -> None:
    page, _ = calendar_page
    dialog = page.edit_holidays()
    ui = dialog.ui
    ui.yearSpin.setValue(2026)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(ui.fixedButton, Qt.MouseButton.LeftButton)
    assert ui.holidayTable.rowCount() == 5
    assert "5 libur tetap tahun 2026" in ui.messageLabel.text()
    # 15 Aug 2026 is a Saturday and Monday the 17th is Independence Day: due Tuesday the 18th.
    assert dialog.due_dates()[7] == date(2026, 8, 18)

    path = tmp_path / "libur-2027.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Tanggal", "Keterangan"])
        w.writerow(["10-03-2027", "Idulfitri 1448 H"])
        w.writerow(["11-03-2027", "Idulfitri 1448 H (hari kedua)"])
        w.writerow(["bukan tanggal", "Salah"])
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.import_file(str(path))
    assert "2 ditambahkan" in ui.messageLabel.text() and "1 ditolak" in ui.messageLabel.text()
    assert "Baris 4" in ui.messageLabel.text()
    assert ui.yearSpin.value() == 2027  # the dialog shows the imported year
    assert [d for d, _ in ui_context.programmes.holidays(2027)] == [date(2027, 3, 10), date(2027, 3, 11)]
    assert ui.holidayTable.rowCount() == 2


@pytest.fixture
def programs_page(qtbot, ui_context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.programs.page import ProgramsPage

    _demo(ui_context)
    p = ui_context.programmes.create(
        ProgrammeData("Bangka Selatan 2025", (Funder("APBD"),), Month.of(2025, 8), 6)
    )
    ui_context.programmes.enrol(p.id, everyone=True)
    page = ProgramsPage(ui_context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.eventsPanel.recordButton.isEnabled(), timeout=15_000)
    qtbot.waitUntil(lambda: "Rp" in page.budgetSummary.text(), timeout=15_000)
    return page, p


def test_record_a_death_from_the_programme_and_follow_the_claim(  # type: ignore[no-untyped-def]
    qtbot, programs_page, ui_context
) -> None:
    page, p = programs_page
    panel = page.eventsPanel
    page.tabs.setCurrentWidget(panel)
    planned_before = ui_context.payments.budget(p.id).planned
    wid, name, _nik, _village = ui_context.programmes.search_enrolled(p.id, "", limit=1)[0]

    qtbot.mouseClick(panel.recordButton, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    ui = dialog.ui
    assert dialog.objectName() == "eventForm" and dialog.isVisible()
    qtbot.keyClicks(ui.eventWorkerEdit, name)
    with qtbot.waitSignal(dialog.workersFound, timeout=10_000):
        qtbot.mouseClick(ui.findButton, Qt.MouseButton.LeftButton)
    ui.workerCombo.setCurrentIndex(ui.workerCombo.findData(wid))
    assert ui.kindCombo.currentText() == "Meninggal dunia"
    assert "Rp42.000.000" in ui.effectLabel.text()
    ui.dateEdit.setDate(QDate(2025, 12, 9))
    ui.heirNameEdit.setText("Siti Aminah")
    ui.heirRelationshipCombo.setCurrentIndex(ui.heirRelationshipCombo.findData("spouse"))
    ui.heirPhoneEdit.setText("0812 3456 7890")

    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    # In the database: the event with the heir, the enrolment ends in December, the plan drops by a month.
    (event,) = ui_context.programmes.events(programme_id=p.id)
    assert (event.worker_id, event.heir_name, event.heir_phone) == (wid, "Siti Aminah", "081234567890")
    assert ui_context.programmes.enrolment(p.id, wid).end == Month.of(2025, 12)
    assert ui_context.payments.budget(p.id).planned == planned_before - 16_800
    # On screen: the row with the benefit and the claim's state, and the page's message.
    table = panel.table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[1] == event.worker_name and row[2] == "Meninggal dunia" and row[4] == "Suami/Istri"
    assert row[6] == "Rp42.000.000" and row[8] == "Dilaporkan"
    assert "Meninggal dunia dicatat" in page.messageLabel.text()
    assert panel.exitTable.rowCount() == 0  # a death is an event, not listed again among the exits

    # The claim goes to BPJS.
    table.selectRow(0)
    panel.claimCombo.setCurrentIndex(panel.claimCombo.findData(ClaimStatus.SUBMITTED.value))
    qtbot.mouseClick(panel.claimButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.item(0, 8).text() == "Diajukan ke BPJS", timeout=10_000)
    assert ui_context.programmes.events(programme_id=p.id)[0].claim_status is ClaimStatus.SUBMITTED

    # A second death of the same worker is refused in the form, which stays open with the input.
    qtbot.mouseClick(panel.recordButton, Qt.MouseButton.LeftButton)
    again = panel.dialog
    qtbot.keyClicks(again.ui.eventWorkerEdit, name)
    with qtbot.waitSignal(again.workersFound, timeout=10_000):
        qtbot.mouseClick(again.ui.findButton, Qt.MouseButton.LeftButton)
    again.ui.workerCombo.setCurrentIndex(again.ui.workerCombo.findData(wid))
    again.ui.dateEdit.setDate(QDate(2026, 1, 2))
    with qtbot.waitSignal(again.failed, timeout=10_000):
        qtbot.mouseClick(again.ui.saveButton, Qt.MouseButton.LeftButton)
    assert "sudah dicatat" in again.ui.errorLabel.text()
    assert again.isVisible()
    assert len(ui_context.programmes.events(programme_id=p.id)) == 1


def test_an_event_without_a_worker_or_in_the_future_is_refused(qtbot, programs_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    page, p = programs_page
    dialog = page.eventsPanel.record()
    with qtbot.waitSignal(dialog.failed, timeout=5_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert "Pilih dulu pekerjanya" in dialog.ui.errorLabel.text()
    qtbot.keyClicks(dialog.ui.eventWorkerEdit, "zzzz-tidak-ada")
    with qtbot.waitSignal(dialog.workersFound, timeout=10_000):
        qtbot.mouseClick(dialog.ui.findButton, Qt.MouseButton.LeftButton)
    assert "Tidak ada peserta" in dialog.ui.errorLabel.text()
    wid, name, *_ = ui_context.programmes.search_enrolled(p.id, "", limit=1)[0]
    dialog.ui.eventWorkerEdit.setText(name)
    with qtbot.waitSignal(dialog.workersFound, timeout=10_000):
        qtbot.mouseClick(dialog.ui.findButton, Qt.MouseButton.LeftButton)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("accident"))
    assert dialog.ui.heirGroup.isEnabled()  # accidents keep the contact for the claim
    dialog.ui.dateEdit.setDate(QDate(2026, 4, 1))  # after "today" (20 March 2026)
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert "belum terjadi" in dialog.ui.errorLabel.text()
    assert ui_context.programmes.events(worker_id=wid) == []


def test_moving_away_recorded_from_the_workers_strip(qtbot, calendar_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    page, p = calendar_page
    wid, name, *_ = ui_context.programmes.search_enrolled(p.id, "", limit=1)[0]
    assert not page.stripEventButton.isEnabled()
    page.stripEdit.setText(name)
    with qtbot.waitSignal(page.stripLoaded, timeout=10_000):
        page.show_strip()
    months_before = page.stripTable.columnCount()
    assert page.stripEventButton.isEnabled()
    march_self_before = page._grid.totals[Month.of(2026, 3).index - p.start.index].self_count

    qtbot.mouseClick(page.stripEventButton, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    ui = dialog.ui
    assert ui.workerCombo.currentData() == wid and not ui.eventWorkerEdit.isEnabled()
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("moved"))
    assert not ui.heirGroup.isEnabled()
    ui.dateEdit.setDate(QDate(2026, 2, 3))
    with qtbot.waitSignal(page.stripLoaded, timeout=15_000):
        qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            page._grid.totals[Month.of(2026, 3).index - p.start.index].self_count == march_self_before - 1
        ),
        timeout=15_000,
    )
    e = ui_context.programmes.enrolment(p.id, wid)
    assert (e.end, e.exit_reason) == (Month.of(2026, 2), "moved")
    assert "keluar dari program 3 Februari 2026 (pindah)" in page.stripLabel.text()
    assert page.stripTable.columnCount() < months_before
    assert page.stripTable.horizontalHeaderItem(page.stripTable.columnCount() - 1).text() == "Feb 26"
    assert "berakhir" in page.messageLabel.text()


def test_budget_shows_the_forecast_if_the_quota_fills(qtbot, programs_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    page, _ = programs_page
    enrolled_other = ui_context.programmes.enrolled_count()
    # A new programme from March 2026 (this month), 6 funded months, a quota of 12, nobody enrolled yet.
    q = ui_context.programmes.create(
        ProgrammeData("Perluasan 2026", (Funder("APBD Provinsi"),), Month.of(2026, 3), 6, quota=12)
    )
    assert enrolled_other > 0
    with qtbot.waitSignal(page.programmesLoaded, timeout=10_000):
        page.refresh()
    row = next(
        r for r in range(page.programTable.rowCount()) if page.programTable.item(r, 0).text() == q.name
    )
    page.programTable.selectRow(row)
    qtbot.waitUntil(lambda: "Bila kuota" in page.forecastLabel.text(), timeout=10_000)
    budget = ui_context.payments.budget(q.id)
    assert budget.forecast is not None
    assert (budget.forecast.joining, budget.forecast.months_each) == (12, 6)
    assert budget.forecast_planned == 12 * 6 * 16_800 == 1_209_600
    text = page.forecastLabel.text()
    assert "Bila kuota 12 terisi" in text and "12 pekerja lagi mulai Maret 2026" in text
    assert "Rp1.209.600" in text
    assert page.budgetTable.item(0, 0).text() == "APBD Provinsi"
    assert page.budgetTable.item(0, 5).text() == "Rp1.209.600"

    # The programme without a quota says so.
    first = next(
        r for r in range(page.programTable.rowCount()) if page.programTable.item(r, 0).text() != q.name
    )
    page.programTable.selectRow(first)
    qtbot.waitUntil(lambda: "tanpa kuota" in page.forecastLabel.text(), timeout=10_000)
    assert page.budgetTable.item(0, 5).text() == ""


def test_an_operator_reads_the_holidays_but_cannot_change_them(qtbot, calendar_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.errors import JamsosError
    from jamsos_desktop.domain.safety import Actor, Role

    page, _ = calendar_page
    ui_context.programmes.set_holiday(date(2026, 8, 17), "Hari Kemerdekaan RI")
    ui_context.access.become(Actor("budi", Role.OPERATOR, user_id=7))
    dialog = page.edit_holidays()
    ui = dialog.ui
    qtbot.waitUntil(lambda: ui.holidayTable.rowCount() == 1, timeout=10_000)
    ui.holidayTable.selectRow(0)
    assert not any(
        w.isEnabled() for w in (ui.addButton, ui.saveButton, ui.removeButton, ui.fixedButton, ui.importButton)
    )
    assert "verifikator" in ui.messageLabel.text()
    assert dialog.due_dates()[7] == date(2026, 8, 18)  # the list still moves the due dates it shows
    with pytest.raises(JamsosError):  # and the service refuses the operator too
        ui_context.programmes.remove_holiday(date(2026, 8, 17))
    assert ui_context.programmes.holidays(2026) == [(date(2026, 8, 17), "Hari Kemerdekaan RI")]


def test_a_withdrawal_is_listed_among_the_exits(qtbot, programs_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    page, p = programs_page
    panel = page.eventsPanel
    page.tabs.setCurrentWidget(panel)
    assert panel.exitTable.rowCount() == 0 and panel.exitsLabel.text().endswith(": 0 orang")
    wid, name, *_ = ui_context.programmes.search_enrolled(p.id, "", limit=1)[0]
    dialog = panel.record()
    qtbot.keyClicks(dialog.ui.eventWorkerEdit, name)
    with qtbot.waitSignal(dialog.workersFound, timeout=10_000):
        qtbot.mouseClick(dialog.ui.findButton, Qt.MouseButton.LeftButton)
    dialog.ui.workerCombo.setCurrentIndex(dialog.ui.workerCombo.findData(wid))
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("withdrawn"))
    dialog.ui.dateEdit.setDate(QDate(2026, 1, 15))
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.exitTable.rowCount() == 1, timeout=10_000)
    row = [panel.exitTable.item(0, c).text() for c in range(panel.exitTable.columnCount())]
    assert row == ["15 Januari 2026", name, "Mengundurkan diri (keluar dari program)", "Januari 2026"]
    assert panel.exitTable.item(0, 0).data(Qt.ItemDataRole.UserRole) == wid
    assert panel.exitsLabel.text().endswith(": 1 orang")
    assert panel.table.rowCount() == 0  # not a death or an accident: no claim to follow
