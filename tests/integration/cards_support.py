"""Helpers of the card tests: a small demo registry with its programme, and reading PDFs back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

NOW = datetime(2026, 11, 24, 9, 0)


def fill_demo(ctx, workers: int = 60) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services.demo import generate_demo
    from jamsos_desktop.services.programme_demo import seed_demo_programme

    generate_demo(
        ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=workers, seed=7, now=NOW, user="uji"
    )
    seed_demo_programme(ctx.unit_of_work, now=NOW, seed=7)


def render_pages(pdf: Path, dpi: int = 200) -> list:  # type: ignore[type-arg]
    """Every page as a PIL image at ``dpi`` (pdfium renders, as a printer driver would)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].render(scale=dpi / 72).to_pil() for i in range(len(doc))]
    finally:
        doc.close()


def decode_qr(images) -> list[str]:  # type: ignore[no-untyped-def]
    """Texts of every QR code found by a real reader (ZXing C++) on the images, each once per image (the
    reader now and then reports one symbol twice; the signed texts differ per run, so a test saw it rarely)."""
    import zxingcpp

    found: list[str] = []
    for image in images:
        texts = [r.text for r in zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)]
        found.extend(dict.fromkeys(texts))
    return found


def pdf_text(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]
