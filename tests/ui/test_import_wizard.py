"""The import wizard driven as a clerk would: pick the sample, map a column, preview, save, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from jamsos_desktop.domain.excel_rules import Column
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.services.excel_import import Outcome
from jamsos_desktop.ui.workers.import_wizard import ImportWizard

SAMPLE = Path("/work/shared/samples/contoh_daftar_pekerja.xlsx")
_HERE = Path(__file__).resolve()
for _candidate in (_HERE.parents[3] / "shared" / "samples" / "contoh_daftar_pekerja.xlsx", SAMPLE):
    if _candidate.exists():
        SAMPLE = _candidate
        break


@pytest.fixture
def wizard(qtbot, ui_context):  # type: ignore[no-untyped-def]
    dialog = ImportWizard(ui_context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preview_then_commit_then_report(qtbot, wizard: ImportWizard, ui_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert wizard.objectName() == "importWizard"
    wizard.set_path(SAMPLE)
    with qtbot.waitSignal(wizard.previewReady, timeout=60_000):
        qtbot.mouseClick(wizard.readButton, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == ImportWizard.PAGE_PREVIEW
    model = wizard.previewTable.model()
    assert model.rowCount() == 32  # 30 data rows + totals + signature line
    assert "23 baru" in wizard.summaryLabel.text() and "7 ditolak" in wizard.summaryLabel.text()
    # Row 20 (numeric NIK): rejected, red, and the NIK cell says why in its tooltip.
    row = next(i for i in range(model.rowCount()) if model.index(i, 0).data() == 20)
    assert model.index(row, 1).data() == "Ditolak"
    assert "15 digit" in model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert ui_context.registry.stats().total == 0  # nothing saved before the clerk agrees

    assert wizard.commitButton.isEnabled() and "23" in wizard.commitButton.text()
    with qtbot.waitSignal(wizard.committed, timeout=60_000):
        qtbot.mouseClick(wizard.commitButton, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == ImportWizard.PAGE_DONE
    assert ui_context.registry.stats().total == 23
    assert list((ui_context.data_dir / "backups").glob("*-import.sqlite3")), "no backup before the import"

    target = tmp_path / "laporan.xlsx"
    wizard.choose_report_path = lambda suggested: str(target)  # type: ignore[method-assign]
    with qtbot.waitSignal(wizard.reportSaved, timeout=60_000):
        qtbot.mouseClick(wizard.reportButton, Qt.MouseButton.LeftButton)
    assert target.exists() and load_workbook(target).sheetnames[0] == "Laporan Impor"


def test_unknown_column_is_mapped_by_the_clerk(
    qtbot, wizard: ImportWizard, ui_context, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    book = Workbook()
    book.active.append(["NIK", "Nama", "L/P", "Tgl Lahir", "Kampung"])
    book.active.append(["1903011208902835", "Yusuf", "L", "12-08-1990", "Rias"])
    path = tmp_path / "aneh.xlsx"
    book.save(path)
    wizard.choose_file = lambda: str(path)  # type: ignore[method-assign]
    with qtbot.waitSignal(wizard.previewReady, timeout=60_000):
        wizard._browse()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == ImportWizard.PAGE_MAPPING)
    assert not wizard.busy()
    wizard.set_mapping(4, Column.VILLAGE)
    with qtbot.waitSignal(wizard.previewReady, timeout=60_000) as blocker:
        qtbot.mouseClick(wizard.mappingButton, Qt.MouseButton.LeftButton)
    assert blocker.args[0].rows[0].outcome is Outcome.IMPORT
    with qtbot.waitSignal(wizard.committed, timeout=60_000):
        qtbot.mouseClick(wizard.commitButton, Qt.MouseButton.LeftButton)
    saved = ui_context.registry.list(WorkerQuery())
    assert [w.village_code for w in saved] == ["19.03.01.2008"]


def test_a_bad_file_shows_one_sentence(qtbot, wizard: ImportWizard, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "daftar.xlsx"
    path.write_bytes(b"%PDF-1.4\n")
    wizard.set_path(path)
    with qtbot.waitSignal(wizard.failed, timeout=60_000) as blocker:
        qtbot.mouseClick(wizard.readButton, Qt.MouseButton.LeftButton)
    assert "PDF" in blocker.args[0] and "\n" not in blocker.args[0]
    assert wizard.stack.currentIndex() == ImportWizard.PAGE_FILE and wizard.stack.isEnabled()


def test_the_workers_page_opens_the_wizard_and_refreshes_after_saving(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.app import open_context
    from jamsos_desktop.ui.workers.page import WorkersPage

    ctx = open_context(data_dir=tmp_path / "page")
    try:
        page = WorkersPage(ctx)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: not page.model.busy)
        assert page.model.rowCount() == 0
        wizard = page.import_list()
        assert wizard.isVisible()
        with qtbot.waitSignal(page.model.searchFinished, timeout=20_000):
            wizard.committed.emit(object())  # what the wizard emits once rows are saved
        wizard.close()
    finally:
        ctx.close()
