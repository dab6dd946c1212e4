"""The cards page driven as a clerk would: make cards in the background, preview them with QtPdf,
print to a (PDF) printer in the background, verify a card by typing its QR text, run a handover."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from cards_support import decode_qr, fill_demo, render_pages  # noqa: E402

from jamsos_desktop.app import open_context  # noqa: E402


@pytest.fixture
def ctx(tmp_path: Path):  # type: ignore[no-untyped-def]
    context = open_context(data_dir=tmp_path / "data")
    context.clock = lambda: datetime(2026, 11, 24, 9, 0)
    context.user = lambda: "petugas.ui"
    fill_demo(context, workers=40)
    yield context
    context.close()


@pytest.fixture
def page(qtbot, ctx):  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.cards.page import CardsPage

    widget = CardsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitUntil(lambda: widget.pendingList.count() > 0)
    return widget


def test_make_preview_print_and_verify(qtbot, page, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    assert page.objectName() == "cardsPage"
    pending_before = len(ctx.cards.pending())
    page.villageRadio.setChecked(True)
    village = ctx.cards.pending()[0].village_code
    page.villageCombo.setCurrentIndex(page.villageCombo.findData(village))
    page.layoutCombo.setCurrentIndex(page.layoutCombo.findData("single"))
    with qtbot.waitSignal(page.documentReady, timeout=60_000) as ready:
        page.createButton.click()
    path = Path(ready.args[0])
    assert path.exists()
    qtbot.waitUntil(lambda: page.document.pageCount() > 0)
    in_village = pending_before - len(ctx.cards.pending())
    assert in_village > 0 and page.document.pageCount() == 2 * in_village
    assert page.saveButton.isEnabled() and page.printButton.isEnabled()

    saved = page.save_pdf(str(tmp_path / "copy.pdf"))
    assert saved is not None and saved.read_bytes() == path.read_bytes()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(200)
    with qtbot.waitSignal(page.printFinished, timeout=60_000) as done:
        page.print_to(printer)
    assert done.args[0] == page.document.pageCount()
    # What reached the printer still scans: the first card's QR decodes and verifies.
    texts = decode_qr(render_pages(tmp_path / "printed.pdf", dpi=200)[:1])
    assert texts and ctx.cards.verify(texts[0]).valid

    dialog = page.open_verify()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.qrEdit, texts[0])
    with qtbot.waitSignal(dialog.verified) as checked:
        qtbot.keyClick(dialog.qrEdit, "\r")
    assert checked.args[0].valid
    assert "ASLI" in dialog.resultLabel.text()
    dialog.qrEdit.setText(texts[0][:-3] + "AAA")
    with qtbot.waitSignal(dialog.verified) as checked:
        dialog.check()
    assert not checked.args[0].valid
    dialog.close()


def test_reprint_without_reason_is_refused_with_a_sentence(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.allRadio.setChecked(True)
    with qtbot.waitSignal(page.documentReady, timeout=60_000):
        page.createButton.click()
    with qtbot.waitSignal(page.jobFailed, timeout=60_000) as failed:
        page.createButton.click()
    assert "alasan" in failed.args[0]
    page.reasonCombo.setCurrentIndex(page.reasonCombo.findData("damaged"))
    with qtbot.waitSignal(page.documentReady, timeout=60_000):
        page.createButton.click()


def test_cancel_leaves_nothing(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.allRadio.setChecked(True)
    job = page.create_cards()
    assert job is not None
    job.cancel()
    with qtbot.waitSignal(page.jobFailed, timeout=60_000) as failed:
        pass
    assert "dibatalkan" in failed.args[0]
    assert ctx.cards.count_printed() == 0
    assert not list((ctx.data_dir / "cards").glob("*.pdf"))


def test_handover_event_from_the_page(qtbot, page, ctx) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    page.eventNameEdit.setText("Penyerahan simbolis kartu")
    page.eventPlaceEdit.setText("Ruang Rapat Gunung Namak")
    page.officialsEdit.setPlainText("Wakil Bupati Bangka Selatan")
    event_id = page.create_event()
    assert event_id is not None and page.current_event() == event_id
    page.recipientSearch.setText("Ahmadi")
    qtbot.keyClick(page.recipientSearch, "\r")
    assert page.candidateList.count() >= 1
    page.addRecipientButton.click()
    assert page.recipientList.count() == 1
    with qtbot.waitSignal(page.documentReady, timeout=60_000):
        page.ceremonyButton.click()
    assert page.document.pageCount() == 2
    with qtbot.waitSignal(page.documentReady, timeout=60_000) as ready:
        page.minutesButton.click()
    assert "berita-acara" in ready.args[0]
