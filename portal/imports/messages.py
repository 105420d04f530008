"""Words for the import codes: what is wrong with a file as a whole, and with a cell of a row."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

FILE_MESSAGES = {
    "too_large": _l("The file is larger than 5 MB. Split it into smaller files."),
    "not_a_workbook": _l("The file is not an Excel workbook (.xlsx), or it is damaged."),
    "macros": _l("The file contains macros. Save it as an ordinary Excel workbook (.xlsx) and try again."),
    "bomb": _l("The file unpacks to a suspicious size, or its sheet claims a huge area. Save it again as an "
               "ordinary workbook and try again."),
    "wrong_template": _l("The first sheet is not this import's template: its first row must hold the "
                         "template's column names. Download the template and copy your rows into it."),
    "too_many_rows": _l("The file has more rows than one import accepts (%(max)s)."),
    "no_rows": _l("The file has no rows under the column names."),
    "failed": _l("The import stopped because of an unexpected error, and nothing was written. Please try again; "
                 "if it happens again, contact the portal's administrators."),
}
ROW_MESSAGES = {
    "required": _l("This is required."),
    "not_a_date": _l("Give a date, for example 31.12.2026 (a date typed as other text is not accepted)."),
    "not_a_number": _l("Give a whole number."),
    "out_of_range": _l("The number is outside the accepted range."),
    "too_long": _l("The text is too long."),
    "not_yes_no": _l("Write yes or no."),
    "unknown_choice": _l("Unknown value. Use a value listed on the template's instruction sheet."),
    "duplicate": _l("This record is already in the portal."),
    "duplicate_in_file": _l("The same record appears earlier in the file."),
    "in_future": _l("The date cannot be in the future."),
    "before_intake": _l("The date cannot be before the intake date."),
    "not_an_email": _l("Give an email address, for example name@example.fi."),
    "status_not_importable": _l("A candidate cannot be imported as exited."),
    "hours_incomplete": _l("Give both the smallest and the largest number of hours, or neither."),
    "hours_reversed": _l("The smallest number of hours is larger than the largest."),
}
STATE_LABELS = {
    "reading": _l("Reading the file"),
    "writing": _l("Writing the rows"),
    "done": _l("Imported"),
    "rejected": _l("Nothing imported"),
    "failed": _l("Failed, nothing imported"),
}


def row_message(code: str, params: dict | None = None) -> str:
    """A row problem of the shared codes, in the user's language."""
    message = ROW_MESSAGES.get(code, ROW_MESSAGES["required"])
    return str(message) % params if params else str(message)


def file_message(code: str, overrides: dict | None = None, **params) -> str:
    """A file-level problem, from the kind's own words when it has them."""
    message = (overrides or {}).get(code) or FILE_MESSAGES.get(code, FILE_MESSAGES["failed"])
    return str(message) % params if params else str(message)


def summary(count: int) -> str:
    """The headline of a rejected file."""
    return ngettext("Nothing was imported: %(num)s problem was found. Correct it and send the file again.",
                    "Nothing was imported: %(num)s problems were found. Correct them and send the file again.",
                    count)


def progress_text(state: str, read: int, total: int | None) -> str:
    """What the progress indicator says."""
    if state == "reading":
        if total:
            return _("Reading and checking row %(read)s of about %(total)s…", read=read, total=total)
        return _("Reading and checking row %(read)s…", read=read)
    return str(STATE_LABELS.get(state, state))
