"""The verify dialog of the cards page at the office, used as a clerk would (a USB scanner types the QR
text and Enter): a card printed at a village laptop is genuine and the dialog names the station; the same
text altered is refused."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from cards_support import decode_qr, render_pages  # noqa: E402

from jamsos_desktop.app import open_context  # noqa: E402
from jamsos_desktop.domain.cards import CardLayout  # noqa: E402
from jamsos_desktop.domain.worker import WorkerData  # noqa: E402
from jamsos_desktop.domain.worker_types import Sex  # noqa: E402

RIAS = "19.03.01.2008"


def _on(path: Path, action):  # type: ignore[no-untyped-def]
    ctx = open_context(data_dir=path)
    try:
        return action(ctx)
    finally:
        ctx.close()


def test_the_office_verify_dialog_names_the_station_that_printed_a_card(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.cards import PrintRequest, Selection

    office, station = tmp_path / "office", tmp_path / "rias"
    prov, pkg, pdf = tmp_path / "rias.station", tmp_path / "rias.jamsync", tmp_path / "card.pdf"
    _on(office, lambda c: c.sync.register_station("Rias", [RIAS], prov))
    _on(station, lambda c: c.sync.join(prov))
    worker = WorkerData(name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS,
                        nik="1903011208902835")  # fmt: skip
    _on(station, lambda c: c.registry.register(worker))
    request = PrintRequest(Selection(niks=("1903011208902835",)), layout=CardLayout.SINGLE)
    printed = _on(station, lambda c: c.cards.print_cards(request, pdf))
    assert printed.serials[0].split("-")[1] == "RA"
    (text,) = decode_qr(render_pages(pdf))
    _on(station, lambda c: c.sync.export(pkg))
    _on(office, lambda c: c.sync.import_package(pkg))

    from jamsos_desktop.ui.cards.page import CardsPage

    ctx = open_context(data_dir=office)
    try:
        page = CardsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        # The page counts the cards not printed yet in the background; let that finish first.
        qtbot.waitUntil(lambda: "\u2026" not in page.pendingLabel.text(), timeout=30_000)
        dialog = page.open_verify()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.qrEdit, text)
        with qtbot.waitSignal(dialog.verified) as checked:
            qtbot.keyClick(dialog.qrEdit, "\r")
        result = checked.args[0]
        assert result.valid and result.station == "Rias" and result.serial == printed.serials[0]
        shown = dialog.resultLabel.text()
        assert "ASLI" in shown and "Rias" in shown and printed.serials[0] in shown
        parts = text.split("|")
        parts[3] = "MUNIR"
        dialog.qrEdit.setText("|".join(parts))
        with qtbot.waitSignal(dialog.verified) as checked:
            dialog.check()
        assert not checked.args[0].valid and "PALSU" in dialog.resultLabel.text()
        dialog.close()
        page.close()
    finally:
        ctx.close()
