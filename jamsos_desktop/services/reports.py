"""Reports for the office and the regent (*laporan*): recap per kecamatan and desa, the monthly
contribution report, APBD budget realisation, workers becoming self-paying, inactive members and
occupations.

Each report is first built as a :class:`ReportDocument` — titles, a few sentences and tables of plain
values — from SQL aggregates (``uow.reports``, ``PaymentService.budget``); :mod:`report_pdf` and
:mod:`report_xlsx` then lay the same document out as an A4 PDF with the office's letterhead or as an
Excel workbook. The format follows the file's extension. Files are written to a temporary file that
is renamed into place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from jamsos_desktop.domain.calendar import due_date, last_due_month
from jamsos_desktop.domain.errors import JamsosError, NotFoundError, UsageError
from jamsos_desktop.domain.formatting import (
    MONTHS_ID,
    format_date,
    format_money,
    format_number,
    format_short_date,
)
from jamsos_desktop.domain.programme import Month, Programme
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.services.ports import Clock, NullProgress, Progress, UnitOfWorkFactory

#: A printed list longer than this is replaced by counts per village (2,000 pages help nobody; the
#: workbook keeps every row, and a kecamatan or village filter gives a list that can be carried).
MAX_PRINTED_ROWS = 5_000

#: Settings read for the signature block (all optional; blanks leave dotted lines to fill by hand).
SIGNER_SETTINGS = ("head_name", "head_nip", "head_title", "office_city")


class ReportName(str, Enum):
    RECAP = "recap"
    MONTHLY = "monthly"
    BUDGET = "budget"
    SELF_PAYING = "self-paying"
    INACTIVE = "inactive"
    OCCUPATIONS = "occupations"

    @property
    def label(self) -> str:
        return REPORT_LABELS[self][0]

    @property
    def description(self) -> str:
        return REPORT_LABELS[self][1]

    @property
    def needs_programme(self) -> bool:
        return self not in (ReportName.RECAP, ReportName.OCCUPATIONS)


REPORT_LABELS: dict[ReportName, tuple[str, str]] = {
    ReportName.RECAP: (
        "Rekapitulasi per kecamatan dan desa",
        "Pekerja terdaftar, aktif, ber-KPJ, ikut program dan sudah berkartu per desa",
    ),
    ReportName.MONTHLY: (
        "Laporan iuran bulanan",
        "Iuran satu bulan per kecamatan: dibiayai pemda, mandiri, terlambat, nonaktif",
    ),
    ReportName.BUDGET: (
        "Realisasi anggaran APBD",
        "Rencana, realisasi dan sisa anggaran per penyandang dana, kecamatan dan tagihan",
    ),
    ReportName.SELF_PAYING: (
        "Pekerja mulai bayar mandiri",
        "Pekerja yang pembiayaannya berakhir: mulai membayar sendiri bulan itu (untuk dikunjungi)",
    ),
    ReportName.INACTIVE: (
        "Kepesertaan nonaktif",
        "Peserta yang tidak membayar iuran beberapa bulan berturut-turut",
    ),
    ReportName.OCCUPATIONS: (
        "Rekap pekerjaan",
        "Jumlah pekerja per jenis pekerjaan, laki-laki dan perempuan",
    ),
}


def parse_name(text: str) -> ReportName:
    try:
        return ReportName(text.strip().lower().replace("_", "-"))
    except ValueError:
        raise UsageError("report.unknown", name=text, names=", ".join(n.value for n in ReportName)) from None


class ReportFormat(str, Enum):
    PDF = "pdf"
    XLSX = "xlsx"


def format_of(path: str | Path) -> ReportFormat:
    suffix = Path(path).suffix.lower().lstrip(".")
    try:
        return ReportFormat(suffix)
    except ValueError:
        raise UsageError("report.format", path=str(path)) from None


# -- the document ---------------------------------------------------------------------------------------
class Kind(str, Enum):
    """How a column's values are shown and stored."""

    TEXT = "text"
    NUMBER = "number"  # integer count
    MONEY = "money"  # integer rupiah
    PERCENT = "percent"  # a fraction 0..1 (float only for display)
    ID = "id"  # identifiers (NIK, phone, KPJ): always text, never a number


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    #: Relative width (the PDF scales the widths to the page, the workbook uses them as characters).
    width: float = 12
    #: A NIK: printed masked (region and last digits), kept whole in the workbook for the office.
    masked: bool = False


