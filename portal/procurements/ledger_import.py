"""Ledger entries from Excel: the template the portal hands out, and the import of a filled one.

The upload goes through portal.excel (size, macros, archive bombs, template
headers); then every row is checked, and the rows are written all together
or not at all. Errors name the row and the column, in the user's language.
The template's headers may be in any of the portal's languages, so a file
downloaded in Swedish can be sent back by a Finnish-speaking colleague.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.excel import ExcelRejected, Sheet, read_rows, write_workbook
from portal.i18n import current_language
from portal.procurements.labels import ENTRY_KIND_LABELS, EXCEL_MESSAGES, problem
from portal.procurements.ledger import EntryData, add_imported, existing_keys, normalise_code, problems_of
from portal.procurements.models import EmploymentClause

COLUMNS = ("person_code", "kind", "start_date", "end_date", "work_share")
HEADERS = {"person_code": _l("Person code"), "kind": _l("Kind"), "start_date": _l("Start date"),
           "end_date": _l("End date"), "work_share": _l("Working-time share (%)")}
MAX_ROWS = 2000
LANGS = ("fi", "sv", "en")
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")


@dataclass(frozen=True)
class RowError:
    """A problem in an imported file: Excel row number, column name and message."""

    row: int
    column: str
    message: str


class ImportRejected(Exception):
    """The file as a whole was refused; `message` says why, `errors` list rows and columns."""

    def __init__(self, message: str, errors: list[RowError] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []


def headers(lang: str) -> list[str]:
    """The template's column names in a language."""
    with force_locale(lang):
        return [str(HEADERS[c]) for c in COLUMNS]


def template_workbook(clause: EmploymentClause) -> bytes:
    """An empty ledger sheet for the clause and a sheet of instructions, in the user's language."""
    kinds = [str(ENTRY_KIND_LABELS[k]) for k in ENTRY_KIND_LABELS if clause_accepts(clause, k)]
    instructions = [
        (str(HEADERS["person_code"]), _("A pseudonymous code, for example HK-0042. Never a name or a "
                                        "personal identity code.")),
        (str(HEADERS["kind"]), _("One of: %(kinds)s.", kinds=", ".join(kinds))),
        (str(HEADERS["start_date"]), _("The first day, for example 1.3.2026.")),
        (str(HEADERS["end_date"]), _("The last day; leave empty while the period goes on.")),
        (str(HEADERS["work_share"]), _("Share of full working time in per cent, 1 to 100; empty means 100.")),
    ]
    buffer = io.BytesIO()
    write_workbook([
        Sheet(_("Ledger"), headers(current_language()), [], widths=[18, 26, 14, 14, 24]),
        Sheet(_("Instructions"), [_("Column"), _("What to write")], instructions, widths=[26, 80]),
    ], buffer)
    return buffer.getvalue()


def clause_accepts(clause: EmploymentClause, kind: str) -> bool:
    """Whether the clause counts entries of this kind (social enterprise only with a share)."""
    from portal.domain.obligations import ACCEPTS

    if kind == "social_enterprise" and not clause.social_enterprise_share:
        return False
    return kind in ACCEPTS[clause.kind]


def _kind_lookup() -> dict[str, str]:
    names = {code: code for code in ENTRY_KIND_LABELS}
    for lang in LANGS:
        with force_locale(lang):
            names.update({str(label).casefold(): code for code, label in ENTRY_KIND_LABELS.items()})
    return names


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError


def _share(value) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1.0
    number = float(str(value).replace("%", "").replace(",", ".").strip()) if isinstance(value, str) else float(value)
    return number if number <= 1 else number / 100  # 0.6 from a per-cent cell, 60 typed as a number


def _read(data: bytes) -> list:
    """The rows under the headers of whichever language the file's template is in."""
    order = [current_language()] + [lang for lang in LANGS if lang != current_language()]
    for lang in order:
        try:
            return list(read_rows(data, headers(lang), max_rows=MAX_ROWS))
        except ExcelRejected as exc:
            if exc.code != "wrong_template":
                raise
    raise ExcelRejected("wrong_template")


def parse(clause: EmploymentClause, data: bytes) -> list[EntryData]:
    """Every row as an entry, or ImportRejected listing each row and column at fault."""
    try:
        rows = _read(data)
    except ExcelRejected as exc:
        raise ImportRejected(str(EXCEL_MESSAGES[exc.code]) % {"max": MAX_ROWS}) from None
    if not rows:
        raise ImportRejected(_("The file has no rows under the column names."))
    kinds, seen, known = _kind_lookup(), set(), existing_keys(clause)
    header = dict(zip(COLUMNS, headers(current_language())))
    entries, errors = [], []
    for row in rows:
        values = dict(zip(COLUMNS, row.values.values()))
        problems: dict[str, str] = {}
        parsed = {}
        for field, parse_one, code in (("start_date", _date, "not_a_date"), ("end_date", _date, "not_a_date"),
                                       ("work_share", _share, "not_a_number")):
            raw = values[field]
            if field == "end_date" and (raw is None or str(raw).strip() == ""):
                parsed[field] = None
                continue
            try:
                parsed[field] = parse_one(raw)
            except (ValueError, TypeError):
                parsed[field] = None
                problems[field] = problem(code)
        person = values["person_code"]
        if isinstance(person, float) and person.is_integer():
            person = int(person)
        kind_raw = str(values["kind"] or "").strip().casefold()
        entry = EntryData(normalise_code(person), kinds.get(kind_raw, kind_raw), parsed["start_date"],
                          parsed["end_date"], parsed["work_share"])
        for field, message in problems_of(clause, entry).items():
            problems.setdefault(field, message)
        key = (entry.person_code, entry.kind, entry.start_date)
        if not problems and key in known:
            problems["start_date"] = problem("duplicate")
        elif not problems and key in seen:
            problems["start_date"] = problem("duplicate_in_file")
        seen.add(key)
        errors += [RowError(row.number, header[f], m) for f, m in sorted(problems.items(), key=lambda i: COLUMNS.index(i[0]))]
        entries.append(entry)
    if errors:
        raise ImportRejected(_("Nothing was imported: %(count)s problems were found. Correct them and send the "
                               "file again.", count=len(errors)), errors)
    return entries


def import_entries(clause: EmploymentClause, data: bytes, user) -> int:
    """Check every row of the upload, then write them all; ImportRejected writes nothing."""
    return add_imported(clause, parse(clause, data), user)
