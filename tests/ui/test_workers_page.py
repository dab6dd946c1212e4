"""The workers page: search as you type, SQL sorting, the lazy model, deactivation."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from jamsos_desktop.domain.nik import make_nik
from jamsos_desktop.domain.worker import SortKey, WorkerData
from jamsos_desktop.domain.worker_types import Sex, WorkerStatus
from jamsos_desktop.ui.workers.deactivate import DeactivateDialog
from jamsos_desktop.ui.workers.model import BLOCK_SIZE
from jamsos_desktop.ui.workers.page import WorkersPage

TOBOALI = "19.03.01"
RIAS = "19.03.01.2008"


class Recorder:
    """Wraps a registry method on the instance and records each call's arguments."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, obj: object, name: str) -> None:
        self.calls: list[tuple] = []
        original = getattr(obj, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.calls.append(args)
            return original(*args, **kwargs)

        monkeypatch.setattr(obj, name, wrapper)


def click_header(qtbot, page: WorkersPage, column: int) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def names(page: WorkersPage) -> list[str]:
    return [page.model.data(page.model.index(row, 0)) for row in range(page.model.rowCount())]


def test_search_narrows_the_list_as_the_clerk_types(qtbot, page, add_worker):  # type: ignore[no-untyped-def]
    add_worker("Munip", phone="081234567890")
    add_worker("Bob Fauzi")
    add_worker("Suriono", village="19.03.02.2001", district="19.03.02")
    page.refresh(wait=True)
    assert page.model.rowCount() == 3
    assert page.countLabel.text() == "3 pekerja"

    search = page.findChild(QWidget, "workerSearchEdit")
    assert search.placeholderText() == "Cari nama, NIK, KPJ, HP, atau desa\u2026"
    qtbot.keyClicks(search, "fau")
    qtbot.waitUntil(lambda: names(page) == ["Bob Fauzi"])
    search.clear()
    qtbot.keyClicks(search, "0812345")
    qtbot.waitUntil(lambda: names(page) == ["Munip"])
    search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    page.districtFilter.setCurrentIndex(page.districtFilter.findData("19.03.02"))
    qtbot.waitUntil(lambda: names(page) == ["Suriono"])


def test_clicking_a_header_sorts_in_sql(qtbot, page, add_worker, monkeypatch):  # type: ignore[no-untyped-def]
    add_worker("Ahmadi", born=date(1990, 1, 1))
    add_worker("Zainal", born=date(1960, 1, 1))
    add_worker("Munip", born=date(1975, 1, 1))
    page.refresh(wait=True)
    assert names(page) == ["Ahmadi", "Munip", "Zainal"]
    recorder = Recorder(monkeypatch, page._context.registry, "search_ids")

    click_header(qtbot, page, 3)  # Tgl Lahir
    qtbot.waitUntil(lambda: names(page) == ["Zainal", "Munip", "Ahmadi"])
    assert recorder.calls[-1][0].sort is SortKey.BIRTH_DATE and not recorder.calls[-1][0].descending

    click_header(qtbot, page, 3)  # again: descending
    qtbot.waitUntil(lambda: names(page) == ["Ahmadi", "Munip", "Zainal"])
    assert recorder.calls[-1][0].descending
    assert page.table.horizontalHeader().sortIndicatorSection() == 3

    # The sort survives typing in the search box.
    qtbot.keyClicks(page.searchEdit, "a")
    qtbot.waitUntil(lambda: recorder.calls[-1][0].text == "a")
    assert recorder.calls[-1][0].sort is SortKey.BIRTH_DATE

    # A column SQL cannot sort by does not pretend to.
    before = len(recorder.calls)
    click_header(qtbot, page, 2)  # L/P
    assert len(recorder.calls) == before
    assert page.table.horizontalHeader().sortIndicatorSection() == 3


def _bulk(context, n: int) -> None:  # type: ignore[no-untyped-def]
    """Many workers at once (test code may use the persistence layer directly)."""
    now = datetime(2026, 11, 24, 9, 0)
    items = []
    for i in range(n):
        sex = Sex.MALE if i % 2 else Sex.FEMALE
        born = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        data = WorkerData(
            name=f"Pekerja {i:05d}",
            sex=sex,
            birth_date=born,
            village_code=RIAS,
            nik=make_nik(TOBOALI, born, sex, 1 + i),
            occupation="Nelayan",
        )
        items.append((data, str(uuid.uuid4())))
    with context.database.unit_of_work(write=True) as uow:
        uow.workers.bulk_add(items, user="uji", now=now)
        uow.commit()


def test_the_model_reads_rows_in_blocks(qtbot, styled_app, ui_context, monkeypatch):  # type: ignore[no-untyped-def]
    _bulk(ui_context, 1000)
    recorder = Recorder(monkeypatch, ui_context.registry, "summaries")
    page = WorkersPage(ui_context)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1000)
    assert page.countLabel.text() == "1.000 pekerja"
    qtbot.waitUntil(lambda: len(recorder.calls) >= 1)  # the first paint asks for the first block
    assert len(recorder.calls) <= 2  # only the first screen's block(s), never all 1,000 rows
    assert all(len(ids) <= BLOCK_SIZE for (ids,) in recorder.calls)

    page.table.scrollToBottom()
    last_block_first_id = page.model.ids()[(999 // BLOCK_SIZE) * BLOCK_SIZE]
    qtbot.waitUntil(lambda: any(ids[0] == last_block_first_id for (ids,) in recorder.calls))
    fetched = sum(len(ids) for (ids,) in recorder.calls)
    assert fetched <= 3 * BLOCK_SIZE
    assert page.model.data(page.model.index(999, 0)) == "Pekerja 00999"


def test_selection_stays_on_the_same_worker_after_refresh(qtbot, page, add_worker):  # type: ignore[no-untyped-def]
    for name in ("Ahmadi", "Bob Fauzi", "Irman", "Munip"):
        add_worker(name)
    page.refresh(wait=True)
    irman = page.model.id_at(2)
    page.select_row(2)
    qtbot.keyClicks(page.searchEdit, "m")  # Ahmadi, Irman, Munip match
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.selected_id() == irman
    assert page.editButton.isEnabled()


def test_deactivate_keeps_the_record_and_hides_it_from_the_active_list(qtbot, page, ui_context, add_worker):  # type: ignore[no-untyped-def]
    worker = add_worker("Munip")
    add_worker("Ahmadi")
    page.refresh(wait=True)
    assert page.select_worker(worker.id)

    page.deactivateButton.click()
    dialog = page.dialog
    assert isinstance(dialog, DeactivateDialog)
    status = dialog.findChild(QWidget, "deactivateStatusCombo")
    status.setCurrentIndex(status.findData(WorkerStatus.DECEASED.value))
    qtbot.keyClicks(dialog.findChild(QWidget, "deactivateReasonEdit"), "surat kematian dari desa")
    with qtbot.waitSignal(page.workersChanged):
        qtbot.mouseClick(dialog.findChild(QWidget, "deactivateButton"), Qt.MouseButton.LeftButton)

    saved = ui_context.registry.get(worker.id)
    assert saved.status is WorkerStatus.DECEASED
    assert saved.end_reason == "surat kematian dari desa"
    assert saved.end_date == date(2026, 11, 24)
    qtbot.waitUntil(lambda: names(page) == ["Ahmadi"])

    page.statusFilter.setCurrentIndex(page.statusFilter.findData("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    row = page.model.row_of(worker.id)
    assert page.model.data(page.model.index(row, 9)) == "Meninggal"


def test_deactivating_twice_says_why_in_the_dialog(qtbot, page, ui_context, add_worker):  # type: ignore[no-untyped-def]
    worker = add_worker("Munip")
    page.refresh(wait=True)
    page.select_worker(worker.id)
    page.deactivateButton.click()
    dialog = page.dialog
    ui_context.registry.deactivate(worker.id, WorkerStatus.INACTIVE, end_date=date(2026, 11, 1))
    qtbot.mouseClick(dialog.findChild(QWidget, "deactivateButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.messageLabel.text()  # the registry's sentence, not a crash


def test_double_click_opens_the_worker(qtbot, page, add_worker):  # type: ignore[no-untyped-def]
    worker = add_worker("Munip")
    page.refresh(wait=True)
    view = page.table
    rect = view.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.dialog is not None)
    assert page.dialog.worker_id == worker.id
    assert page.dialog.ui.nameEdit.text() == "Munip"


def test_fast_typing_asks_only_for_the_latest_text(qtbot, page, add_worker, monkeypatch):  # type: ignore[no-untyped-def]
    add_worker("Munip")
    add_worker("Bob Fauzi")
    page.refresh(wait=True)
    recorder = Recorder(monkeypatch, page._context.registry, "search_ids")
    for text in ("b", "bo", "bob"):
        page.searchEdit.setText(text)  # three keystrokes before the first answer comes back
    qtbot.waitUntil(lambda: not page.model.busy)
    assert names(page) == ["Bob Fauzi"]
    assert [q.text for (q,) in recorder.calls] in (["b", "bob"], ["bob"])
