"""Workbooks sent to the browser from a temporary file, so a 100,000-row export never sits in memory.

openpyxl's write-only mode keeps each sheet's rows in a temporary file while
they are written; the finished workbook goes to an anonymous temporary file
and is streamed from there in chunks by `send_file`, which closes (and so
removes) it when the response ends.
"""
from __future__ import annotations

import tempfile
from contextlib import ExitStack

from flask import send_file

from portal.excel import XLSX_MIMETYPE, Sheet, write_workbook


def workbook_file(sheets: list[Sheet]):
    """The workbook written to an anonymous temporary file, rewound."""
    # The file must outlive this function (send_file streams and closes it), so it is closed here only
    # when writing fails: pop_all() takes it out of the stack once the workbook is written.
    with ExitStack() as on_failure:
        handle = on_failure.enter_context(tempfile.TemporaryFile(suffix=".xlsx"))
        write_workbook(sheets, handle)
        on_failure.pop_all()
    handle.seek(0)
    return handle


def send_workbook(sheets: list[Sheet], filename: str):
    """A response streaming the workbook as an attachment (never cached: it holds the user's data)."""
    response = send_file(workbook_file(sheets), mimetype=XLSX_MIMETYPE, as_attachment=True,
                         download_name=filename, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response
