"""Spreadsheets out: the full worker list with recap sheets, the BPJS registration list, the village template.

Columns of the ``full`` and ``bpjs`` exports come from editable JSON profiles shipped in
``resources/export_profiles`` (the official BPJS column list is not public; the office adapts the profile
to what its BPJS branch asks for). Every export writes NIK, KK, KPJ and phone numbers as text cells
(format ``@``) and neutralises text a spreadsheet would run as a formula (OWASP: a leading ``=``, ``+``,
``-``, ``@``, tab, CR or LF gets a ``'``). The worker list and its recap sheets are streamed through
:mod:`~jamsos_desktop.services.xlsx_writer` (100,000 workers in a few seconds; openpyxl's write-only mode
took over a minute); the template, small and full of data validations, is built with openpyxl. Files are
written to a temporary file that is renamed into place.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jamsos_desktop.domain.errors import NotFoundError, UsageError
from jamsos_desktop.domain.excel_rules import column_letter
from jamsos_desktop.domain.money import JKM_FLAT, jkk_contribution
from jamsos_desktop.domain.regions import RegionTable
from jamsos_desktop.domain.worker import SortKey, WorkerQuery
from jamsos_desktop.domain.worker_record import WorkerRecord
from jamsos_desktop.domain.worker_types import OCCUPATIONS, STATUS_LABELS, HeirRelationship, Sex, WorkerStatus
from jamsos_desktop.services.ports import NullProgress, Progress, UnitOfWorkFactory
from jamsos_desktop.services.spreadsheet import atomic_output
from jamsos_desktop.services.xlsx_writer import DATE, NUMBER, TEXT, SheetWriter, Style, XlsxWriter

#: Fields whose values are identifiers: always written as text, never as numbers.
TEXT_FIELDS = frozenset({"nik", "kk", "kpj", "phone", "heir_nik", "heir_phone", "rt", "rw", "village_code"})
MONEY_FIELDS = frozenset({"income", "jkk", "jkm", "contribution"})
DATE_FIELDS = frozenset({"birth_date"})
FIELDS = (
    "row_number", "nik", "kk", "name", "sex", "sex_label", "birth_place", "birth_date", "address", "rt",
    "rw", "full_address", "village_code", "village_name", "district_name", "regency_name", "occupation",
    "phone", "income", "jkk", "jkm", "contribution", "kpj", "status", "status_label", "heir_name",
    "heir_relationship", "heir_nik", "heir_phone",
)  # fmt: skip
RUPIAH_FORMAT = '"Rp"#,##0'
BATCH = 2000


@dataclass(frozen=True)
class ProfileColumn:
    header: str
    field: str = ""
    value: str = ""
    upper: bool = False
    width: float | None = None


@dataclass(frozen=True)
class ExportProfile:
    """Which columns an export has, in which order, under which headers, and for which workers."""

    name: str
    sheet: str
    columns: tuple[ProfileColumn, ...]
    statuses: tuple[WorkerStatus, ...] = ()
    date_format: str = "DD-MM-YYYY"
    recap: bool = False

    @classmethod
    def load(cls, source: str | Path) -> ExportProfile:
        """A profile from a JSON file (``resources/export_profiles/*.json`` or the office's own)."""
        path = Path(source)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError("excel.file_missing", path=str(path)) from None
        except (OSError, ValueError) as exc:
            raise UsageError("export.profile", path=str(path), detail=str(exc)) from None
        return cls.from_dict(raw, str(path))

    @classmethod
    def from_dict(cls, raw: Any, where: str = "profile") -> ExportProfile:
        try:
            columns = []
            for item in raw["columns"]:
                column = ProfileColumn(
                    header=str(item["header"]),
                    field=str(item.get("field", "")),
                    value=str(item.get("value", "")),
                    upper=bool(item.get("upper", False)),
                    width=float(item["width"]) if item.get("width") else None,
                )
                if column.field and column.field not in FIELDS:
                    raise ValueError(f"unknown field {column.field!r}")
                columns.append(column)
            if not columns:
                raise ValueError("no columns")
            return cls(
                name=str(raw.get("name", "")),
                sheet=str(raw.get("sheet", "Data"))[:31] or "Data",
                columns=tuple(columns),
                statuses=tuple(WorkerStatus(s) for s in raw.get("statuses", [])),
                date_format=str(raw.get("date_format", "DD-MM-YYYY")),
                recap=bool(raw.get("recap", False)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UsageError("export.profile", path=where, detail=str(exc)) from None


def builtin_profile(name: str) -> ExportProfile:
    """The profile shipped for ``full`` or ``bpjs``."""
    from jamsos_desktop.resources_path import resource_path

    if name not in ("full", "bpjs"):
        raise UsageError("usage.value", value=name, option="--format")
    return ExportProfile.load(resource_path(f"export_profiles/{name}.json"))


class _Names(dict[str, tuple[str, str, str]]):
    """(village, kecamatan, regency) names by village code, looked up once per village."""

    def __init__(self, regions: RegionTable) -> None:
        super().__init__()
        self._regions = regions

    def __missing__(self, village_code: str) -> tuple[str, str, str]:
        district = village_code.rsplit(".", 1)[0]
        regency = district.rsplit(".", 1)[0]
        found = self[village_code] = (
            self._regions.name(village_code) or village_code,
            self._regions.name(district) or "",
            self._regions.name(regency) or "",
        )
        return found

    def __call__(self, village_code: str) -> tuple[str, str, str]:
        return self[village_code]


def worker_values(worker: WorkerRecord, number: int, names: _Names) -> dict[str, object]:
    """Every exportable field of ``worker`` (identifiers as text, money as int, dates as date)."""
    return dict(zip(FIELDS, worker_row(worker, number, names), strict=True))


def worker_row(worker: WorkerRecord, number: int, names: _Names) -> tuple[object, ...]:
    """The values of :data:`FIELDS` for ``worker``, in that order (a tuple: cheap for 100,000 rows)."""
    (_, nik, kk, name, sex, birth_place, birth_date, address, rt, rw, village_code, occupation, phone,
     income, kpj, status, heir_name, heir_relation, heir_nik, heir_phone) = worker  # fmt: skip
    village, district, regency = names[village_code]
    jkk = (income + 50) // 100  # jkk_contribution, inlined: one call less per worker
    return (
        number, nik or "", kk, name, sex, _SEX_LABELS.get(sex, ""), birth_place, birth_date, address, rt, rw,
        (f"{address}, RT {rt} RW {rw}" if address else f"RT {rt} RW {rw}") if rt or rw else address,
        village_code, village, district, regency, occupation, phone, income, jkk, JKM_FLAT, jkk + JKM_FLAT,
        kpj or "", status, _STATUS_LABELS.get(status, status), heir_name or "",
        _RELATION_LABELS.get(heir_relation, ""), heir_nik or "", heir_phone or "",
    )  # fmt: skip


assert jkk_contribution(1_234_550) == (1_234_550 + 50) // 100  # the inlined formula above


_STATUS_LABELS: dict[str, str] = {s.value: s.label for s in WorkerStatus}
_RELATION_LABELS: dict[str | None, str] = {r.value: r.label for r in HeirRelationship}
_SEX_LABELS = {s.value: s.label for s in Sex}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    sheets: tuple[str, ...]


class WorkerExporter:
    """``workers export`` and ``workers template``."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        regions: Callable[[], RegionTable],
        *,
        regency: Callable[[], str],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._uow = uow
        self._regions = regions
        self._regency = regency
        self._clock = clock

    # -- exports ------------------------------------------------------------------------------------
    def export(
        self,
        target: str | Path,
        *,
        profile: ExportProfile | str = "full",
        progress: Progress | None = None,
        programme_id: int | None = None,
    ) -> ExportResult:
        """Write the workers (only those enrolled in ``programme_id`` when given) to ``target``.

        The rows come from one streamed, sorted query (no list of ids sent back to the database), each
        worker is made into one tuple of every field, the profile's cells are picked out of it by one
        compiled function, and the sheet's rows are formatted by the writer's compiled row template.
        """
        progress = progress or NullProgress()
        if isinstance(profile, str):
            profile = builtin_profile(profile)
        names = _Names(self._regions())
        columns = profile.columns
        recap = _Recap() if profile.recap else None
        query = WorkerQuery(statuses=profile.statuses, sort=SortKey.VILLAGE)
        with self._uow() as uow:
            wanted: set[int] | None = None
            if programme_id is None:
                total = uow.workers.count(query)
            else:
                if uow.programmes.get(programme_id) is None:
                    raise NotFoundError("programme.not_found", programme_id=programme_id)
                wanted = set(uow.enrolments.worker_ids(programme_id)) & set(uow.workers.search_ids(query))
                total = len(wanted)
            progress.update(0, total, "")
            number = 0
            with atomic_output(target) as temp, XlsxWriter(temp) as book:
                styles = _ExportStyles(book, profile.date_format)
                with book.sheet(
                    profile.sheet,
                    widths=[column.width or _width(column) for column in columns],
                    freeze="C2" if len(columns) > 2 else "A2",
                    rows=total + 1,
                ) as sheet:
                    sheet.append([column.header for column in columns], styles.header, height=30)
                    write = sheet.row_writer([styles.kind(column) for column in columns])
                    pick = _picker(columns)
                    for batch in uow.workers.record_batches(query, batch=BATCH):
                        if progress.cancelled:
                            raise UsageError("usage.interrupted")
                        if wanted is not None:
                            batch = [w for w in batch if w.id in wanted]
                        rows = [worker_row(w, n, names) for n, w in enumerate(batch, start=number + 1)]
                        number += len(rows)
                        if recap is not None:
                            recap.add(batch, rows)
                        write(list(map(pick, rows)))
                        progress.update(min(number, total), total, "")
                    sheet.auto_filter()
                sheets = [sheet.name]
                if recap is not None:
                    sheets.extend(recap.write(book, styles, names, self._regency(), self._regions()))
        return ExportResult(Path(target), number, tuple(sheets))

    def template(self, target: str | Path) -> Path:
        """The blank village list: drop-downs, text-formatted identifiers, instructions in Indonesian."""
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.workbook.defined_name import DefinedName
        from openpyxl.worksheet.datavalidation import DataValidation

        regions = self._regions()
        regency = self._regency()
        regency_name = regions.name(regency) or regency
        workbook = Workbook()
        guide = workbook.active
        guide.title = "Petunjuk"
        sheet = workbook.create_sheet("Daftar Pekerja")
        lists = workbook.create_sheet("Pilihan")
        lists.sheet_state = "hidden"

        districts = regions.districts(regency)
        villages = [(d, v) for d in districts for v in regions.villages(d.code)]
        lists["A1"] = "Kecamatan"
        for i, d in enumerate(districts, start=2):
            lists.cell(row=i, column=1, value=d.name)
        lists["B1"] = "Desa/Kelurahan"
        for i, (_, v) in enumerate(villages, start=2):
            lists.cell(row=i, column=2, value=v.name)
        lists["C1"] = "Pekerjaan"
        for i, o in enumerate(OCCUPATIONS, start=2):
            lists.cell(row=i, column=3, value=o)
        lists["D1"] = "L/P"
        lists["D2"], lists["D3"] = "L", "P"
        relations = ["Istri", "Suami", "Anak", "Ayah", "Ibu", "Cucu", "Kakek", "Nenek", "Saudara", "Mertua"]
        lists["E1"] = "Hubungan"
        for i, r in enumerate(relations, start=2):
            lists.cell(row=i, column=5, value=r)
        ranges = {
            "daftar_kecamatan": f"Pilihan!$A$2:$A${len(districts) + 1}",
            "daftar_desa": f"Pilihan!$B$2:$B${len(villages) + 1}",
            "daftar_pekerjaan": f"Pilihan!$C$2:$C${len(OCCUPATIONS) + 1}",
            "daftar_lp": "Pilihan!$D$2:$D$3",
            "daftar_hubungan": f"Pilihan!$E$2:$E${len(relations) + 1}",
        }
        for name, ref in ranges.items():
            workbook.defined_names[name] = DefinedName(name, attr_text=ref)

        headers = [
            ("No", 5, None),
            ("NIK", 20, "@"),
            ("No KK", 20, "@"),
            ("Nama Lengkap", 28, None),
            ("Jenis Kelamin (L/P)", 10, None),
            ("Tempat Lahir", 16, None),
            ("Tanggal Lahir", 14, "DD-MM-YYYY"),
            ("Alamat", 28, None),
            ("RT", 6, "@"),
            ("RW", 6, "@"),
            ("Kecamatan", 18, None),
            ("Desa/Kelurahan", 20, None),
            ("Pekerjaan", 20, None),
            ("No. HP", 16, "@"),
            ("Nama Ahli Waris", 24, None),
            ("Hubungan Ahli Waris", 14, None),
            ("NIK Ahli Waris", 20, "@"),
        ]
        rows = 2000
        bold = Font(bold=True, color="FFFFFF")
        fill = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
        for index, (title, width, number_format) in enumerate(headers, start=1):
            cell = sheet.cell(row=1, column=index, value=title)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            letter = column_letter(index - 1)
            sheet.column_dimensions[letter].width = width
            if number_format:
                # Whole-column style, so cells typed later are text (a NIK keeps its 16 digits).
                sheet.column_dimensions[letter].number_format = number_format
                for row in range(2, rows + 2):
                    sheet.cell(row=row, column=index).number_format = number_format
        sheet.freeze_panes = "B2"
        sheet.auto_filter.ref = f"A1:{column_letter(len(headers) - 1)}1"

        def listed(column: str, name: str, title: str, prompt: str) -> None:
            rule = DataValidation(type="list", formula1=f"={name}", allow_blank=True)
            rule.error = (
                "Pilih dari daftar."
                if name != "daftar_pekerjaan"
                else "Pilih dari daftar atau ketik sendiri."
            )
            rule.errorTitle = title
            rule.prompt = prompt
            rule.promptTitle = title
            rule.showErrorMessage = name != "daftar_pekerjaan"
            rule.showInputMessage = True
            sheet.add_data_validation(rule)
            rule.add(f"{column}2:{column}{rows + 1}")

        listed("E", "daftar_lp", "Jenis kelamin", "L = laki-laki, P = perempuan")
        listed("K", "daftar_kecamatan", "Kecamatan", f"Kecamatan di {regency_name}")
        listed("L", "daftar_desa", "Desa/Kelurahan", "Pilih desa/kelurahan")
        listed("M", "daftar_pekerjaan", "Pekerjaan", "Pilih atau ketik pekerjaan")
        listed("P", "daftar_hubungan", "Hubungan", "Hubungan ahli waris dengan pekerja")
        nik_rule = DataValidation(type="textLength", operator="equal", formula1="16", allow_blank=True)
        nik_rule.error = "NIK harus 16 digit."
        nik_rule.errorTitle = "NIK"
        nik_rule.showErrorMessage = True
        sheet.add_data_validation(nik_rule)
        nik_rule.add(f"B2:C{rows + 1}")
        nik_rule.add(f"Q2:Q{rows + 1}")

        guide.column_dimensions["A"].width = 110
        lines = [
            ("PETUNJUK PENGISIAN DAFTAR PEKERJA RENTAN", True),
            (f"{regency_name} - pendaftaran BPJS Ketenagakerjaan (JKK dan JKM)", False),
            ("", False),
            ("1. Isi lembar \u201cDaftar Pekerja\u201d, satu baris untuk satu pekerja, mulai baris 2.", False),
            ("2. NIK dan No KK diketik 16 digit sebagai teks (kolomnya sudah berformat teks). Jangan menyalin "
             "NIK sebagai angka: Excel hanya menyimpan 15 digit dan digit terakhir hilang.", False),
            ("3. Jenis kelamin: pilih L (laki-laki) atau P (perempuan).", False),
            ("4. Tanggal lahir: tulis seperti 17-08-1985 (tanggal-bulan-tahun).", False),
            ("5. Pilih kecamatan dan desa/kelurahan dari daftar pilihan; ejaan lain tetap dicoba dicocokkan.", False),
            ("6. Pekerjaan: pilih dari daftar atau ketik sendiri (mis. Nelayan, Buruh Harian Lepas).", False),
            ("7. No. HP ditulis 08xxxxxxxxxx.", False),
            ("8. Ahli waris: isi nama dan hubungannya (Istri, Suami, Anak, Ayah, Ibu, ...).", False),
            ("9. Pekerja yang belum punya NIK: tulis \u201cbelum ada\u201d di kolom NIK.", False),
            ("10. Jangan mengubah judul kolom di baris 1. Baris jumlah dan tanda tangan boleh ditambahkan di "
             "bawah daftar; baris itu dilewati saat impor.", False),
            ("", False),
            ("Data pribadi dalam daftar ini dilindungi UU 27/2022 tentang Pelindungan Data Pribadi: kirim hanya "
             "kepada Dinas Sosial dan jangan disebarkan.", False),
        ]  # fmt: skip
        for row, (text, strong) in enumerate(lines, start=1):
            cell = guide.cell(row=row, column=1, value=text)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if strong:
                cell.font = Font(bold=True, size=13)
        workbook.active = 1
        with atomic_output(target) as temp:
            workbook.save(temp)
        return Path(target)


def _kind(column: ProfileColumn) -> str:
    if column.field in TEXT_FIELDS:
        return "text"
    if column.field in DATE_FIELDS:
        return "date"
    if column.field in MONEY_FIELDS:
        return "money"
    return "plain"


def _width(column: ProfileColumn) -> float:
    widths = {
        "row_number": 6, "nik": 19, "kk": 19, "name": 28, "sex": 5, "birth_place": 16, "birth_date": 12,
        "address": 28, "full_address": 34, "rt": 5, "rw": 5, "village_name": 18, "district_name": 16,
        "regency_name": 22, "village_code": 14, "occupation": 20, "phone": 15, "income": 14, "kpj": 13,
        "status_label": 16, "heir_name": 24, "heir_relationship": 14, "heir_nik": 19, "heir_phone": 15,
        "contribution": 14,
    }  # fmt: skip
    return max(
        widths.get(column.field, 14), min(len(column.header) + 2, 30) if len(column.header) < 16 else 14
    )


_ACTIVE = frozenset(s.value for s in WorkerStatus if s.is_active)


class _Recap:
    """Counts gathered while the list is written: per kecamatan and desa, occupation and status."""

    def __init__(self) -> None:
        self.villages: dict[str, Counter[str]] = defaultdict(Counter)
        self.occupations: dict[str, Counter[str]] = defaultdict(Counter)
        self.statuses: Counter[str] = Counter()
        self.money: Counter[str] = Counter()

    def add(self, workers: list[WorkerRecord], rows: list[tuple[object, ...]]) -> None:
        """Count a batch: one tally per (village, sex, KPJ or not, status, occupation), spread out below."""
        tally: Counter[tuple[str, str, bool, str, str]] = Counter(
            (w.village_code, w.sex or "?", bool(w.kpj), w.status, w.occupation or "(tidak diisi)")
            for w in workers
        )
        money = self.money
        for w, row in zip(workers, rows, strict=True):
            if w.status in _ACTIVE:
                money[w.village_code] += row[_CONTRIBUTION]  # type: ignore[assignment,operator]
        for (code, sex, has_kpj, status, occupation), count in tally.items():
            village = self.villages[code]
            village[sex] += count
            village["all"] += count
            if has_kpj:
                village["kpj"] += count
            if status in _ACTIVE:
                village["active"] += count
            job = self.occupations[occupation]
            job[sex] += count
            job["all"] += count
            self.statuses[status] += count

    def write(
        self, book: XlsxWriter, styles: _ExportStyles, names: _Names, regency: str, regions: RegionTable
    ) -> list[str]:
        """The three recap sheets, after the list: per kecamatan and desa, per occupation, per status."""
        plain, money, percent = 0, styles.money, styles.percent
        strong, strong_money = styles.strong, styles.strong_money

        def row(
            sheet: SheetWriter, values: list[object], *, bold: bool = False, money_from: int = 99
        ) -> None:
            sheet.append(
                values,
                [
                    (strong_money if bold else money) if i >= money_from and isinstance(v, int) else
                    (strong if bold else plain)
                    for i, v in enumerate(values)
                ],
            )  # fmt: skip

        # Per kecamatan and desa, every village of the regency listed (zero rows show gaps).
        titles = ["Kecamatan", "Desa/Kelurahan", "Kode", "Laki-laki", "Perempuan", "Jumlah", "Aktif",
                  "Sudah KPJ", "Iuran JKK+JKM per Bulan (Rp)"]  # fmt: skip
        with book.sheet("Rekap Wilayah", widths=[18, 22, 15, 11, 11, 10, 10, 11, 24], freeze="A2") as by_area:
            by_area.append(titles, styles.recap_header)
            grand: Counter[str] = Counter()
            codes = [v.code for d in regions.districts(regency) for v in regions.villages(d.code)]
            listed = set(codes)
            codes += sorted(c for c in self.villages if c not in listed)  # outside the regency
            current_district: str | None = None
            district_total: Counter[str] = Counter()

            def flush_district() -> None:
                if current_district is not None:
                    row(by_area, [f"Jumlah {current_district}", "", "", district_total["L"], district_total["P"],
                                  district_total["all"], district_total["active"], district_total["kpj"],
                                  district_total["money"]], bold=True, money_from=8)  # fmt: skip

            for code in codes:
                village, district, _ = names(code)
                if district != current_district:
                    flush_district()
                    current_district = district
                    district_total = Counter()
                c = self.villages.get(code, Counter())
                money_of = self.money.get(code, 0)
                row(by_area, [district, village, code, c["L"], c["P"], c["all"], c["active"], c["kpj"], money_of],
                    money_from=8)  # fmt: skip
                for key in ("L", "P", "all", "active", "kpj"):
                    district_total[key] += c[key]
                    grand[key] += c[key]
                district_total["money"] += money_of
                grand["money"] += money_of
            flush_district()
            row(by_area, ["JUMLAH SELURUHNYA", "", "", grand["L"], grand["P"], grand["all"], grand["active"],
                          grand["kpj"], grand["money"]], bold=True, money_from=8)  # fmt: skip
            by_area.auto_filter()

        with book.sheet("Rekap Pekerjaan", widths=[28, 11, 11, 10, 10], freeze="A2") as by_job:
            by_job.append(["Pekerjaan", "Laki-laki", "Perempuan", "Jumlah", "Persen"], styles.recap_header)
            total = sum(c["all"] for c in self.occupations.values()) or 1
            ordered = sorted(self.occupations.items(), key=lambda kv: (-kv[1]["all"], kv[0]))
            for name, c in ordered:
                by_job.append(
                    [name, c["L"], c["P"], c["all"], round(c["all"] / total, 4)], [plain] * 4 + [percent]
                )
            by_job.auto_filter()
            row(by_job, ["JUMLAH", sum(c["L"] for c in self.occupations.values()),
                         sum(c["P"] for c in self.occupations.values()), total if self.occupations else 0, None],
                bold=True)  # fmt: skip

        with book.sheet("Rekap Status", widths=[22, 12, 10], freeze="A2") as by_status:
            by_status.append(["Status", "Kode", "Jumlah"], styles.recap_header)
            for status in WorkerStatus:
                row(by_status, [STATUS_LABELS[status][0], status.value, self.statuses.get(status.value, 0)])
            by_status.auto_filter()
            row(by_status, ["JUMLAH", "", sum(self.statuses.values())], bold=True)
        return ["Rekap Wilayah", "Rekap Pekerjaan", "Rekap Status"]


class _ExportStyles:
    """The cell styles of an export, registered once in the workbook."""

    def __init__(self, book: XlsxWriter, date_format: str) -> None:
        self.header = book.style(Style(bold=True, color="FFFFFF", fill="1F4E78", centre=True))
        self.recap_header = book.style(Style(bold=True, color="FFFFFF", fill="1F4E78"))
        self.text = book.style(Style(number_format="@"))
        self.date = book.style(Style(number_format=date_format))
        self.money = book.style(Style(number_format=RUPIAH_FORMAT))
        self.percent = book.style(Style(number_format="0.0%"))
        self.strong = book.style(Style(bold=True, fill="DDEBF7"))
        self.strong_money = book.style(Style(number_format=RUPIAH_FORMAT, bold=True, fill="DDEBF7"))

    def kind(self, column: ProfileColumn) -> tuple[str, int]:
        """How a profile column's cells are written: (cell kind, style)."""
        kind = _kind(column)
        if kind == "text":
            return TEXT, self.text
        if kind == "date":
            return DATE, self.date
        if kind == "money":
            return NUMBER, self.money
        if column.field == "row_number":
            return NUMBER, 0
        return TEXT, 0


def _picker(columns: tuple[ProfileColumn, ...]) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
    """The profile's cells out of a :func:`worker_row` tuple: fixed texts and capitals included, by one
    compiled ``lambda`` (e.g. ``lambda f: (f[0], f[1], f[3].upper(), 'JKK, JKM')``)."""
    cells = []
    for column in columns:
        if not column.field:
            cells.append(repr(column.value.upper() if column.upper else column.value))
        elif column.upper:
            cells.append(f"f[{_FIELD_INDEX[column.field]}].upper()")
        else:
            cells.append(f"f[{_FIELD_INDEX[column.field]}]")
    pick: Callable[[tuple[object, ...]], tuple[object, ...]] = eval(  # noqa: S307 - indexes and repr()s only
        f"lambda f: ({', '.join(cells)},)"
    )
    return pick


_FIELD_INDEX = {name: index for index, name in enumerate(FIELDS)}
_CONTRIBUTION = _FIELD_INDEX["contribution"]


__all__ = [
    "ExportProfile",
    "ExportResult",
    "WorkerExporter",
    "builtin_profile",
    "worker_row",
    "worker_values",
]