class RowStyle(str, Enum):
    NORMAL = ""
    SECTION = "section"  # a heading row inside a list (a village); the workbook leaves it out
    SUBTOTAL = "subtotal"
    TOTAL = "total"


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]]
    styles: list[RowStyle] = field(default_factory=list)
    sheet: str = ""

    def style(self, i: int) -> RowStyle:
        return self.styles[i] if i < len(self.styles) else RowStyle.NORMAL

    @property
    def data_rows(self) -> int:
        return len(self.rows) - sum(1 for s in self.styles if s is not RowStyle.NORMAL)


@dataclass(frozen=True)
class Signature:
    place_date: str
    title: str
    name: str = ""
    nip: str = ""


@dataclass(frozen=True)
class ReportDocument:
    name: ReportName
    title: str
    subtitle: tuple[str, ...]
    tables: tuple[Table, ...]
    intro: tuple[tuple[str, bool], ...] = ()  # (sentence, bold) before the tables
    notes: tuple[str, ...] = ()
    signature: Signature | None = None
    landscape: bool = False
    generated_at: datetime | None = None

    @property
    def rows(self) -> int:
        """Data rows (what the command line reports): villages, workers, months… not totals."""
        return sum(t.data_rows for t in self.tables)


@dataclass(frozen=True)
class ReportFilters:
    month: Month | None = None
    programme_id: int | None = None
    #: A kecamatan or village code; the report covers that region only.
    region: str | None = None


@dataclass(frozen=True)
class ReportOutcome:
    name: ReportName
    path: Path
    format: ReportFormat
    rows: int
    pages: int | None = None


