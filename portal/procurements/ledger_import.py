"""Ledger entries from Excel, as a kind of the portal's one import mechanism (portal.imports).

The upload goes through portal.excel (size, macros, archive bombs, template
headers) inside the import runner; every row is checked by the ledger's own
rules, and the rows are written all together or not at all. Errors name the
row and the column, in the user's language. The template's headers may be
in any of the portal's languages, so a file downloaded in Swedish can be
sent back by a Finnish-speaking colleague.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.domain.ledger_lock import lock_problem
from portal.domain.procurement_rules import entry_problems, person_code_problem
from portal.excel import Sheet, write_workbook
from portal.i18n import current_language, in_language
from portal.imports.registry import ImportKind, register
from portal.procurements.labels import ENTRY_KIND_LABELS, EXCEL_MESSAGES, problem
from portal.procurements.ledger import Closed, EntryData, add_imported, as_line, closed, existing_keys, normalise_code
from portal.procurements.models import EmploymentClause

COLUMNS = ("person_code", "kind", "start_date", "end_date", "work_share")
HEADERS = {"person_code": _l("Person code"), "kind": _l("Kind"), "start_date": _l("Start date"),
           "end_date": _l("End date"), "work_share": _l("Working-time share (%)")}
MAX_ROWS = 2000
LANGS = ("fi", "sv", "en")
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")
FILE_MESSAGES = dict(EXCEL_MESSAGES, no_rows=_l("The file has no rows under the column names."))


def headers(lang: str) -> list[str]:
    """The template's column names in a language."""
    with in_language(lang):
        return [str(HEADERS[c]) for c in COLUMNS]


def clause_accepts(clause: EmploymentClause, kind: str) -> bool:
    """Whether the clause counts entries of this kind (social enterprise only with a share)."""
    from portal.domain.obligations import ACCEPTS

    if kind == "social_enterprise" and not clause.social_enterprise_share:
        return False
    return kind in ACCEPTS[clause.kind]


def instructions(clause: EmploymentClause) -> list[tuple[str, str]]:
    """What to write in each column, in the user's language (only the kinds the clause counts)."""
    kinds = [str(ENTRY_KIND_LABELS[k]) for k in ENTRY_KIND_LABELS if clause_accepts(clause, k)]
    return [
        (str(HEADERS["person_code"]), _("A pseudonymous code, for example HK-0042. Never a name or a "
                                        "personal identity code.")),
        (str(HEADERS["kind"]), _("One of: %(kinds)s.", kinds=", ".join(kinds))),
        (str(HEADERS["start_date"]), _("The first day, for example 1.3.2026.")),
        (str(HEADERS["end_date"]), _("The last day; leave empty while the period goes on.")),
        (str(HEADERS["work_share"]), _("Share of full working time in per cent, 1 to 100; empty means 100.")),
    ]


def template_workbook(clause: EmploymentClause) -> bytes:
    """An empty ledger sheet for the clause and a sheet of instructions, in the user's language."""
    buffer = io.BytesIO()
    write_workbook([
        Sheet(_("Ledger"), headers(current_language()), [], widths=[18, 26, 14, 14, 24]),
        Sheet(_("Instructions"), [_("Column"), _("What to write")], instructions(clause), widths=[26, 80]),
    ], buffer)
    return buffer.getvalue()


def _kind_lookup() -> dict[str, str]:
    names = {code: code for code in ENTRY_KIND_LABELS}
    for lang in LANGS:
        with in_language(lang):
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


@dataclass
class Context:
    """The clause of the import and the entry kinds by name."""

    clause: EmploymentClause
    kinds: dict
    shut: Closed


def prepare(user, clause: EmploymentClause) -> Context:
    """The clause the entries go to, and the entry kinds by name in every language."""
    return Context(clause, _kind_lookup(), closed(clause))


def check(ctx: Context, values: dict):
    """One row as a ledger entry, with its problems by column as codes (dates as ISO text)."""
    problems: dict = {}
    parsed = {}
    for name, parse_one, code in (("start_date", _date, "not_a_date"), ("end_date", _date, "not_a_date"),
                                  ("work_share", _share, "not_a_number")):
        raw = values[name]
        if name == "end_date" and (raw is None or str(raw).strip() == ""):
            parsed[name] = None
            continue
        try:
            parsed[name] = parse_one(raw)
        except (ValueError, TypeError):
            parsed[name] = None
            problems[name] = (code, {})
    person = values["person_code"]
    if isinstance(person, float) and person.is_integer():
        person = int(person)
    kind_raw = str(values["kind"] or "").strip().casefold()
    entry = EntryData(normalise_code(person), ctx.kinds.get(kind_raw, kind_raw), parsed["start_date"],
                      parsed["end_date"], parsed["work_share"])
    for name, found in _rule_problems(ctx.clause, entry).items():
        problems.setdefault(name, found)
    locked = lock_problem(ctx.shut.decided, ctx.shut.periods, None, as_line(entry))
    if locked:  # an accepted report's period, or a decided sanction, is closed to imports as to typing
        problems.setdefault("start_date", (f"ledger_{locked}", {}))
    return entry, problems


def _rule_problems(clause: EmploymentClause, entry: EntryData) -> dict:
    """The ledger's rules (as the typed-in form applies them), as codes."""
    found = {}
    code = person_code_problem(entry.person_code)
    if code:
        found["person_code"] = (code, {})
    procurement = clause.procurement
    for name, code in entry_problems(entry.kind, entry.start_date, entry.end_date, entry.work_share, clause.kind,
                                     procurement.contract_start, clause.deadline,
                                     bool(clause.social_enterprise_share)).items():
        day = {"before_period": procurement.contract_start, "after_deadline": clause.deadline}.get(code)
        found[name] = (code, {"date": day.isoformat()} if day else {})
    if entry.start_date is None:
        found.setdefault("start_date", ("not_a_date", {}))
    return found


def key(entry: EntryData):
    """The same person, kind and start date is the same entry."""
    return (entry.person_code, entry.kind, entry.start_date)


def message(code: str, params: dict) -> str:
    """A row problem in the user's language (dates in its short format)."""
    if code == "unknown_kind":
        return problem(code, kinds=", ".join(str(label) for label in ENTRY_KIND_LABELS.values()))
    if "date" in params:
        return problem(code, date=format_date(date.fromisoformat(params["date"]), "short"))
    return problem(code, **params)


def write(ctx: Context, entries: list[EntryData], user) -> int:
    """Write every checked entry (one audit event for the import)."""
    return add_imported(ctx.clause, entries, user)


KIND = register(ImportKind(
    name="ledger", title=_l("Ledger entries"), columns=COLUMNS, headers=HEADERS, max_rows=MAX_ROWS,
    prepare=prepare, check=check, write=write, message=message, instructions=instructions, key=key,
    key_column="start_date", existing_keys=lambda ctx: existing_keys(ctx.clause), file_messages=FILE_MESSAGES,
    widths=(18, 26, 14, 14, 24),
    # Finnish templates until December 2026 said Alku-/Loppupäivä (now Aloitus-/Päättymispäivä, as everywhere else).
    former_headers=(("Henkilökoodi", "Tyyppi", "Alkupäivä", "Loppupäivä", "Työaikaosuus (%)"),)))
