"""Excel in and out, safely: one place for every export and import of the portal.

Out: write-only workbooks with typed cells (numbers as numbers, dates as
dates), a frozen bold header row, column widths, and every text cell that
could start a formula neutralised (openpyxl writes text beginning with ``=``
as a live formula; ``+ - @``, tab and carriage return are dangerous too).

In: the upload is checked before openpyxl sees it: a zip at all, no macros,
no archive bomb (declared sizes, entry count, compression ratio), then read
with ``read_only=True`` (defusedxml guards the XML).
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_ENTRIES = 200
MAX_RATIO = 100
# A sheet may claim any size in its <dimension>; openpyxl pads every row to it. Refused above this many cells.
MAX_DECLARED_CELLS = 5_000_000
BLANK_ROW_SLACK = 1000  # empty rows tolerated beyond the row limit before a file counts as too long
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExcelRejected(ValueError):
    """An upload refused before reading; `code` names why (for a translated message)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def neutralise(value):
    """A value safe to put in a cell: text that could start a formula gets Excel's hidden quote."""
    if isinstance(value, str) and value.startswith(DANGEROUS_START):
        return value, True
    return value, False


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: list[str]
    rows: Iterable[Iterable]
    widths: list[int] | None = None


def write_workbook(sheets: list[Sheet], target) -> None:
    """Stream sheets into a write-only workbook saved to `target` (path or file object)."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for spec in sheets:
        ws = workbook.create_sheet(spec.title[:31])
        ws.freeze_panes = "A2"
        widths = spec.widths or [max(12, min(50, len(h) + 4)) for h in spec.headers]
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[_column_letter(index)].width = width
        header = []
        for title in spec.headers:
            cell = WriteOnlyCell(ws, value=title)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in spec.rows:
            ws.append([_cell(ws, value) for value in row])
    workbook.save(target)


def _cell(ws, value):
    # Plain values go to openpyxl as they are (it types numbers, and dates as yyyy-mm-dd, itself): a styled
    # cell object per value would double the time of a large export. Only what needs a style gets one.
    if isinstance(value, str):
        if not value.startswith(DANGEROUS_START):
            return value
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True
        return cell
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    return value


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def check_upload(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """Refuse what must not reach openpyxl: too large, not xlsx, macros, or an archive bomb.

    Codes: too_large, not_a_workbook, macros, bomb.
    """
    if len(data) > max_bytes:
        raise ExcelRejected("too_large")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExcelRejected("not_a_workbook")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                raise ExcelRejected("not_a_workbook")
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise ExcelRejected("macros")
            # The sizes first: nothing is inflated, not even the content types, before they pass.
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
                raise ExcelRejected("bomb")
            content_types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except ExcelRejected:
        raise
    except Exception:  # noqa: BLE001 zipfile, zlib, an unknown compression or encryption: not a workbook we can read
        raise ExcelRejected("not_a_workbook") from None
    if b"macroEnabled" in content_types:
        raise ExcelRejected("macros")


@dataclass(frozen=True)
class Row:
    number: int  # the row number in Excel, for messages
    values: dict


def read_rows(data: bytes, headers: list[str], max_rows: int = 100_000) -> Iterator[Row]:
    """Rows of the first sheet as dicts keyed by the expected headers.

    The first row must hold exactly the expected headers (else code
    wrong_template); fully empty rows are skipped; more than max_rows data
    rows raise too_many_rows.
    """
    check_upload(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 openpyxl raises many kinds on a corrupt file
        raise ExcelRejected("not_a_workbook") from None
    try:
        sheet = workbook.worksheets[0]
        _check_dimensions(sheet, max_rows)
        # The declared area only refuses: read to the real end, or rows past a too-small claim would be lost.
        sheet.reset_dimensions()
        # Bounded width: a row is never padded beyond the template (plus one column to notice extra headers).
        rows = _guarded(sheet.iter_rows(values_only=True, max_col=len(headers) + 1))
        first = next(rows, None)
        found = [str(v).strip() if v is not None else "" for v in (first or ())]
        while found and found[-1] == "":
            found.pop()
        if found != headers:
            raise ExcelRejected("wrong_template")
        count = 0
        for number, values in enumerate(rows, start=2):
            if number > max_rows + BLANK_ROW_SLACK + 1:
                raise ExcelRejected("too_many_rows")
            if values is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            count += 1
            if count > max_rows:
                raise ExcelRejected("too_many_rows")
            padded = list(values[: len(headers)]) + [None] * max(0, len(headers) - len(values))
            yield Row(number, dict(zip(headers, padded, strict=True)))
    finally:
        workbook.close()


def _guarded(rows: Iterator) -> Iterator:
    """The rows of a streamed sheet; damage found only while reading (zip, deflate, XML) is not_a_workbook."""
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except ExcelRejected:
            raise
        except Exception:  # noqa: BLE001 zlib, zipfile, XML and openpyxl's own errors alike
            raise ExcelRejected("not_a_workbook") from None
        yield values


def _check_dimensions(sheet, max_rows: int) -> None:
    """Refuse a sheet that claims a huge area (bomb) or far more rows than accepted (too_many_rows)."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows * columns > MAX_DECLARED_CELLS:
        raise ExcelRejected("bomb")
    if rows - 1 > max_rows + BLANK_ROW_SLACK:
        raise ExcelRejected("too_many_rows")


def declared_rows(data: bytes) -> int | None:
    """The data rows the first sheet claims to have (its dimension), for a progress estimate; None if unknown."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 the reading itself reports a damaged file
        return None
    try:
        rows = workbook.worksheets[0].max_row
        return max(0, rows - 1) if rows else None
    finally:
        workbook.close()
