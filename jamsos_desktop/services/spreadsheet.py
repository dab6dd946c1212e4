"""Reading and writing spreadsheet files safely: what every Excel import and export shares.

Reading: the file is sniffed before openpyxl sees it (a renamed PDF, an old .xls, a password-protected
workbook, an OpenDocument file or a zip bomb each get one clear sentence), then read in read-only mode
(openpyxl parses XML through defusedxml when it is installed) with caps on size, rows and columns.
``.csv`` (comma, semicolon or tab; UTF-8 or Windows-1252) is read the same way, every value as text.

Writing: files go to a temporary name next to the target and are renamed into place, so a crash never
leaves half a workbook under the real name. Text cells are neutralised against formula injection.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jamsos_desktop.domain.errors import JamsosError, UsageError
from jamsos_desktop.domain.excel_rules import CellValue, HeaderMatch, match_header, neutralise
from jamsos_desktop.domain.formatting import format_number
from jamsos_desktop.services.ports import NullProgress, Progress

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # a sheet of text compresses ~10-20x; hundreds-fold is a bomb
MAX_ROWS = 200_000
MAX_COLUMNS = 120
HEADER_SCAN_ROWS = 30

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return f"{format_number(max(1, size // 1024))} KB"


def sniff(path: Path) -> str:
    """``"xlsx"`` or ``"csv"``; raises :class:`UsageError` with the reason for anything else."""
    shown = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UsageError("excel.file_missing", path=shown) from None
    except OSError as exc:
        raise UsageError("excel.corrupt", path=shown, detail=exc.strerror or str(exc)) from None
    if path.is_dir():
        raise UsageError("excel.not_spreadsheet", path=shown)
    if size > MAX_FILE_BYTES:
        raise UsageError(
            "excel.file_too_big", path=shown, size=_size_text(size), max=_size_text(MAX_FILE_BYTES)
        )
    if size == 0:
        raise UsageError("excel.empty", path=shown)
    with path.open("rb") as handle:
        head = handle.read(8)
        if head.startswith(_OLE_MAGIC):
            # Both old .xls and password-protected .xlsx are OLE compound files; the latter hold an
            # "EncryptedPackage" stream.
            body = head + handle.read()
            if _ENCRYPTED_MARK in body:
                raise UsageError("excel.encrypted", path=shown)
            raise UsageError("excel.xls", path=shown)
    if head.startswith(b"%PDF"):
        raise UsageError("excel.pdf", path=shown)
    if head.startswith(b"PK"):
        _check_zip(path)
        return "xlsx"
    if head.startswith((b"{\\rtf", b"<?xml", b"<html", b"<!DOC", b"\x89PNG", b"\xff\xd8")):
        raise UsageError("excel.not_spreadsheet", path=shown)
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return "csv"
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise UsageError("excel.corrupt", path=shown, detail="not a zip archive")
    if b"\x00" in head:
        raise UsageError("excel.not_spreadsheet", path=shown)
    return "csv"


def _check_zip(path: Path) -> None:
    shown = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "mimetype" in names:
                kind = archive.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in kind:
                    raise UsageError("excel.ods", path=shown)
                raise UsageError("excel.not_spreadsheet", path=shown)
            if "xl/workbook.xml" not in names:
                raise UsageError("excel.not_spreadsheet", path=shown)
            total = 0
            for member in members:
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if total > MAX_UNCOMPRESSED_BYTES or (
                    member.file_size > 10 * 1024 * 1024 and ratio > MAX_MEMBER_RATIO
                ):
                    raise UsageError(
                        "excel.zip_bomb", path=shown, size=_size_text(max(total, member.file_size))
                    )
    except zipfile.BadZipFile as exc:
        raise UsageError("excel.corrupt", path=shown, detail=str(exc)) from None
    except (zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise UsageError("excel.corrupt", path=shown, detail=str(exc)) from None


@dataclass
class SourceTable:
    """The part of a file below the recognised header: original rows with their spreadsheet numbers."""

    path: Path
    sheet: str
    header_row: int  # 1-based spreadsheet row number of the header
    header: HeaderMatch
    rows: list[tuple[int, tuple[CellValue, ...]]] = field(default_factory=list)

    @property
    def headers(self) -> tuple[str, ...]:
        return self.header.headers


HeaderFinder = Callable[[Sequence[CellValue], int], HeaderMatch | None]


def read_table(
    path: str | Path,
    *,
    progress: Progress | None = None,
    finder: HeaderFinder = match_header,
    no_header_code: str = "excel.no_header",
) -> SourceTable:
    """Find the header on any sheet (within the first rows) and read the rows below it.

    ``finder`` recognises a header row (the worker list's by default; the KPJ import passes its own).
    """
    path = Path(path)
    progress = progress or NullProgress()
    kind = sniff(path)
    if kind == "csv":
        return _read_csv(path, progress, finder, no_header_code)
    return _read_xlsx(path, progress, finder, no_header_code)


def _best_header(rows: list[tuple[CellValue, ...]], finder: HeaderFinder) -> HeaderMatch | None:
    best: HeaderMatch | None = None
    for index, cells in enumerate(rows):
        found = finder(cells, index)
        if found is not None and (best is None or len(found.columns) > len(best.columns)):
            best = found
    return best


def _trim(cells: Sequence[CellValue]) -> tuple[CellValue, ...]:
    end = len(cells)
    while end and (cells[end - 1] is None or cells[end - 1] == ""):
        end -= 1
    return tuple(cells[:end])


def _read_xlsx(path: Path, progress: Progress, finder: HeaderFinder, no_header_code: str) -> SourceTable:
    shown = str(path)
    try:
        workbook = _load_read_only(path)
    except JamsosError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for damaged files
        raise UsageError("excel.corrupt", path=shown, detail=f"{type(exc).__name__}: {exc}"[:200]) from None
    try:
        looked_at: list[str] = []
        any_data = False
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible" and len(workbook.worksheets) > 1:
                continue
            looked_at.append(sheet.title)
            try:
                claimed_rows = sheet.max_row or 0
                claimed_cols = sheet.max_column or 0
            except Exception:  # noqa: BLE001 - a damaged dimension tag
                claimed_rows = claimed_cols = 0
            if claimed_rows > MAX_ROWS:
                raise UsageError(
                    "excel.too_many_rows",
                    sheet=sheet.title,
                    rows=format_number(claimed_rows),
                    max=format_number(MAX_ROWS),
                )
            width = min(claimed_cols, MAX_COLUMNS) if claimed_cols else MAX_COLUMNS
            table = _scan_rows(
                path,
                sheet.title,
                _iter_sheet(sheet, width, shown),
                claimed_rows,
                progress,
                finder,
            )
            if table is None:
                continue
            if isinstance(table, bool):
                any_data = any_data or table
                continue
            return table
        if not any_data:
            raise UsageError("excel.empty", path=shown)
        raise UsageError(no_header_code, path=shown, rows=HEADER_SCAN_ROWS, sheets=", ".join(looked_at))
    finally:
        workbook.close()


def _load_read_only(path: Path) -> Any:
    """``openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)``, with the
    shared-strings table read by :func:`_read_shared_strings` (the same texts, a third of the time)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class _Reader(ExcelReader):  # type: ignore[misc]
        def read_strings(self) -> None:
            if self.rich_text:  # pragma: no cover - never asked for here
                super().read_strings()
                return
            part = self.package.find(SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as source:
                    self.shared_strings = _read_shared_strings(source)

    reader = _Reader(path, read_only=True, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


def _read_shared_strings(source: Any) -> list[str]:
    """The shared-strings table (what Excel and LibreOffice write every text cell into) as plain texts.

    What openpyxl's ``read_string_table`` returns, through the same (defusedxml) ``iterparse``, without
    building a ``Text`` object per string (see :func:`_plain_text`); Excel's ``_x005F_`` escape is undone
    as openpyxl does.
    """
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    item = f"{{{SHEET_MAIN_NS}}}si"
    strings: list[str] = []
    for _, node in iterparse(source):
        if node.tag == item:
            strings.append(_plain_text(node).replace("x005F_", ""))
            node.clear()
    return strings


_TEXT_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t"
_RUN_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}r"


def _plain_text(node: Any) -> str:
    """openpyxl's ``Text.from_tree(node).content`` for a shared string ``<si>`` or an inline ``<is>``: the
    node's own ``<t>`` followed by the ``<t>`` of each rich-text run ``<r>``; phonetic runs (``<rPh>``)
    are left out. (A second ``<t>`` in one place, not valid, replaces the first, as in openpyxl.)"""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        tag = child.tag
        if tag == _TEXT_TAG:
            plain = child.text
        elif tag == _RUN_TAG:
            piece = None
            for part in child:
                if part.tag == _TEXT_TAG:
                    piece = part.text
            if piece is not None:
                runs.append(piece)
    if plain is None:
        return "".join(runs)
    return plain + "".join(runs) if runs else plain


def _iter_sheet(sheet: Any, width: int, shown: str) -> Iterator[tuple[CellValue, ...]]:
    try:
        try:
            rows = _sheet_values(sheet, width)
        except (AttributeError, ImportError, TypeError):  # pragma: no cover - an openpyxl whose insides
            rows = sheet.iter_rows(min_row=1, max_col=width, values_only=True)  # differ: its own iteration
        yield from rows
    except JamsosError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML
        raise UsageError("excel.corrupt", path=shown, detail=f"{type(exc).__name__}: {exc}"[:200]) from None


def _sheet_values(sheet: Any, width: int) -> Iterator[tuple[CellValue, ...]]:
    """``sheet.iter_rows(min_row=1, max_col=width, values_only=True)`` of a read-only sheet: the same rows
    and values, from the same parser (openpyxl's ``WorkSheetParser`` over defusedxml's ``iterparse``),
    with a lighter decoding of each cell (:func:`_lean_parser`). A test compares the two on many files."""
    workbook = sheet.parent
    source = sheet._get_source()
    parser = _lean_parser()(
        source,
        sheet._shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )
    return _rows_of(parser, source, width, sheet.max_row)


def _rows_of(parser: Any, source: Any, width: int, max_row: int | None) -> Iterator[tuple[CellValue, ...]]:
    """What openpyxl's ``ReadOnlyWorksheet._cells_by_row`` yields: missing rows as empty ones, rows past
    the sheet's declared used range left out, and empty rows up to that range's end."""
    empty = (None,) * width
    counter = 1
    index = 0
    with source:
        for index, cells in parser.parse():
            if max_row is not None and index > max_row:
                break
            while counter < index:
                counter += 1
                yield empty
            if counter <= index:
                counter += 1
                row: list[CellValue] = [None] * width
                for column, value in cells:
                    if 1 <= column <= width:
                        row[column - 1] = value
                yield tuple(row)
    if max_row is not None and max_row < index:  # pragma: no cover - as openpyxl (never true after break)
        for _ in range(counter, max_row + 1):
            yield empty


_LEAN_PARSER: Any = None


def _lean_parser() -> Any:
    """openpyxl's ``WorkSheetParser`` giving ``(column, value)`` per cell instead of a dictionary, as
    ``parse_cell`` decodes it with ``data_only`` (cached values of formulas), a column's letters turned
    into its number once per sheet, inline strings read by :func:`_plain_text`, and only the rows parsed
    (on the same defusedxml ``iterparse``)."""
    global _LEAN_PARSER
    if _LEAN_PARSER is not None:
        return _LEAN_PARSER
    from openpyxl.utils.cell import column_index_from_string
    from openpyxl.utils.datetime import from_excel, from_ISO8601
    from openpyxl.worksheet._reader import INLINE_STRING, ROW_TAG, VALUE_TAG, WorkSheetParser, _cast_number
    from openpyxl.xml.functions import iterparse

    class LeanParser(WorkSheetParser):  # type: ignore[misc]
        def parse(self) -> Iterator[tuple[int, list[tuple[int, CellValue]]]]:
            """The rows only: a sheet's other parts (column widths, views, merged cells, conditional
            formats...) hold no values, so they are not turned into openpyxl objects."""
            for _, element in iterparse(self.source):
                if element.tag == ROW_TAG:
                    row = self.parse_row(element)
                    element.clear()
                    yield row

        def parse_row(self, row: Any) -> tuple[int, list[tuple[int, CellValue]]]:
            number = row.get("r")
            if number is not None:
                try:
                    self.row_counter = int(number)
                except ValueError:
                    value = float(number)
                    if not value.is_integer():
                        raise ValueError(f"{number} is not a valid row number") from None
                    self.row_counter = int(value)
            else:
                self.row_counter += 1
            self.col_counter = 0
            return self.row_counter, [self.parse_cell(cell) for cell in row]

        def parse_cell(self, element: Any) -> tuple[int, CellValue]:  # type: ignore[override]
            get = element.get
            data_type = get("t", "n")
            coordinate = get("r")
            if coordinate:
                letters = coordinate.rstrip("0123456789")
                column = _COLUMN_NUMBERS.get(letters)
                if column is None:
                    column = column_index_from_string(letters)
                    if len(_COLUMN_NUMBERS) < 20_000:
                        _COLUMN_NUMBERS[letters] = column
                self.col_counter = column
            else:
                self.col_counter += 1
                column = self.col_counter
            if data_type == "inlineStr":
                child = element.find(INLINE_STRING)
                return column, (None if child is None else _plain_text(child))
            value = element.findtext(VALUE_TAG, None) or None
            if value is None:
                return column, None
            if data_type == "s":
                return column, self.shared_strings[int(value)]
            if data_type == "n":
                number = _cast_number(value)
                style = get("s", 0)
                style_id = int(style) if style else 0
                if style_id in self.date_formats:
                    try:
                        return column, from_excel(
                            number, self.epoch, timedelta=style_id in self.timedelta_formats
                        )
                    except (OverflowError, ValueError):
                        return column, "#VALUE!"  # what openpyxl gives (it warns too)
                return column, number
            if data_type == "b":
                return column, bool(int(value))
            if data_type == "d":
                return column, from_ISO8601(value)
            return column, value  # "str" (a formula's text), "e" (an error such as #N/A)

    _LEAN_PARSER = LeanParser
    return LeanParser


_COLUMN_NUMBERS: dict[str, int] = {}


def _scan_rows(
    path: Path,
    sheet: str,
    rows: Iterator[Sequence[CellValue]],
    claimed_rows: int,
    progress: Progress,
    finder: HeaderFinder,
) -> SourceTable | bool | None:
    """The table below the header, or False/True (no header; whether the sheet had any data)."""
    head: list[tuple[CellValue, ...]] = []
    number = 0
    had_data = False
    for cells in rows:
        number += 1
        trimmed = _trim(cells)
        had_data = had_data or bool(trimmed)
        head.append(trimmed)
        if number >= HEADER_SCAN_ROWS:
            break
    header = _best_header(head, finder)
    if header is None:
        return had_data
    table = SourceTable(path, sheet, header.row_index + 1, header)
    for index in range(header.row_index + 1, len(head)):
        if head[index]:
            table.rows.append((index + 1, head[index]))
    total = max(claimed_rows, number)
    for cells in rows:
        number += 1
        if number > MAX_ROWS:
            raise UsageError(
                "excel.too_many_rows",
                sheet=sheet,
                rows=f"> {format_number(MAX_ROWS)}",
                max=format_number(MAX_ROWS),
            )
        trimmed = _trim(cells)
        if trimmed:
            table.rows.append((number, trimmed))
        if number % 1000 == 0:
            progress.update(number, total, "")
            if progress.cancelled:
                raise UsageError("excel.cancelled")
    progress.update(number, max(total, number), "")
    return table


def _decode(raw: bytes, shown: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError("excel.csv_encoding", path=shown, detail="not UTF-8 or Windows-1252")


def _read_csv(path: Path, progress: Progress, finder: HeaderFinder, no_header_code: str) -> SourceTable:
    shown = str(path)
    if path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = path.read_bytes().decode("utf-16")
    else:
        text = _decode(path.read_bytes(), shown)
    if not text.strip():
        raise UsageError("excel.empty", path=shown)
    sample = text[:8192]
    first_lines = sample.splitlines()[:HEADER_SCAN_ROWS]
    # Indonesian Excel writes ';' (comma is the decimal separator); pick the delimiter that splits most.
    delimiter = max(";,\t|", key=lambda d: sum(line.count(d) for line in first_lines))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterator[tuple[CellValue, ...]]:
        for record in reader:
            if len(record) > MAX_COLUMNS:
                record = record[:MAX_COLUMNS]
            yield tuple(value if value.strip() else None for value in record)

    table = _scan_rows(path, path.stem, rows(), 0, progress, finder)
    if table is None or isinstance(table, bool):
        if not table:
            raise UsageError("excel.empty", path=shown)
        raise UsageError(no_header_code, path=shown, rows=HEADER_SCAN_ROWS, sheets=path.name)
    return table


# -- writing ------------------------------------------------------------------------------------------
@contextmanager
def atomic_output(target: str | Path) -> Iterator[Path]:
    """A temporary path next to ``target``; renamed onto ``target`` only when the block succeeds."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError("io.write", path=str(target), detail="folder does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=target.suffix or ".tmp", dir=folder
        )
    except OSError as exc:
        raise UsageError("io.write", path=str(target), detail=exc.strerror or str(exc)) from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise UsageError("io.write", path=str(target), detail=exc.strerror or str(exc)) from None
    finally:
        if temp.exists():
            with suppress(OSError):
                temp.unlink()


def safe_text(value: object) -> object:
    """A value for a spreadsheet cell: text neutralised against formula injection, others unchanged."""
    if isinstance(value, str):
        return neutralise(value)
    return value


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "SourceTable",
    "atomic_output",
    "read_table",
    "safe_text",
    "sniff",
]
