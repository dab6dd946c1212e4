"""Dashboard snapshot and reports against a real SQLite file, read back as PDF text, rendered pages and
spreadsheet cells; the ``report`` command's JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from jamsos_desktop.domain.calendar import ActionList
from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.services.demo import generate_demo
from jamsos_desktop.services.reports import ReportFilters, ReportName

NOW = datetime(2026, 3, 20, 9, 0)  # Feb 2026 (first self-paid month) is past due, March is due


@pytest.fixture
def bangka(context):  # type: ignore[no-untyped-def]
    """1,768 workers of 2,000 in the Bangka Selatan programme (Aug 2025, 6 months, Rp16.800);
    the regency paid August-October; the Kepala Dinas is named in the settings."""
    context.clock = lambda: NOW
    generate_demo(
        context.unit_of_work,
        context.region_table(),
        context.regency(),
        workers=2_000,
        seed=5,
        now=NOW,
        user="t",
    )
    active = (WorkerStatus.DRAFT, WorkerStatus.VERIFIED, WorkerStatus.REGISTERED)
    ids = sorted(context.registry.search_ids(WorkerQuery(statuses=active)))[:1_768]
    p = context.programmes.create(
        ProgrammeData(
            "Bangka Selatan 2025",
            (Funder("APBD Kabupaten Bangka Selatan", FunderKind.APBD_KABUPATEN),),
            Month.of(2025, 8),
            6,
        )
    )
    assert context.programmes.enrol(p.id, worker_ids=ids).enrolled == 1_768
    fid = context.programmes.get(p.id).funders[0].id
    context.payments.record_funder_payment(
        p.id, funder_id=fid, invoice="INV/BPU/1903/2025/001", first="2025-08", last="2025-10",
        amount=1_768 * 16_800 * 3, paid_on=date(2025, 11, 14),
    )  # fmt: skip
    for key, value in {
        "office_name": "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
        "office_address": "Jl. Raya Gunung Namak, Toboali",
        "head_name": "Drs. H. Ahmad Fauzi, M.Si.",
        "head_nip": "196805121994031007",
        "office_city": "Toboali",
    }.items():
        context.settings.set(key, value)
    return context, p


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def assert_pages_not_blank(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for i in range(min(len(pdf), 3)):
        image = pdf[i].render(scale=0.5).to_pil().convert("L")
        lo, hi = image.getextrema()
        dark = sum(image.histogram()[:128])
        assert hi - lo > 100 and dark > 500, (path, i)
    return len(pdf)


def test_budget_realisation_pdf_has_the_regents_figures(bangka, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, p = bangka
    out = ctx.reports.generate("budget", tmp_path / "realisasi.pdf", ReportFilters(programme_id=p.id))
    assert out.pages == 1 and not list(tmp_path.glob(".*part"))
    text = pdf_text(out.path)
    flat = " ".join(text.split())
    assert "PEMERINTAH KABUPATEN BANGKA SELATAN" in flat
    assert "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK" in flat
    assert "Jl. Raya Gunung Namak, Toboali" in flat
    assert "1.768 peserta × Rp16.800 × 6 bulan = Rp178.214.400" in flat
    assert "Realisasi s.d. 20 Maret 2026: Rp89.107.200 (50,0 %); sisa Rp89.107.200" in flat
    assert "INV/BPU/1903/2025/001" in flat
    assert "Toboali, 20 Maret 2026" in flat
    assert "Drs. H. Ahmad Fauzi, M.Si." in flat and "NIP. 196805121994031007" in flat
    assert assert_pages_not_blank(out.path) == 1


def test_budget_realisation_xlsx_types(bangka, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    ctx, p = bangka
    out = ctx.reports.generate("budget", tmp_path / "realisasi.xlsx", ReportFilters(programme_id=p.id))
    wb = load_workbook(out.path)
    assert wb.sheetnames == ["Per Penyandang Dana", "Per Kecamatan", "Per Bulan"]
    ws = wb["Per Penyandang Dana"]
    header = next(r for r in range(1, 15) if ws.cell(r, 1).value == "Penyandang dana")
    assert ws.freeze_panes == f"A{header + 1}" and ws.auto_filter.ref.startswith(f"A{header}:")
    row = [c for c in ws[header + 1]]
    assert row[0].value == "APBD Kabupaten Bangka Selatan"
    assert (row[1].value, row[2].value, row[3].value, row[4].value) == (
        1_768,
        178_214_400,
        89_107_200,
        89_107_200,
    )
    assert isinstance(row[2].value, int) and "Rp" in row[2].number_format
    districts = wb["Per Kecamatan"]
    total = next(r for r in districts.iter_rows(values_only=True) if r and r[0] == "JUMLAH")
    assert total[1:5] == (1_768, 178_214_400, 89_107_200, 89_107_200)


def test_lists_keep_nik_as_text_and_neutralise_formulas(bangka, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    ctx, p = bangka
    # Everyone becomes self-paying in February 2026.
    out = ctx.reports.generate(
        "self-paying", tmp_path / "mandiri.xlsx", ReportFilters(Month.of(2026, 2), p.id)
    )
    assert out.rows == 1_768
    ws = load_workbook(out.path)["Mulai Mandiri"]
    header = next(r for r in range(1, 15) if ws.cell(r, 1).value == "No")
    first = ws[header + 1]
    assert isinstance(first[2].value, str) and len(first[2].value) == 16 and first[2].number_format == "@"
    assert first[3].number_format == "@"
    for row in ws.iter_rows(min_row=header + 1, values_only=True):
        for value in row:
            assert not (isinstance(value, str) and value[:1] in "=+-@"), value
    pdf = ctx.reports.generate(
        "self-paying", tmp_path / "mandiri.pdf", ReportFilters(Month.of(2026, 2), p.id)
    )
    text = pdf_text(pdf.path)
    assert "1.768 pekerja dibiayai sampai Januari 2026" in " ".join(text.split())
    assert first[2].value not in text  # the printed list masks the NIK
    assert_pages_not_blank(pdf.path)


def test_inactive_report_is_the_calendars_list(bangka, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, p = bangka
    ctx.clock = lambda: datetime(2026, 6, 20, 9, 0)
    expected = ctx.calendar.action_count(ActionList.INACTIVE, p.id)
    assert expected > 0
    out = ctx.reports.generate("inactive", tmp_path / "nonaktif.xlsx", ReportFilters(programme_id=p.id))
    assert out.rows == expected
    toboali = ctx.reports.generate(
        "inactive", tmp_path / "nonaktif-toboali.xlsx", ReportFilters(programme_id=p.id, region="19.03.01")
    )
    assert 0 < toboali.rows < expected


def test_dashboard_status_agrees_with_the_calendar(bangka) -> None:  # type: ignore[no-untyped-def]
    ctx, p = bangka
    for day in (NOW, datetime(2026, 6, 20, 9, 0), datetime(2026, 12, 1, 9, 0)):
        ctx.clock = lambda day=day: day
        snap = ctx.dashboard.snapshot(p.id)
        assert snap.status.late == ctx.calendar.action_count(ActionList.LATE, p.id)
        assert snap.status.inactive == ctx.calendar.action_count(ActionList.INACTIVE, p.id)
        assert snap.status.total == snap.enrolled == 1_768


def test_dashboard_snapshot_figures(bangka) -> None:  # type: ignore[no-untyped-def]
    ctx, p = bangka
    ctx.clock = lambda: datetime(2026, 1, 10, 9, 0)  # funding ends this month for everyone
    snap = ctx.dashboard.snapshot()
    assert snap.programme is not None and snap.programme.id == p.id
    assert [d.name for d in snap.districts][:2] == ["Toboali", "Lepar"] and len(snap.districts) == 8
    assert snap.enrolled == 1_768 and snap.registered >= 1_768 and snap.carded == 0
    assert (snap.ending_this_month, snap.ending_next_month) == (1_768, 0)
    paid = {str(m.month): m.funder_paid for m in snap.payments}
    assert paid["2025-08"] == paid["2025-10"] == 1_768 * 16_800 and paid["2025-11"] == 0
    assert snap.status.active == 1_768


def test_every_report_in_both_formats(bangka, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, p = bangka
    for name in ReportName:
        pdf = ctx.reports.generate(name, tmp_path / f"{name.value}.pdf", ReportFilters(programme_id=p.id))
        assert pdf.pages and assert_pages_not_blank(pdf.path) == pdf.pages or pdf.pages > 3
        assert "PEMERINTAH KABUPATEN BANGKA SELATAN" in pdf_text(pdf.path)
        xlsx = ctx.reports.generate(name, tmp_path / f"{name.value}.xlsx", ReportFilters(programme_id=p.id))
        assert xlsx.path.stat().st_size > 3000 and xlsx.pages is None


def test_reports_without_programme_and_bad_filters(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.errors import JamsosError

    out = context.reports.generate("recap", tmp_path / "rekap.pdf")
    assert out.pages == 2 and "JUMLAH SELURUHNYA" in pdf_text(out.path)  # 53 villages, 8 subtotals
    with pytest.raises(JamsosError) as err:
        context.reports.generate("budget", tmp_path / "b.pdf")
    assert err.value.code == "report.no_programme"
    with pytest.raises(JamsosError) as err:
        context.reports.generate("recap", tmp_path / "b.docx")
    assert err.value.code == "report.format"
    with pytest.raises(JamsosError) as err:
        context.reports.generate("recap", tmp_path / "b.pdf", ReportFilters(region="19.09.01"))
    assert err.value.code == "report.region_unknown"
    assert not (tmp_path / "b.pdf").exists()


def test_report_command_json(bangka, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.cli.main import run

    ctx, p = bangka

    def opener(**_: object):  # type: ignore[no-untyped-def]
        return ctx

    ctx.close = lambda: None  # the fixture closes it
    assert run(["--json", "report", "list"], opener) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in listed["reports"]] == [
        "recap", "monthly", "budget", "self-paying", "inactive", "occupations",
    ]  # fmt: skip
    target = tmp_path / "anggaran.pdf"
    assert run(["--json", "report", "budget", "--out", str(target), "--program", str(p.id)], opener) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {"name": "budget", "path": str(target), "rows": 15, "pages": 1}
    target = tmp_path / "bulanan.xlsx"
    code = run(
        ["--json", "report", "monthly", "--out", str(target), "--month", "2026-02", "--district", "19.03.01"],
        opener,
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows"] == 1 and "pages" not in data and target.exists()
    assert run(["--json", "report", "nope", "--out", str(target)], opener) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "report.unknown"
    assert run(["--json", "report", "recap", "--out", str(tmp_path / "x.txt")], opener) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "report.format"


def test_a_list_too_long_to_print_becomes_counts_per_village(bangka, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services import reports

    ctx, p = bangka
    monkeypatch.setattr(reports, "MAX_PRINTED_ROWS", 1_000)
    out = ctx.reports.generate(
        "self-paying", tmp_path / "panjang.pdf", ReportFilters(Month.of(2026, 2), p.id)
    )
    text = " ".join(pdf_text(out.path).split())
    assert "Daftar ini berisi 1.768 pekerja, terlalu panjang untuk dicetak" in text
    assert "Jumlah per desa/kelurahan" in text and out.pages <= 3
    full = ctx.reports.generate(
        "self-paying", tmp_path / "panjang.xlsx", ReportFilters(Month.of(2026, 2), p.id)
    )
    assert full.rows == 1_768  # the workbook keeps every worker
