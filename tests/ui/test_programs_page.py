"""The programmes page driven as a clerk would: create a programme, enrol, pay, see the budget."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jamsos_desktop.domain.programme import Funder, Month, ProgrammeData

NOW = datetime(2026, 3, 20, 9, 0)


@pytest.fixture
def programs_page(qtbot, ui_context):  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.ui.programs.page import ProgramsPage

    ui_context.clock = lambda: NOW
    generate_demo(
        ui_context.unit_of_work,
        ui_context.region_table(),
        ui_context.regency(),
        workers=30,
        seed=2,
        now=NOW,
        user="t",
    )
    page = ProgramsPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    return page


def test_create_programme_enrol_and_budget(qtbot, programs_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    page = programs_page
    assert page.objectName() == "programsPage"
    dialog = page.new_programme()
    assert dialog.objectName() == "programmeForm"
    dialog.nameEdit.setText("Bangka Selatan 2025")
    dialog.startEdit.set_month(Month.of(2025, 8))
    dialog.fundedSpin.setValue(6)
    assert "16.800" in dialog.amountLabel.text()
    with qtbot.waitSignal(page.programmesLoaded, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: page.programTable.rowCount() == 1, timeout=10_000)
    assert page.programTable.item(0, 0).text() == "Bangka Selatan 2025"

    enrol = page.enrol()
    assert enrol.objectName() == "enrolForm"
    with qtbot.waitSignal(page.actionFinished, timeout=15_000):
        enrol.accept()
    qtbot.waitUntil(lambda: page.budgetTable.rowCount() >= 2, timeout=10_000)
    qtbot.waitUntil(lambda: "Rp" in page.budgetSummary.text(), timeout=10_000)
    pid = page.current_programme_id()
    enrolled = ui_context.programmes.enrolled_count(pid)
    assert enrolled > 0
    assert ui_context.payments.budget(pid).planned == enrolled * 16_800 * 6


def test_funder_payment_and_reversal(qtbot, programs_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    p = ui_context.programmes.create(ProgrammeData("P", (Funder("APBD"),), Month.of(2025, 8), 6))
    ui_context.programmes.enrol(p.id, everyone=True)
    page = programs_page
    with qtbot.waitSignal(page.detailsLoaded, timeout=10_000):
        page.refresh()
    dialog = page.pay_funder()
    dialog.invoiceEdit.setText("INV/2025/001")
    dialog.lastEdit.set_month(Month.of(2025, 10))
    assert dialog.amountSpin.value() == ui_context.programmes.enrolled_count(p.id) * 16_800 * 3
    dialog.dateEdit.setDate(dialog.dateEdit.date().fromString("01-10-2025", "dd-MM-yyyy"))
    with qtbot.waitSignal(page.detailsLoaded, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: page.funderPaymentTable.rowCount() == 1, timeout=10_000)
    assert page.funderPaymentTable.item(0, 0).text() == "INV/2025/001"

    page.tabs.setCurrentWidget(page.funderPaymentTable)
    page.funderPaymentTable.selectRow(0)
    with qtbot.waitSignal(page.actionFinished, timeout=10_000):
        page.reverse_payment("tagihan salah")
    qtbot.waitUntil(lambda: page.funderPaymentTable.rowCount() == 2, timeout=10_000)
    assert ui_context.payments.budget(p.id).paid == 0


def test_self_payment_error_is_shown_in_the_form(qtbot, programs_page, ui_context) -> None:  # type: ignore[no-untyped-def]
    p = ui_context.programmes.create(ProgrammeData("P", (Funder("APBD"),), Month.of(2025, 8), 6))
    ui_context.programmes.enrol(p.id, everyone=True)
    page = programs_page
    with qtbot.waitSignal(page.detailsLoaded, timeout=10_000):
        page.refresh()
    dialog = page.pay_self()
    dialog.keyEdit.setText("0000")
    dialog.receiptEdit.setText("KW-1")
    with qtbot.waitSignal(page.actionFailed, timeout=10_000):
        dialog.accept()
    assert "tidak ditemukan" in dialog.errorLabel.text()
    assert dialog.isVisible()  # the clerk's input is kept
    _ = date  # dates come from the dialog's own pickers
