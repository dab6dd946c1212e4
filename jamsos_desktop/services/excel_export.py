"""Spreadsheets out: the full worker list with recap sheets, the BPJS registration list, the village template.

Columns of the ``full`` and ``bpjs`` exports come from editable JSON profiles shipped in
``resources/export_profiles`` (the official BPJS column list is not public; the office adapts the profile
to what its BPJS branch asks for). Every export writes NIK, KK, KPJ and phone numbers as text cells
(format ``@``) and neutralises text a spreadsheet would run as a formula (OWASP: a leading ``=``, ``+``,
``-``, ``@``, tab, CR or LF gets a ``'``). Big exports use openpyxl's write-only mode and are written to a
temporary file that is renamed into place.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jamsos_desktop.domain.errors import NotFoundError, UsageError
from jamsos_desktop.domain.excel_rules import column_letter, neutralise
from jamsos_desktop.domain.money import JKM_FLAT, jkk_contribution
from jamsos_desktop.domain.regions import RegionTable
from jamsos_desktop.domain.worker import SortKey, WorkerQuery
from jamsos_desktop.domain.worker_record import WorkerRecord
from jamsos_desktop.domain.worker_types import OCCUPATIONS, STATUS_LABELS, HeirRelationship, Sex, WorkerStatus
from jamsos_desktop.services.ports import NullProgress, Progress, UnitOfWorkFactory
from jamsos_desktop.services.spreadsheet import atomic_output

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


class _Names:
    """Region names by code, cached (villages and districts of one regency are few)."""

    def __init__(self, regions: RegionTable) -> None:
        self._regions = regions
        self._cache: dict[str, tuple[str, str, str]] = {}

    def __call__(self, village_code: str) -> tuple[str, str, str]:
        found = self._cache.get(village_code)
        if found is None:
            district = village_code.rsplit(".", 1)[0]
            regency = district.rsplit(".", 1)[0]
            found = (
                self._regions.name(village_code) or village_code,
                self._regions.name(district) or "",
                self._regions.name(regency) or "",
            )
            self._cache[village_code] = found
        return found


def worker_values(worker: WorkerRecord, number: int, names: _Names) -> dict[str, object]:
    """Every exportable field of ``worker`` (identifiers as text, money as int, dates as date)."""
    village, district, regency = names(worker.village_code)
    jkk = jkk_contribution(worker.income)
    rt_rw = f"RT {worker.rt} RW {worker.rw}" if worker.rt or worker.rw else ""
    status = _STATUSES.get(worker.status)
    relation = _RELATIONS.get(worker.heir_relationship or "")
    return {
        "row_number": number,
        "nik": worker.nik or "",
        "kk": worker.kk,
        "name": worker.name,
        "sex": worker.sex,
        "sex_label": _SEX_LABELS.get(worker.sex, ""),
        "birth_place": worker.birth_place,
        "birth_date": worker.birth_date,
        "address": worker.address,
        "rt": worker.rt,
        "rw": worker.rw,
        "full_address": ", ".join(p for p in (worker.address, rt_rw) if p),
        "village_code": worker.village_code,
        "village_name": village,
        "district_name": district,
        "regency_name": regency,
        "occupation": worker.occupation,
        "phone": worker.phone,
        "income": worker.income,
        "jkk": jkk,
        "jkm": JKM_FLAT,
        "contribution": jkk + JKM_FLAT,
        "kpj": worker.kpj or "",
        "status": worker.status,
        "status_label": status.label if status else worker.status,
        "heir_name": worker.heir_name or "",
        "heir_relationship": relation.label if relation else "",
        "heir_nik": worker.heir_nik or "",
        "heir_phone": worker.heir_phone or "",
    }


_STATUSES = {s.value: s for s in WorkerStatus}
_RELATIONS = {r.value: r for r in HeirRelationship}
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

    # -- reading ------------------------------------------------------------------------------------
    def _workers(
        self, statuses: tuple[WorkerStatus, ...], progress: Progress, programme_id: int | None = None
    ) -> Iterator[list[WorkerRecord]]:
        query = WorkerQuery(statuses=statuses, sort=SortKey.VILLAGE)
        with self._uow() as uow:
            ids = uow.workers.search_ids(query)
            if programme_id is not None:
                if uow.programmes.get(programme_id) is None:
                    raise NotFoundError("programme.not_found", programme_id=programme_id)
                enrolled = set(uow.enrolments.worker_ids(programme_id))
                ids = [i for i in ids if i in enrolled]
            total = len(ids)
            progress.update(0, total, "")
            for start in range(0, total, BATCH):
                if progress.cancelled:
                    raise UsageError("usage.interrupted")
                yield uow.workers.records(ids[start : start + BATCH])
                progress.update(min(start + BATCH, total), total, "")

    # -- exports ------------------------------------------------------------------------------------
    def export(
        self,
        target: str | Path,
        *,
        profile: ExportProfile | str = "full",
        progress: Progress | None = None,
        programme_id: int | None = None,
    ) -> ExportResult:
        """Write the workers (only those enrolled in ``programme_id`` when given) to ``target``."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill

        progress = progress or NullProgress()
        if isinstance(profile, str):
            profile = builtin_profile(profile)
        names = _Names(self._regions())
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(profile.sheet)
        columns = profile.columns
        bold = Font(bold=True, color="FFFFFF")
        head_fill = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

        for index, column in enumerate(columns):
            sheet.column_dimensions[column_letter(index)].width = column.width or _width(column)
        sheet.freeze_panes = "C2" if len(columns) > 2 else "A2"

        # Styled cells share one style array per kind: assigning number formats cell by cell is what
        # makes openpyxl slow on 100,000 rows.
        def template(number_format: str) -> Any:
            cell = WriteOnlyCell(sheet, value=None)
            cell.number_format = number_format
            return cell._style

        text_style, date_style, money_style = (
            template("@"),
            template(profile.date_format),
            template(RUPIAH_FORMAT),
        )

        def styled(value: object, style: Any) -> WriteOnlyCell:
            cell = WriteOnlyCell(sheet, value=value)
            cell._style = style
            return cell

        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=neutralise(column.header))
            cell.font, cell.fill, cell.alignment = bold, head_fill, centre
            header.append(cell)
        sheet.append(header)

        recap = _Recap() if profile.recap else None
        rows = 0
        kinds = [_kind(c) for c in columns]
        for batch in self._workers(profile.statuses, progress, programme_id):
            for worker in batch:
                rows += 1
                values = worker_values(worker, rows, names)
                if recap is not None:
                    recap.add(worker, values)
                out: list[object] = []
                for column, kind in zip(columns, kinds, strict=True):
                    value = values[column.field] if column.field else column.value
                    if kind == "text":
                        out.append(styled(neutralise(str(value)), text_style) if value else None)
                    elif kind == "date":
                        out.append(styled(value, date_style) if value else None)
                    elif kind == "money":
                        out.append(styled(value, money_style))
                    elif isinstance(value, str):
                        text = value.upper() if column.upper else value
                        out.append(neutralise(text) if text else None)
                    else:
                        out.append(value)
                sheet.append(out)
        sheet.auto_filter.ref = f"A1:{column_letter(len(columns) - 1)}{rows + 1}"
        sheets = [profile.sheet]
        if recap is not None:
            sheets.extend(recap.write(workbook, names, self._regency(), self._regions()))
        with atomic_output(target) as temp:
            workbook.save(temp)
        return ExportResult(Path(target), rows, tuple(sheets))

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

    def add(self, worker: WorkerRecord, values: dict[str, object]) -> None:
        sex = values["sex"] or "?"
        village = self.villages[worker.village_code]
        village[str(sex)] += 1
        village["all"] += 1
        if worker.kpj:
            village["kpj"] += 1
        if worker.status in _ACTIVE:
            village["active"] += 1
            self.money[worker.village_code] += int(values["contribution"])  # type: ignore[call-overload]
        occupation = self.occupations[worker.occupation or "(tidak diisi)"]
        occupation[str(sex)] += 1
        occupation["all"] += 1
        self.statuses[worker.status] += 1

    def write(self, workbook: Any, names: _Names, regency: str, regions: RegionTable) -> list[str]:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill

        bold = Font(bold=True)
        white = Font(bold=True, color="FFFFFF")
        head_fill = PatternFill("solid", start_color="1F4E78", end_color="1F4E78")
        sub_fill = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")

        def header(sheet: Any, titles: list[str], widths: list[float]) -> None:
            for i, w in enumerate(widths):
                sheet.column_dimensions[column_letter(i)].width = w
            sheet.freeze_panes = "A2"
            cells = []
            for t in titles:
                c = WriteOnlyCell(sheet, value=t)
                c.font, c.fill = white, head_fill
                cells.append(c)
            sheet.append(cells)

        def row(
            sheet: Any, values: list[object], *, strong: bool = False, money_from: int | None = None
        ) -> None:
            cells = []
            for i, v in enumerate(values):
                c = WriteOnlyCell(sheet, value=neutralise(v) if isinstance(v, str) else v)
                if strong:
                    c.font, c.fill = bold, sub_fill
                if money_from is not None and i >= money_from and isinstance(v, int):
                    c.number_format = RUPIAH_FORMAT
                cells.append(c)
            sheet.append(cells)

        # Per kecamatan and desa, every village of the regency listed (zero rows show gaps).
        by_area = workbook.create_sheet("Rekap Wilayah")
        titles = ["Kecamatan", "Desa/Kelurahan", "Kode", "Laki-laki", "Perempuan", "Jumlah", "Aktif",
                  "Sudah KPJ", "Iuran JKK+JKM per Bulan (Rp)"]  # fmt: skip
        header(by_area, titles, [18, 22, 15, 11, 11, 10, 10, 11, 24])
        count = 1
        grand: Counter[str] = Counter()
        codes = [v.code for d in regions.districts(regency) for v in regions.villages(d.code)]
        codes += sorted(c for c in self.villages if c not in set(codes))  # outside the regency
        current_district = None
        district_total: Counter[str] = Counter()

        def flush_district() -> None:
            nonlocal count
            if current_district is not None:
                row(by_area, [f"Jumlah {current_district}", "", "", district_total["L"], district_total["P"],
                              district_total["all"], district_total["active"], district_total["kpj"],
                              district_total["money"]], strong=True, money_from=8)  # fmt: skip
                count += 1

        for code in codes:
            village, district, _ = names(code)
            if district != current_district:
                flush_district()
                current_district = district
                district_total = Counter()
            c = self.villages.get(code, Counter())
            money = self.money.get(code, 0)
            row(by_area, [district, village, code, c["L"], c["P"], c["all"], c["active"], c["kpj"], money],
                money_from=8)  # fmt: skip
            count += 1
            for key in ("L", "P", "all", "active", "kpj"):
                district_total[key] += c[key]
                grand[key] += c[key]
            district_total["money"] += money
            grand["money"] += money
        flush_district()
        row(by_area, ["JUMLAH SELURUHNYA", "", "", grand["L"], grand["P"], grand["all"], grand["active"],
                      grand["kpj"], grand["money"]], strong=True, money_from=8)  # fmt: skip
        by_area.auto_filter.ref = f"A1:I{count}"

        by_job = workbook.create_sheet("Rekap Pekerjaan")
        header(by_job, ["Pekerjaan", "Laki-laki", "Perempuan", "Jumlah", "Persen"], [28, 11, 11, 10, 10])
        total = sum(c["all"] for c in self.occupations.values()) or 1
        ordered = sorted(self.occupations.items(), key=lambda kv: (-kv[1]["all"], kv[0]))
        for name, c in ordered:
            cell_row = [name, c["L"], c["P"], c["all"], round(c["all"] / total, 4)]
            cells = []
            for i, v in enumerate(cell_row):
                cell = WriteOnlyCell(by_job, value=neutralise(v) if isinstance(v, str) else v)
                if i == 4:
                    cell.number_format = "0.0%"
                cells.append(cell)
            by_job.append(cells)
        row(by_job, ["JUMLAH", sum(c["L"] for c in self.occupations.values()),
                     sum(c["P"] for c in self.occupations.values()), total if self.occupations else 0, None],
            strong=True)  # fmt: skip
        by_job.auto_filter.ref = f"A1:E{len(ordered) + 1}"

        by_status = workbook.create_sheet("Rekap Status")
        header(by_status, ["Status", "Kode", "Jumlah"], [22, 12, 10])
        for status in WorkerStatus:
            row(by_status, [STATUS_LABELS[status][0], status.value, self.statuses.get(status.value, 0)])
        row(by_status, ["JUMLAH", "", sum(self.statuses.values())], strong=True)
        by_status.auto_filter.ref = f"A1:C{len(WorkerStatus) + 1}"
        return ["Rekap Wilayah", "Rekap Pekerjaan", "Rekap Status"]


__all__ = ["ExportProfile", "ExportResult", "WorkerExporter", "builtin_profile", "worker_values"]
