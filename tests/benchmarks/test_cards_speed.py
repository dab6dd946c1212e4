"""Printing 1,768 signed cards (the Bangka Selatan launch) against a floor measured in the same run.

Floor: bare reportlab + segno for the same cards: each card's QR text (same length as ours, ~140
characters) encoded by segno and drawn as one reportlab path with a square per dark module, plus the
card's texts, fronts only, ten to an A4 page. Target: the real service (select in SQL, sign with Ed25519, encode, draw
fronts and backs, write atomically, record every print) takes at most 0.2 x the floor.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bench_support import record
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.cards import format_serial, payload_fields
from jamsos_desktop.services.card_keys import Signer
from jamsos_desktop.services.cards import PrintRequest, Selection

CARDS = 1768
TARGET_RATIO = 0.2

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]


def _floor(subjects, out: Path) -> float:  # type: ignore[no-untyped-def]
    import segno
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    signer = Signer(Ed25519PrivateKey.generate())
    texts = []
    for n, s in enumerate(subjects, start=1):
        message = payload_fields(s, format_serial(2026, n)).message()
        texts.append(f"{message}|{signer.sign(message.encode('ascii'))}")
    start = time.perf_counter()
    c = Canvas(str(out), pagesize=A4)
    for i, (s, text) in enumerate(zip(subjects, texts, strict=True)):
        slot = i % 10
        x = 20 * mm + (slot % 2) * 90 * mm
        y = 260 * mm - (slot // 2) * 56 * mm
        qr = segno.make_qr(text, error="m", boost_error=False)
        module = 23 * mm / len(qr.matrix)
        path = c.beginPath()
        for r, row in enumerate(qr.matrix):
            for col, dark in enumerate(row):
                if dark:
                    path.rect(x + 60 * mm + col * module, y - r * module, module, module)
        c.drawPath(path, stroke=0, fill=1)
        c.drawString(x, y, s.name)
        c.drawString(x, y - 10 * mm, s.nik or "Belum ada NIK")
        c.drawString(x, y - 20 * mm, s.kpj or "KPJ menyusul")
        c.drawString(x, y - 30 * mm, s.village_name)
        if slot == 9:
            c.showPage()
    c.save()
    return time.perf_counter() - start


def test_1768_signed_cards_within_a_fifth_of_bare_reportlab_and_segno(tmp_path: Path) -> None:
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.services.programme_demo import seed_demo_programme
    from jamsos_desktop.services.qr import encoder_name

    ctx = open_context(data_dir=tmp_path / "data")
    try:
        from datetime import datetime

        now = datetime(2025, 9, 1, 9, 0)
        generate_demo(
            ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=1900, seed=2025, now=now, user="b"
        )
        seed_demo_programme(ctx.unit_of_work, now=now, seed=2025)
        ids = tuple(ctx.cards.select(Selection())[:CARDS])
        assert len(ids) == CARDS
        with ctx.unit_of_work() as uow:
            subjects = uow.cards.subjects(ids)
        floor = _floor(subjects, tmp_path / "floor.pdf")

        out = tmp_path / "cards.pdf"
        start = time.perf_counter()
        outcome = ctx.cards.print_cards(PrintRequest(Selection(worker_ids=ids)), out)
        ours = time.perf_counter() - start
    finally:
        ctx.close()
    assert outcome.cards == CARDS and outcome.pages == 2 * ((CARDS + 9) // 10)
    ratio = ours / floor
    record("cards_encoder", encoder_name())
    record("cards_1768_s", round(ours, 2))
    record("cards_per_s", round(CARDS / ours))
    record("cards_floor_reportlab_segno_s", round(floor, 2))
    record("cards_floor_per_s", round(CARDS / floor))
    record("cards_ratio", round(ratio, 3))
    record("cards_pdf_mb", round(out.stat().st_size / 1e6, 1))
    assert ratio <= TARGET_RATIO, f"{ours:.2f} s vs floor {floor:.2f} s (ratio {ratio:.2f})"
