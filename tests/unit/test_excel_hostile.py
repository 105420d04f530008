"""Hostile workbooks: random bytes, damaged and truncated files, bombs and million-row sheets are refused
cleanly (ExcelRejected, nothing else) and within a memory bound; formulas are never evaluated."""
from __future__ import annotations

import io
import random
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from portal.excel import ExcelRejected, Sheet, check_upload, read_rows, write_workbook

HEADERS = ["code", "start", "share"]
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
MEMORY_BOUND = 32 * 1024 * 1024  # Python allocations while refusing a hostile file
LARGEST_IMPORT = 25_000  # rows of the largest import (candidates); reading grows with the rows read


def _good() -> bytes:
    buf = io.BytesIO()
    write_workbook([Sheet("Data", HEADERS, [[f"A{n}", None, n / 10] for n in range(20)])], buf)
    return buf.getvalue()


GOOD = _good()


def _read(data: bytes, max_rows: int = 100_000) -> list | str:
    """The rows of a file, or the code it was refused with; anything else escapes and fails the test."""
    try:
        return list(read_rows(data, HEADERS, max_rows=max_rows))
    except ExcelRejected as exc:
        return exc.code


def _zip(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return buf.getvalue()


def _with_sheet(sheet_xml: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(GOOD)) as src:
        entries = {i.filename: src.read(i.filename) for i in src.infolist()}
    entries["xl/worksheets/sheet1.xml"] = sheet_xml
    return _zip(entries)


def _peak(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_refused_as_not_a_workbook(data):
    assert _read(data) == "not_a_workbook"


@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_behind_a_zip_signature_are_refused(data):
    assert _read(b"PK\x03\x04" + data) == "not_a_workbook"


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(GOOD) - 1))
def test_a_truncated_workbook_is_refused(cut):
    assert _read(GOOD[:cut]) == "not_a_workbook"


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(min_value=0, max_value=len(GOOD) - 1), st.integers(1, 255)),
                      min_size=1, max_size=8))
def test_a_damaged_workbook_is_read_or_refused_never_crashes(flips):
    data = bytearray(GOOD)
    for at, mask in flips:
        data[at] ^= mask
    result = _read(bytes(data))
    assert isinstance(result, list) or result in ("not_a_workbook", "wrong_template", "bomb", "too_many_rows")


@FUZZ
@given(xml=st.one_of(st.binary(max_size=512), st.text(max_size=300).map(str.encode),
                     st.sampled_from([b"<worksheet/>", b"<?xml version='1.0'?><worksheet><sheetData><row r='x'/>",
                                      (b"<!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]><worksheet>&b;"
                                       b"</worksheet>")])))
def test_a_sheet_of_random_xml_is_read_or_refused_never_crashes(xml):
    result = _read(_with_sheet(xml))
    assert isinstance(result, list) or result in ("not_a_workbook", "wrong_template", "bomb", "too_many_rows")


def test_a_compression_bomb_is_refused_before_anything_is_inflated():
    bomb = _with_sheet(b"<worksheet>" + b" " * 200_000_000 + b"</worksheet>")
    assert len(bomb) < 1024 * 1024
    assert _peak(lambda: pytest.raises(ExcelRejected, check_upload, bomb)) < 4 * 1024 * 1024
    assert _read(bomb) == "bomb"


def test_a_zip_that_lies_about_its_sizes_is_refused_without_inflating_the_truth():
    honest = _with_sheet(b"<worksheet>" + b" " * 20_000_000 + b"</worksheet>")
    lying = _declare_small(honest, "xl/worksheets/sheet1.xml")
    peak = _peak(lambda: _read(lying))
    assert _read(lying) == "not_a_workbook" and peak < MEMORY_BOUND


def _declare_small(data: bytes, name: str) -> bytes:
    """The archive with the entry's uncompressed size written as 1,000 bytes in both of its headers."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    out = bytearray(data)
    small = (1000).to_bytes(4, "little")
    out[info.header_offset + 22:info.header_offset + 26] = small  # local file header
    central = 0
    while True:
        central = data.index(b"PK\x01\x02", central)
        length = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + length] == name.encode():
            out[central + 24:central + 28] = small
            return bytes(out)
        central += 46


def _sheet(dimension: str, rows: bytes) -> bytes:
    head = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>start</t>'
            b'</is></c><c r="C1" t="inlineStr"><is><t>share</t></is></c></row>')
    return _with_sheet(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       b'<dimension ref="%s"/><sheetData>' % dimension.encode() + head + rows +
                       b"</sheetData></worksheet>")


def _million_rows(dimension: str) -> bytes:
    """A sheet of 1,000,000 short rows that still fits the upload limit (2.7 MB packed, 29 MB unpacked)."""
    numbers = random.Random(1)
    return _sheet(dimension, b"".join(b"<row><c><v>%d</v></c></row>" % numbers.randrange(10**4)
                                      for _ in range(1_000_000)))


@pytest.mark.parametrize("dimension", ["A1:C1000001", "A1:C3"])  # honest, and lying about its size
def test_a_million_row_sheet_is_refused_within_a_memory_bound(dimension):
    data = _million_rows(dimension)
    check_upload(data)  # small enough to be read: the refusal comes from reading it
    result = {}
    peak = _peak(lambda: result.update(code=_read(data, max_rows=LARGEST_IMPORT)))
    assert result["code"] == "too_many_rows"
    assert peak < MEMORY_BOUND, f"{peak / 1e6:.1f} MB"


def test_a_sheet_claiming_fewer_rows_than_it_has_loses_none_of_them():
    rows = _read(_sheet("A1:C2", b"".join(b"<row><c><v>%d</v></c></row>" % n for n in range(5))))
    assert [r.values["code"] for r in rows] == [0, 1, 2, 3, 4]


def test_formulas_are_read_as_their_saved_values_never_evaluated():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(['=HYPERLINK("http://evil.example","x")', "=NOW()", 0.5])
    sheet.append(["=cmd|' /C calc'!A0", "2026-01-02", "=SUM(C2:C2)"])
    buf = io.BytesIO()
    workbook.save(buf)
    rows = read_rows(buf.getvalue(), HEADERS)
    # openpyxl saves no computed values: a formula reads as empty, and nothing runs it.
    assert [r.values for r in rows] == [{"code": None, "start": None, "share": 0.5},
                                        {"code": None, "start": "2026-01-02", "share": None}]