# -- the service --------------------------------------------------------------------------------------
class ReportService:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        *,
        office: Callable[[], Any],
        clock: Clock = datetime.now,
    ) -> None:
        self._uow = uow
        self._office = office
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()

    def names(self) -> list[ReportName]:
        return list(ReportName)

    # -- entry point ----------------------------------------------------------------------------------
    def generate(
        self,
        name: ReportName | str,
        path: str | Path,
        filters: ReportFilters | None = None,
        *,
        progress: Progress | None = None,
    ) -> ReportOutcome:
        """Build the report and write it to ``path`` (.pdf or .xlsx), atomically."""
        report = parse_name(name) if isinstance(name, str) else name
        fmt = format_of(path)
        progress = progress or NullProgress()
        progress.update(0, 3, "data")
        doc = self.build(report, filters or ReportFilters(), printed=fmt is ReportFormat.PDF)
        if progress.cancelled:
            raise UsageError("usage.interrupted")
        progress.update(1, 3, "write")
        path = Path(path)
        pages: int | None = None
        if fmt is ReportFormat.PDF:
            from jamsos_desktop.services import report_pdf

            pages = report_pdf.write_pdf(path, doc, self._office(), progress=progress)
        else:
            from jamsos_desktop.services import report_xlsx

            report_xlsx.write_xlsx(path, doc, progress=progress)
        progress.update(3, 3, "done")
        return ReportOutcome(report, path, fmt, doc.rows, pages)

    def build(self, name: ReportName, filters: ReportFilters, *, printed: bool = False) -> ReportDocument:
        builders: dict[ReportName, Callable[[_Ctx], ReportDocument]] = {
            ReportName.RECAP: self._recap,
            ReportName.MONTHLY: self._monthly,
            ReportName.BUDGET: self._budget,
            ReportName.SELF_PAYING: self._self_paying,
            ReportName.INACTIVE: self._inactive,
            ReportName.OCCUPATIONS: self._occupations,
        }
        ctx = replace(self._context(name, filters), printed=printed)
        doc = builders[name](ctx)
        return replace(
            doc, generated_at=self._clock(), signature=self._signature(ctx) if _signed(name) else None
        )

    # -- shared context -------------------------------------------------------------------------------
    def _context(self, name: ReportName, filters: ReportFilters) -> _Ctx:
        today = self.today()
        with self._uow() as uow:
            settings = {k: (uow.settings.get(k) or "") for k in ("regency", *SIGNER_SETTINGS, "office_name")}
            regency = settings["regency"] or "19.03"
            names = uow.reports.region_names(regency)
            regency_name = uow.regions.name(regency) or regency
            programmes = uow.programmes.list()
            holidays = frozenset(d for d, _ in uow.holidays.all())
        programme: Programme | None = None
        if filters.programme_id is not None:
            programme = next((p for p in programmes if p.id == filters.programme_id), None)
            if programme is None:
                raise NotFoundError("programme.not_found", programme_id=filters.programme_id)
        elif programmes:
            programme = programmes[0]
        if name.needs_programme and programme is None:
            raise JamsosError("report.no_programme")
        region = (filters.region or "").strip()
        if region and region not in names:
            raise UsageError("report.region_unknown", code=region)
        return _Ctx(
            today=today,
            month=filters.month,
            programme=programme,
            regency=regency,
            regency_name=regency_name,
            names=names,
            region=region,
            holidays=holidays,
            settings=settings,
        )

    def _signature(self, ctx: _Ctx) -> Signature:
        s = ctx.settings
        office = s.get("office_name") or "Dinas Sosial"
        title = s.get("head_title") or f"Kepala {office} {ctx.regency_name}"
        place = s.get("office_city") or _short_regency(ctx.regency_name)
        return Signature(
            f"{place}, {format_date(ctx.today)}", title, s.get("head_name", ""), s.get("head_nip", "")
        )

    def _subtitle(self, ctx: _Ctx, *lines: str) -> tuple[str, ...]:
        place = ctx.regency_name if not ctx.region else f"{ctx.region_label}, {ctx.regency_name}"
        out = [f"Program {ctx.programme.name} \u2014 {place}" if ctx.programme is not None else place]
        out.extend(line for line in lines if line)
        return tuple(out)

    # -- recap per kecamatan and desa -----------------------------------------------------------------
    def _recap(self, ctx: _Ctx) -> ReportDocument:
        month = ctx.month or Month.containing(ctx.today)
        prefix = ctx.region
        with self._uow() as uow:
            workers = uow.reports.workers_by_village(prefix)
            enrolment = (
                uow.reports.enrolment_by_village(ctx.programme.id, month.index, prefix)
                if ctx.programme is not None
                else []
            )
            cards = uow.reports.cards_by_village(prefix)
        active = {s.value for s in WorkerStatus if s.is_active}
        per: dict[str, list[int]] = {}
        for village, sex, status, kpj, n in workers:
            r = per.setdefault(village, [0] * 7)
            r[0 if sex == "L" else 1] += n
            r[2] += n
            if status in active:
                r[3] += n
            if kpj:
                r[4] += n
        for village, n, _, _, carded in enrolment:
            r = per.setdefault(village, [0] * 7)
            r[5] += n
            r[6] += carded
        if ctx.programme is None:
            for village, n in cards.items():
                per.setdefault(village, [0] * 7)[6] += n
        amount = ctx.programme.monthly_amount if ctx.programme is not None else 0
        columns = (
            Column("Kecamatan / Desa", Kind.TEXT, 40),
            Column("Kode", Kind.ID, 16),
            Column("L", Kind.NUMBER, 8),
            Column("P", Kind.NUMBER, 8),
            Column("Terdaftar", Kind.NUMBER, 11),
            Column("Aktif", Kind.NUMBER, 9),
            Column("Ber-KPJ", Kind.NUMBER, 10),
            Column("Ikut program", Kind.NUMBER, 10),
            Column("Sudah kartu", Kind.NUMBER, 10),
            Column("Iuran per bulan", Kind.MONEY, 19),
        )
        rows: list[tuple[Any, ...]] = []
        styles: list[RowStyle] = []
        grand = [0] * 7
        for district in ctx.districts():
            villages = sorted(
                v for v in set(ctx.villages_of(district)) | {v for v in per if v[:8] == district}
            )
            if ctx.region and not district.startswith(ctx.region[:8]):
                continue
            sub = [0] * 7
            shown = 0
            for v in villages:
                if ctx.region and not v.startswith(ctx.region):
                    continue
                r = per.get(v, [0] * 7)
                rows.append((f"   {ctx.names.get(v, v)}", v, *r, r[5] * amount))
                styles.append(RowStyle.NORMAL)
                sub = [a + b for a, b in zip(sub, r, strict=True)]
                shown += 1
            if shown:
                rows.append(
                    (f"Jumlah Kec. {ctx.names.get(district, district)}", district, *sub, sub[5] * amount)
                )
                styles.append(RowStyle.SUBTOTAL)
                grand = [a + b for a, b in zip(grand, sub, strict=True)]
        rows.append(("JUMLAH SELURUHNYA", "", *grand, grand[5] * amount))
        styles.append(RowStyle.TOTAL)
        intro: list[tuple[str, bool]] = [
            (
                f"Pekerja terdaftar {format_number(grand[2])} orang ({format_number(grand[3])} aktif); "
                + (
                    f"ikut program {format_number(grand[5])} orang, iuran "
                    f"{format_money(grand[5] * amount)} per bulan."
                    if ctx.programme is not None
                    else "belum ada program."
                ),
                False,
            )
        ]
        return ReportDocument(
            ReportName.RECAP,
            "REKAPITULASI PEKERJA RENTAN PER KECAMATAN DAN DESA",
            self._subtitle(ctx, f"Keadaan {format_date(ctx.today)}"),
            (Table("Rekap per desa/kelurahan", columns, rows, styles, "Rekap Wilayah"),),
            tuple(intro),
            notes=(
                "Aktif: terdaftar, terverifikasi atau sudah terdaftar di BPJS (belum keluar/meninggal). "
                f"Ikut program: kepesertaan yang berjalan pada {month_name(month)}.",
            ),
        )

    # -- monthly contribution report ------------------------------------------------------------------
    def _monthly(self, ctx: _Ctx) -> ReportDocument:
        p = ctx.programme
        assert p is not None
        month = ctx.month or Month.containing(ctx.today)
        as_of = min(month, last_due_month(ctx.today, ctx.holidays))
        with self._uow() as uow:
            rows_v = uow.reports.month_by_village(
                p.id, month.index, as_of.index, p.lapse_threshold, ctx.region
            )
            paid_months = uow.reports.funder_paid_months(p.id)
        amount = p.monthly_amount
        per: dict[str, list[int]] = {}
        for village, funder, covers, funded, selfp, paid, late, inactive in rows_v:
            r = per.setdefault(village[:8], [0] * 7)
            funder_paid = funded if funder is not None and (funder, month.index) in paid_months else 0
            for i, v in enumerate((covers, funded, funder_paid, selfp, paid, late, inactive)):
                r[i] += v
        columns = (
            Column("Kecamatan", Kind.TEXT, 26),
            Column("Peserta", Kind.NUMBER, 10),
            Column("Pemda: peserta", Kind.NUMBER, 10),
            Column("Pemda: tagihan", Kind.MONEY, 16),
            Column("Pemda: dibayar", Kind.MONEY, 16),
            Column("Mandiri: peserta", Kind.NUMBER, 10),
            Column("Mandiri: wajib", Kind.MONEY, 15),
            Column("Mandiri: lunas", Kind.NUMBER, 10),
            Column("Mandiri: dibayar", Kind.MONEY, 15),
            Column("Mandiri: belum", Kind.MONEY, 15),
            Column("Terlambat", Kind.NUMBER, 10),
            Column("Nonaktif", Kind.NUMBER, 10),
        )
        rows: list[tuple[Any, ...]] = []
        styles: list[RowStyle] = []
        total = [0] * 7

        def line(label: str, r: list[int]) -> tuple[Any, ...]:
            covers, funded, fpaid, selfp, paid, late, inactive = r
            return (
                label, covers, funded, funded * amount, fpaid * amount, selfp, selfp * amount, paid,
                paid * amount, (selfp - paid) * amount, late, inactive,
            )  # fmt: skip

        for district in ctx.districts():
            if ctx.region and not district.startswith(ctx.region[:8]):
                continue
            r = per.get(district, [0] * 7)
            rows.append(line(ctx.names.get(district, district), r))
            styles.append(RowStyle.NORMAL)
            total = [a + b for a, b in zip(total, r, strict=True)]
        rows.append(line("JUMLAH", total))
        styles.append(RowStyle.TOTAL)
        due = due_date(month, ctx.holidays)
        covers, funded, fpaid, selfp, paid, late, inactive = total
        intro = (
            (
                f"Bulan iuran {month_name(month)}, jatuh tempo {format_date(due)}; iuran "
                f"{format_money(amount)} per peserta per bulan (JKK + JKM).",
                False,
            ),
            (
                f"Dibiayai pemda: {format_number(funded)} peserta × {format_money(amount)} = "
                f"{format_money(funded * amount)}, dibayar {format_money(fpaid * amount)}.",
                True,
            ),
            (
                f"Mandiri: {format_number(selfp)} peserta, wajib {format_money(selfp * amount)}, "
                f"lunas {format_number(paid)} peserta ({format_money(paid * amount)}), "
                f"belum {format_money((selfp - paid) * amount)}.",
                True,
            ),
            (
                f"Keadaan kepesertaan per {month_name(as_of)}: {format_number(late)} terlambat, "
                f"{format_number(inactive)} nonaktif (tidak membayar {p.lapse_threshold} bulan atau lebih "
                "berturut-turut).",
                False,
            ),
        )
        return ReportDocument(
            ReportName.MONTHLY,
            f"LAPORAN IURAN BULAN {month_name(month).upper()}",
            self._subtitle(ctx, f"Keadaan {format_date(ctx.today)}"),
            (Table(f"Iuran {month_name(month)} per kecamatan", columns, rows, styles, "Iuran Bulanan"),),
            intro,
            notes=(
                "Pemda: bulan yang dibiayai penyandang dana (APBD); dibayar bila tagihan BPJS bulan itu "
                "sudah dibayar. Mandiri: bulan yang dibayar pekerja sendiri (tanpa denda keterlambatan).",
            ),
            landscape=True,
        )

    # -- APBD budget realisation ----------------------------------------------------------------------
    def _budget(self, ctx: _Ctx) -> ReportDocument:
        from jamsos_desktop.services.payments import PaymentService

        p = ctx.programme
        assert p is not None
        payments = PaymentService(self._uow, user=lambda: "report", clock=self._clock)
        budget = payments.budget(p.id)
        invoices = [fp for fp in payments.funder_payments(p.id) if fp.effective]
        amount = p.monthly_amount
        intro: list[tuple[str, bool]] = []
        for line in budget.by_funder:
            worker_months = line.planned // amount if amount else 0
            if line.enrolled and worker_months == line.enrolled * p.funded_months:
                formula = (
                    f"{format_number(line.enrolled)} peserta × {format_money(amount)} × "
                    f"{p.funded_months} bulan = {format_money(line.planned)}"
                )
            else:
                formula = (
                    f"{format_number(line.enrolled)} peserta, {format_number(worker_months)} bulan-peserta × "
                    f"{format_money(amount)} = {format_money(line.planned)}"
                )
            intro.append((f"Rencana {line.name}: {formula}.", True))
        intro.append(
            (
                f"Realisasi s.d. {format_date(ctx.today)}: {format_money(budget.paid)} "
                f"({_percent_text(budget.paid, budget.planned)}); sisa {format_money(budget.outstanding)}.",
                True,
            )
        )
        last_funded = p.last_funded_month
        intro.append(
            (
                f"Masa pembiayaan {month_name(p.start)} s.d. {month_name(last_funded)} ({p.funded_months} "
                f"bulan); mulai {month_name(p.first_self_month)} peserta membayar iuran sendiri (mandiri).",
                False,
            )
        )
        money_cols = (
            Column("Rencana", Kind.MONEY, 17),
            Column("Realisasi", Kind.MONEY, 17),
            Column("Sisa", Kind.MONEY, 17),
            Column("%", Kind.PERCENT, 10),
        )
        by_funder_rows: list[tuple[Any, ...]] = [
            (
                line.name,
                line.enrolled,
                line.planned,
                line.paid,
                line.outstanding,
                _fraction(line.paid, line.planned),
            )
            for line in budget.by_funder
        ]
        by_funder_rows.append(
            ("JUMLAH", budget.enrolled, budget.planned, budget.paid, budget.outstanding,
             _fraction(budget.paid, budget.planned))
        )  # fmt: skip
        funder_table = Table(
            "A. Per penyandang dana",
            (Column("Penyandang dana", Kind.TEXT, 40), Column("Peserta", Kind.NUMBER, 10), *money_cols),
            by_funder_rows,
            [RowStyle.NORMAL] * len(budget.by_funder) + [RowStyle.TOTAL],
            "Per Penyandang Dana",
        )
        districts = [d for d in budget.by_district if not ctx.region or d.key.startswith(ctx.region[:8])]
        district_rows: list[tuple[Any, ...]] = [
            (d.name, d.enrolled, d.planned, d.paid, d.outstanding, _fraction(d.paid, d.planned))
            for d in districts
        ]
        sums = [sum(getattr(d, k) for d in districts) for k in ("enrolled", "planned", "paid")]
        district_rows.append(
            ("JUMLAH", sums[0], sums[1], sums[2], sums[1] - sums[2], _fraction(sums[2], sums[1]))
        )
        district_table = Table(
            "B. Per kecamatan" + (f" ({ctx.region_label})" if ctx.region else ""),
            (Column("Kecamatan", Kind.TEXT, 40), Column("Peserta", Kind.NUMBER, 10), *money_cols),
            district_rows,
            [RowStyle.NORMAL] * len(districts) + [RowStyle.TOTAL],
            "Per Kecamatan",
        )
        month_rows: list[tuple[Any, ...]] = []
        for m in budget.months:
            if m.payer != "funder":
                continue
            paid_by = [fp for fp in invoices if fp.first <= m.month <= fp.last]
            month_rows.append(
                (
                    month_name(m.month),
                    m.workers,
                    m.expected,
                    m.paid,
                    m.expected - m.paid,
                    ", ".join(fp.invoice_number for fp in paid_by),
                    ", ".join(format_short_date(fp.paid_on) for fp in paid_by),
                )
            )
        month_rows.append(
            (
                "JUMLAH",
                None,  # worker-months are not people: no total
                sum(r[2] for r in month_rows),
                sum(r[3] for r in month_rows),
                sum(r[4] for r in month_rows),
                "",
                "",
            )
        )
        month_table = Table(
            "C. Per bulan iuran dan tagihan BPJS",
            (
                Column("Bulan iuran", Kind.TEXT, 18),
                Column("Peserta", Kind.NUMBER, 9),
                Column("Tagihan", Kind.MONEY, 18),
                Column("Dibayar", Kind.MONEY, 18),
                Column("Sisa", Kind.MONEY, 18),
                Column("No. tagihan BPJS", Kind.TEXT, 26),
                Column("Tgl. bayar", Kind.TEXT, 13),
            ),
            month_rows,
            [RowStyle.NORMAL] * (len(month_rows) - 1) + [RowStyle.TOTAL],
            "Per Bulan",
        )
        notes = [
            "Rencana: jumlah bulan yang dibiayai setiap peserta (peserta yang keluar hanya sampai bulan "
            "keluarnya) × iuran per bulan. Realisasi: pembayaran tagihan BPJS Ketenagakerjaan yang tercatat "
            "(koreksi/pembatalan sudah diperhitungkan).",
        ]
        if budget.quota is not None and budget.forecast_planned is not None:
            notes.append(
                f"Kuota program {format_number(budget.quota)} peserta; perkiraan kebutuhan bila kuota "
                f"terpenuhi {format_money(budget.forecast_planned)}."
            )
        if budget.self_paid:
            notes.append(f"Iuran mandiri yang diterima dari pekerja: {format_money(budget.self_paid)}.")
        return ReportDocument(
            ReportName.BUDGET,
            "LAPORAN REALISASI ANGGARAN BANTUAN IURAN BPJS KETENAGAKERJAAN",
            self._subtitle(
                ctx,
                f"Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) \u2014 keadaan {format_date(ctx.today)}",
            ),
            (funder_table, district_table, month_table),
            tuple(intro),
            notes=tuple(notes),
        )

    # -- lists ----------------------------------------------------------------------------------------
    _LIST_COLUMNS = (
        Column("No", Kind.NUMBER, 6),
        Column("Nama", Kind.TEXT, 26),
        Column("NIK", Kind.ID, 23, masked=True),
        Column("No. HP", Kind.ID, 20),
        Column("Alamat", Kind.TEXT, 33),
        Column("Desa/Kelurahan", Kind.TEXT, 17),
        Column("Kecamatan", Kind.TEXT, 15),
        Column("Pekerjaan", Kind.TEXT, 19),
    )

    def _list_table(
        self, ctx: _Ctx, title: str, sheet: str, records: Sequence[Sequence[Any]], extra: tuple[Column, ...],
        values: Callable[[Sequence[Any]], tuple[Any, ...]],
    ) -> Table:  # fmt: skip
        """The rows of a list (see ``ReportRepository._person``) under a heading per village: one pass,
        the village and kecamatan names looked up once per village, not per worker."""
        rows: list[tuple[Any, ...]] = []
        styles: list[RowStyle] = []
        counts = Counter(r[4] for r in records)
        blank = ("",) * (len(self._LIST_COLUMNS) + len(extra) - 1)
        add_row, add_style = rows.append, styles.append
        normal, section = RowStyle.NORMAL, RowStyle.SECTION
        current: str | None = None
        village_name = district_name = ""
        for n, r in enumerate(records, start=1):
            village = r[4]
            if village != current:
                current = village
                village_name = ctx.names.get(village, village)
                district_name = ctx.names.get(village[:8], village[:8])
                heading = f"Desa/Kel. {village_name}, Kec. {district_name} \u2014 {format_number(counts[village])} orang"
                add_row((heading, *blank))
                add_style(section)
            add_row((n, r[0], r[1], r[2], r[3], village_name, district_name, r[5], *values(r)))
            add_style(normal)
        return Table(title, self._LIST_COLUMNS + extra, rows, styles, sheet)

    def _self_paying(self, ctx: _Ctx) -> ReportDocument:
        p = ctx.programme
        assert p is not None
        first_self = ctx.month or Month.containing(ctx.today) + 1
        last_funded = first_self.minus(1)
        records: list[Any] = []
        with self._uow() as uow:
            counts = (
                uow.reports.becoming_self_paying_by_village(p.id, last_funded.index, ctx.region)
                if ctx.printed
                else None
            )
            if not _too_long(counts):
                records = uow.reports.becoming_self_paying(p.id, last_funded.index, ctx.region)
        total = sum(counts.values()) if counts is not None else len(records)
        amount = p.monthly_amount
        due = due_date(first_self, ctx.holidays)
        funded = (month_name(last_funded),)  # the same for every row: the list is of that month
        table = self._list_table(
            ctx,
            f"Mulai bayar mandiri {month_name(first_self)}",
            "Mulai Mandiri",
            records,
            (Column("Dibiayai s.d.", Kind.TEXT, 15),),
            lambda r: funded,
        )
        intro = (
            (
                f"{format_number(total)} pekerja dibiayai sampai {month_name(last_funded)}. Mulai "
                f"{month_name(first_self)} mereka membayar sendiri {format_money(amount)} per bulan, paling "
                f"lambat tanggal {format_date(due)} untuk bulan pertama (selanjutnya tanggal 15 setiap bulan).",
                True,
            ),
            (
                "Daftar ini untuk kunjungan dan pemberitahuan: urut per desa, dengan nomor HP dan alamat.",
                False,
            ),
        )
        doc = ReportDocument(
            ReportName.SELF_PAYING,
            f"DAFTAR PEKERJA MULAI MEMBAYAR IURAN MANDIRI {month_name(first_self).upper()}",
            self._subtitle(ctx),
            (table,),
            intro,
            notes=("NIK disamarkan pada versi cetak; versi Excel memuat NIK lengkap untuk kantor.",),
            landscape=True,
        )
        return _counts_instead(doc, ctx, counts) if counts is not None and _too_long(counts) else doc

    def _inactive(self, ctx: _Ctx) -> ReportDocument:
        p = ctx.programme
        assert p is not None
        last_due = last_due_month(ctx.today, ctx.holidays)
        as_of = min(ctx.month, last_due) if ctx.month is not None else last_due
        records: list[Any] = []
        with self._uow() as uow:
            counts = (
                uow.reports.inactive_by_village(p.id, as_of.index, p.lapse_threshold, ctx.region)
                if ctx.printed
                else None
            )
            if not _too_long(counts):
                records = uow.reports.inactive_members(p.id, as_of.index, p.lapse_threshold, ctx.region)
        total = sum(counts.values()) if counts is not None else len(records)
        labels: dict[int | None, str] = {}

        def values(r: Sequence[Any]) -> tuple[Any, ...]:
            last_paid = r[7]
            label = labels.get(last_paid)
            if label is None:
                label = labels[last_paid] = (
                    month_name(Month(last_paid))
                    if last_paid is not None and last_paid >= 0
                    else "belum pernah"
                )
            return (int(r[6] or 0), label)

        table = self._list_table(
            ctx,
            f"Nonaktif per {month_name(as_of)}",
            "Nonaktif",
            records,
            (Column("Bulan belum bayar", Kind.NUMBER, 10), Column("Terakhir bayar", Kind.TEXT, 15)),
            values,
        )
        intro = (
            (
                f"{format_number(total)} peserta tidak membayar iuran {p.lapse_threshold} bulan atau "
                f"lebih berturut-turut sampai {month_name(as_of)}: kepesertaannya nonaktif dan kecelakaan "
                "kerja tidak ditanggung sampai iuran dibayar kembali.",
                True,
            ),
        )
        doc = ReportDocument(
            ReportName.INACTIVE,
            "DAFTAR KEPESERTAAN NONAKTIF",
            self._subtitle(ctx),
            (table,),
            intro,
            notes=("NIK disamarkan pada versi cetak; versi Excel memuat NIK lengkap untuk kantor.",),
            landscape=True,
        )
        return _counts_instead(doc, ctx, counts) if counts is not None and _too_long(counts) else doc

    # -- occupations ----------------------------------------------------------------------------------
    def _occupations(self, ctx: _Ctx) -> ReportDocument:
        month = ctx.month or Month.containing(ctx.today)
        pid = ctx.programme.id if ctx.programme is not None else None
        with self._uow() as uow:
            rows_o = uow.reports.occupations(pid, month.index, ctx.region)
        per: dict[str, list[int]] = {}
        for occupation, sex, active, enrolled, n in rows_o:
            r = per.setdefault(occupation.strip() or "(tidak diisi)", [0] * 5)
            r[0 if sex == "L" else 1] += n
            r[2] += n
            if active:
                r[3] += n
            if enrolled:
                r[4] += n
        total = [sum(r[i] for r in per.values()) for i in range(5)]
        ordered = sorted(per.items(), key=lambda kv: (-kv[1][2], kv[0]))
        rows: list[tuple[Any, ...]] = [
            (name, r[0], r[1], r[2], _fraction(r[2], total[2]), r[3], r[4]) for name, r in ordered
        ]
        rows.append(("JUMLAH", *total[:3], 1.0 if total[2] else 0.0, total[3], total[4]))
        columns = (
            Column("Pekerjaan", Kind.TEXT, 34),
            Column("L", Kind.NUMBER, 9),
            Column("P", Kind.NUMBER, 9),
            Column("Jumlah", Kind.NUMBER, 10),
            Column("%", Kind.PERCENT, 8),
            Column("Aktif", Kind.NUMBER, 10),
            Column("Ikut program", Kind.NUMBER, 11),
        )
        top = ", ".join(f"{name} ({format_number(r[2])})" for name, r in ordered[:3])
        return ReportDocument(
            ReportName.OCCUPATIONS,
            "REKAPITULASI PEKERJA RENTAN MENURUT PEKERJAAN",
            self._subtitle(ctx, f"Keadaan {format_date(ctx.today)}"),
            (
                Table(
                    "Menurut pekerjaan",
                    columns,
                    rows,
                    [RowStyle.NORMAL] * len(ordered) + [RowStyle.TOTAL],
                    "Pekerjaan",
                ),
            ),
            (
                (
                    f"{format_number(total[2])} pekerja terdaftar; terbanyak: {top}."
                    if top
                    else "Belum ada pekerja.",
                    False,
                ),
            ),
        )


