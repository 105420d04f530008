"""Excel out: typed and formula-safe. Excel in: refused before reading when hostile."""
from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from portal.excel import ExcelRejected, Sheet, check_upload, read_rows, write_workbook

HEADERS = ["code", "start", "share"]


def _export(rows) -> bytes:
    buf = io.BytesIO()
    write_workbook([Sheet("Data", HEADERS, rows)], buf)
    return buf.getvalue()


@pytest.mark.parametrize("text", ["=1+1", "+CMD()", "-2+3", "@SUM(A1)", "\t=x", "\r=x"])
def test_text_that_could_start_a_formula_is_written_as_quoted_text(text):
    workbook = load_workbook(io.BytesIO(_export([[text, None, None]])))
    cell = workbook.active["A2"]
    assert cell.data_type == "s"
    assert cell.value.lstrip("\r\n\t") == text.lstrip("\r\n\t")  # XML turns \r into \n
    assert cell.quotePrefix is True


def test_numbers_and_dates_stay_typed_and_the_header_is_frozen():
    workbook = load_workbook(io.BytesIO(_export([["A-1", date(2026, 5, 4), 0.75]])))
    ws = workbook.active
    assert ws.freeze_panes == "A2"
    assert ws["B2"].is_date and ws["B2"].value.date() == date(2026, 5, 4)
    assert ws["C2"].data_type == "n" and ws["C2"].value == 0.75
    assert ws["A1"].font.b


def test_rows_read_back_keyed_by_header_with_excel_row_numbers():
    rows = list(read_rows(_export([["A", date(2026, 1, 1), 1], [None, None, None], ["B", None, 0.5]]), HEADERS))
    assert [r.number for r in rows] == [2, 4]
    assert rows[1].values == {"code": "B", "start": None, "share": 0.5}


def test_a_sheet_that_is_not_the_template_is_refused():
    with pytest.raises(ExcelRejected) as err:
        list(read_rows(_export([]), ["something", "else"]))
    assert err.value.code == "wrong_template"


def test_too_many_rows_are_refused():
    data = _export([[f"A{n}", None, 1] for n in range(11)])
    with pytest.raises(ExcelRejected) as err:
        list(read_rows(data, HEADERS, max_rows=10))
    assert err.value.code == "too_many_rows"


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_random_bytes_are_not_a_workbook(data):
    with pytest.raises(ExcelRejected) as err:
        check_upload(data)
    assert err.value.code == "not_a_workbook"


def test_oversized_upload_is_refused():
    with pytest.raises(ExcelRejected) as err:
        check_upload(b"x" * 101, max_bytes=100)
    assert err.value.code == "too_large"


def test_macro_enabled_workbook_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_export([])), "r") as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\x00" * 10)
    with pytest.raises(ExcelRejected) as err:
        check_upload(buf.getvalue())
    assert err.value.code == "macros"


def test_zip_bomb_is_refused_before_reading():
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_export([])), "r") as src, \
            zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/worksheets/sheet2.xml", b"0" * (30 * 1024 * 1024))
    assert len(buf.getvalue()) < 1024 * 1024
    with pytest.raises(ExcelRejected) as err:
        check_upload(buf.getvalue())
    assert err.value.code == "bomb"


def test_a_plain_openpyxl_workbook_passes_the_checks():
    workbook = Workbook()
    workbook.active.append(HEADERS)
    buf = io.BytesIO()
    workbook.save(buf)
    check_upload(buf.getvalue())
