"""Cards on a real SQLite database: print records, reprint reasons, handout order, handover events,
and the PDFs read back: every QR decoded by a real reader at 200 dpi and verified, text extracted."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

import pytest
from cards_support import decode_qr, fill_demo, pdf_text, render_pages

from jamsos_desktop.domain.cards import CardError, CardLayout, CardReason
from jamsos_desktop.domain.normalize import search_key
from jamsos_desktop.services.cards import PrintRequest, Selection
from jamsos_desktop.services.cards_demo import REPRESENTATIVES, seed_demo_handover


@pytest.fixture
def ctx(context):  # type: ignore[no-untyped-def]
    fill_demo(context)
    return context


def _village_with_workers(ctx) -> str:  # type: ignore[no-untyped-def]
    pending = ctx.cards.pending()
    counts: dict[str, int] = {}
    for p in pending:
        counts[p.village_code] = counts.get(p.village_code, 0) + 1
    return max(counts, key=lambda code: counts[code])


def test_pending_list_is_in_handout_order_and_shrinks_after_printing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pending = ctx.cards.pending()
    assert pending, "the demo has active workers"
    keys = [(p.district_name, p.village_name, search_key(p.name)) for p in pending]
    assert keys == sorted(keys)
    village = _village_with_workers(ctx)
    in_village = ctx.cards.pending(village_codes=[village])
    outcome = ctx.cards.print_cards(PrintRequest(Selection(village_codes=(village,))), tmp_path / "v.pdf")
    assert outcome.cards == len(in_village)
    left = ctx.cards.pending()
    assert len(left) == len(pending) - len(in_village)
    assert all(p.village_code != village for p in left)


def test_every_print_is_recorded_and_a_reprint_needs_a_reason(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = ctx.cards.pending()[0]
    nik = first.nik
    assert nik
    request = PrintRequest(Selection(niks=(nik,)), layout=CardLayout.SINGLE)
    outcome = ctx.cards.print_cards(request, tmp_path / "one.pdf")
    assert (outcome.cards, outcome.pages) == (1, 2)
    with pytest.raises(CardError) as info:
        ctx.cards.print_cards(request, tmp_path / "again.pdf")
    assert info.value.code == "card.reprint_reason"
    assert not (tmp_path / "again.pdf").exists()
    with pytest.raises(CardError):
        ctx.cards.print_cards(replace(request, reason=CardReason.FIRST_ISSUE), tmp_path / "again.pdf")
    again = ctx.cards.print_cards(replace(request, reason=CardReason.LOST), tmp_path / "again.pdf")
    assert again.reprints == 1 and again.serials != outcome.serials
    history = ctx.cards.history(first.worker_id)
    assert [(p.reason, p.layout, p.printed_by) for p in history] == [
        (CardReason.FIRST_ISSUE, CardLayout.SINGLE, "petugas.uji"),
        (CardReason.LOST, CardLayout.SINGLE, "petugas.uji"),
    ]
    assert history[0].printed_at == ctx.clock()
    assert ctx.cards.count_printed() == 2
    # The lost card still verifies as genuine but says it was replaced.
    old_text = next(t for t in decode_qr(render_pages(tmp_path / "one.pdf")) if t.startswith("JS1|"))
    check = ctx.cards.verify(old_text)
    assert check.valid and check.code == "card.verify_superseded"
    assert check.superseded_by == again.serials[0]


def test_sheet_pdf_every_qr_decodes_at_200_dpi_and_verifies(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A worker without KPJ and one with an 80-character name are among the printed ones.
    ids = ctx.cards.select(Selection())[:23]
    out = tmp_path / "sheet.pdf"
    outcome = ctx.cards.print_cards(PrintRequest(Selection(worker_ids=tuple(ids))), out)
    assert outcome.cards == 23
    assert outcome.pages == 6  # 3 sheets, fronts and backs
    images = render_pages(out, dpi=200)
    assert len(images) == 6
    texts = decode_qr(images)
    assert len(texts) == 23
    assert sorted(t.split("|")[1] for t in texts) == sorted(outcome.serials)
    for text in texts:
        check = ctx.cards.verify(text)
        assert check.valid and check.code == "card.verify_ok", check
    pages = pdf_text(out)
    fronts = " ".join(" ".join(pages[i].split()) for i in (0, 2, 4))
    with ctx.unit_of_work() as uow:
        names = [s.name for s in uow.workers.summaries(ids)]
    for name in names:
        assert " ".join(name.split()) in fronts
    assert any(not s.kpj for s in uow_summaries(ctx, ids)) == ("KPJ menyusul" in fronts)
    backs = pages[1]
    assert "Setelah itu Rp16.800" in backs and "paling lambat tanggal 15 setiap bulan" in backs
    assert "Agustus 2025 \u2013 Januari 2026" in backs
    assert "175" in backs


def test_no_kpj_no_nik_and_long_names_print_honestly(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from jamsos_desktop.domain.worker import WorkerData
    from jamsos_desktop.domain.worker_types import Sex, WorkerStatus

    village = _village_with_workers(ctx)
    long_name = "Muhammad Abdurrahman Syaifuddin Al-Banjari bin Haji Abdul Wahid Sulaiman, S.Pd.I"
    assert len(long_name) == 80
    saved = ctx.registry.register(
        WorkerData(
            name=long_name,
            sex=Sex.MALE,
            birth_date=date(1980, 5, 1),
            village_code=village,
            no_nik=True,
            status=WorkerStatus.VERIFIED,
        )
    )
    worker_id = saved.worker.id
    out = tmp_path / "long.pdf"
    ctx.cards.print_cards(PrintRequest(Selection(worker_ids=(worker_id,)), layout=CardLayout.SINGLE), out)
    front = pdf_text(out)[0]
    assert "KPJ menyusul" in front
    assert "Belum ada NIK" in front
    flat = " ".join(front.split())
    assert long_name in flat, flat
    (text,) = decode_qr(render_pages(out, dpi=200)[:1])
    assert text.split("|")[2] == "-" and text.split("|")[4] == ""
    assert ctx.cards.verify(text).valid


def test_tampered_text_is_refused(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nik = ctx.cards.pending()[0].nik
    out = tmp_path / "t.pdf"
    ctx.cards.print_cards(PrintRequest(Selection(niks=(nik,)), layout=CardLayout.SINGLE), out)
    (text,) = decode_qr(render_pages(out)[:1])
    parts = text.split("|")
    parts[3] = "ORANG LAIN"
    check = ctx.cards.verify("|".join(parts))
    assert not check.valid and check.code == "card.verify_tampered"
    assert not ctx.cards.verify("bukan kartu").valid


def test_full_disk_leaves_no_file_and_records_nothing(ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    from jamsos_desktop.services import card_keys

    card_keys.load_signer(
        ctx.unit_of_work, ctx.data_dir
    )  # the key exists already; the PDF hits the full disk
    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "full.pdf"
    with pytest.raises(CardError) as info:
        ctx.cards.print_cards(PrintRequest(Selection()), out)
    assert info.value.code == "card.disk_full"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert ctx.cards.count_printed() == 0


def test_missing_logo_needs_consent(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work(write=True) as uow:
        uow.settings.set("office_logo", str(tmp_path / "no-such-logo.png"))
        uow.commit()
    assert ctx.cards.logo_problem()
    nik = ctx.cards.pending()[0].nik
    request = PrintRequest(Selection(niks=(nik,)), layout=CardLayout.SINGLE)
    with pytest.raises(CardError) as info:
        ctx.cards.print_cards(request, tmp_path / "logo.pdf")
    assert info.value.code == "card.logo_missing"
    outcome = ctx.cards.print_cards(replace(request, allow_missing_logo=True), tmp_path / "logo.pdf")
    assert outcome.warnings and outcome.cards == 1


def test_a_real_logo_is_drawn(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image, ImageDraw

    logo = tmp_path / "logo.png"
    image = Image.new("RGBA", (200, 240), (0, 0, 0, 0))
    ImageDraw.Draw(image).polygon([(100, 0), (200, 60), (170, 240), (30, 240), (0, 60)], fill=(200, 160, 30))
    image.save(logo)
    _set(ctx, "office_logo", str(logo))
    assert ctx.cards.logo_problem() is None
    nik = ctx.cards.pending()[0].nik
    out = tmp_path / "with-logo.pdf"
    ctx.cards.print_cards(PrintRequest(Selection(niks=(nik,)), layout=CardLayout.SINGLE), out)
    assert b"/Image" in out.read_bytes() or b"/XObject" in out.read_bytes()


def uow_summaries(ctx, ids):  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as uow:
        return uow.workers.summaries(ids)


def _set(ctx, key: str, value: str) -> None:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work(write=True) as uow:
        uow.settings.set(key, value)
        uow.commit()


def test_key_file_and_public_key(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nik = ctx.cards.pending()[0].nik
    out = tmp_path / "k.pdf"
    ctx.cards.print_cards(PrintRequest(Selection(niks=(nik,)), layout=CardLayout.SINGLE), out)
    key = ctx.data_dir / "keys" / "office_ed25519.pem"
    assert key.exists()
    if os.name == "posix":
        assert key.stat().st_mode & 0o777 == 0o600
    with ctx.unit_of_work() as uow:
        assert uow.settings.get("card_public_key")
    (text,) = decode_qr(render_pages(out)[:1])
    # A copy of the database without the key file still verifies, but refuses to sign with a new key.
    key.rename(tmp_path / "moved.pem")
    assert ctx.cards.verify(text).valid
    with pytest.raises(CardError) as info:
        ctx.cards.print_cards(
            PrintRequest(Selection(niks=(nik,)), layout=CardLayout.SINGLE, reason=CardReason.DAMAGED), out
        )
    assert info.value.code == "card.key_missing"


def test_handover_event_ceremony_cards_and_minutes(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = seed_demo_handover(ctx.unit_of_work, now=ctx.clock())
    assert seed_demo_handover(ctx.unit_of_work, now=ctx.clock()) == event_id
    recipients = ctx.cards.recipients(event_id)
    assert [r.name for r in recipients] == list(REPRESENTATIVES)
    event = ctx.cards.event(event_id)
    assert event.event_date.isoformat() == "2025-09-03" and "Gunung Namak" in event.place
    assert "Wakil Bupati" in event.officials

    cards = tmp_path / "ceremony.pdf"
    outcome = ctx.cards.print_ceremony(event_id, cards)
    assert (outcome.cards, outcome.pages) == (5, 10)
    images = render_pages(cards, dpi=100)
    assert images[0].width > images[0].height  # landscape
    texts = decode_qr(images)
    assert len(texts) == 5 and all(ctx.cards.verify(t).valid for t in texts)
    minutes = tmp_path / "ba.pdf"
    pages = ctx.cards.print_minutes(event_id, minutes)
    assert pages == 1
    text = " ".join(pdf_text(minutes))
    assert "BERITA ACARA SERAH TERIMA" in text
    assert "tiga bulan September tahun dua ribu dua puluh lima" in " ".join(text.split())
    for name in REPRESENTATIVES:
        assert name in text
    for serial in outcome.serials:
        assert serial in text
    # Ceremonial prints are recorded; a second one needs a reason.
    with pytest.raises(CardError):
        ctx.cards.print_ceremony(event_id, tmp_path / "again.pdf")