@dataclass(frozen=True)
class _Ctx:
    today: date
    month: Month | None
    programme: Programme | None
    regency: str
    regency_name: str
    names: dict[str, str]
    region: str
    holidays: frozenset[date]
    settings: dict[str, str]
    #: For a PDF: a list too long to print becomes counts per village (see :func:`_counts_instead`).
    printed: bool = False

    def districts(self) -> list[str]:
        return sorted(c for c in self.names if c.count(".") == 2)

    def villages_of(self, district: str) -> list[str]:
        return [c for c in self.names if c.count(".") == 3 and c.startswith(district + ".")]

    @property
    def region_label(self) -> str:
        name = self.names.get(self.region, self.region)
        return f"Kecamatan {name}" if self.region.count(".") == 2 else f"Desa/Kelurahan {name}"


def _too_long(counts: dict[str, int] | None) -> bool:
    return counts is not None and sum(counts.values()) > MAX_PRINTED_ROWS


def _counts_instead(doc: ReportDocument, ctx: _Ctx, counts: dict[str, int]) -> ReportDocument:
    """A printed list beyond :data:`MAX_PRINTED_ROWS`: counts per village with a sentence saying why
    (the list itself was never fetched)."""
    total = sum(counts.values())
    per: dict[tuple[str, str], int] = {}
    for village, n in counts.items():
        key = (ctx.names.get(village[:8], village[:8]), ctx.names.get(village, village))
        per[key] = per.get(key, 0) + n
    rows: list[tuple[Any, ...]] = [(k, v, n) for (k, v), n in sorted(per.items())]
    rows.append(("JUMLAH", "", total))
    summary = Table(
        "Jumlah per desa/kelurahan",
        (
            Column("Kecamatan", Kind.TEXT, 30),
            Column("Desa/Kelurahan", Kind.TEXT, 34),
            Column("Pekerja", Kind.NUMBER, 12),
        ),
        rows,
        [RowStyle.NORMAL] * (len(rows) - 1) + [RowStyle.TOTAL],
        doc.tables[0].sheet,
    )
    why = (
        f"Daftar ini berisi {format_number(total)} pekerja, terlalu panjang untuk dicetak (lebih dari "
        f"{format_number(MAX_PRINTED_ROWS)} baris). Pilih satu kecamatan atau desa untuk daftar cetak, atau "
        "simpan sebagai Excel untuk daftar lengkap dengan nomor HP.",
        True,
    )
    return replace(doc, tables=(summary,), intro=(*doc.intro, why), notes=())


def _signed(name: ReportName) -> bool:
    """Summaries carry the Kepala Dinas's signature; working lists do not."""
    return name in (ReportName.RECAP, ReportName.MONTHLY, ReportName.BUDGET, ReportName.OCCUPATIONS)


def month_name(m: Month) -> str:
    return f"{MONTHS_ID[m.month - 1]} {m.year}"


def _fraction(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _percent_text(part: int, whole: int) -> str:
    if not whole:
        return "0 %"
    tenths = (part * 1000 + whole // 2) // whole
    return f"{tenths // 10},{tenths % 10} %"


def _short_regency(name: str) -> str:
    for prefix in ("Kabupaten ", "Kota ", "Kab. "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


__all__ = [
    "Column",
    "Kind",
    "ReportDocument",
    "ReportFilters",
    "ReportFormat",
    "ReportName",
    "ReportOutcome",
    "ReportService",
    "RowStyle",
    "Signature",
    "Table",
    "format_of",
    "month_name",
    "parse_name",
]
