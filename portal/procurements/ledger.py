"""The fulfilment ledger: a supplier's entries for one clause, checked the same way
whether they are typed in or imported. Placement entries belong to the matching
feature and are never edited here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select

from portal.audit.services import record
from portal.domain.ledger_lock import Line, Period, line_lock, lock_problem
from portal.domain.procurement_rules import entry_problems, person_code_problem
from portal.errors import FieldErrors, ServiceError
from portal.extensions import db
from portal.procurements.labels import ENTRY_KIND_LABELS, problem
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement

EDITABLE_SOURCES = ("manual", "import")


@dataclass(frozen=True)
class EntryData:
    """One ledger line as typed: the share is a fraction 0..1."""

    person_code: str
    kind: str
    start_date: date | None
    end_date: date | None
    work_share: float | None


@dataclass(frozen=True)
class Closed:
    """What closes a clause's ledger (portal.domain.ledger_lock): a sanction decision, accepted periods."""

    decided: bool = False
    periods: list[Period] = field(default_factory=list)


# The reporting cycle says what it has closed; it registers itself here, since procurements may not import it.
CLOSERS: list[Callable[[int], Closed]] = []


def closed(clause: EmploymentClause) -> Closed:
    """Everything that closes the clause's ledger, from every registered closer."""
    found = [closer(clause.id) for closer in CLOSERS]
    return Closed(any(c.decided for c in found), [p for c in found for p in c.periods])


def as_line(entry: EntryData | LedgerEntry | None) -> Line | None:
    """A typed entry or a stored row as the lock sees it (None stays None; an entry without a start is new)."""
    if entry is None:
        return None
    if isinstance(entry, LedgerEntry):
        return Line(entry.person_code, entry.kind, entry.start_date, entry.end_date, float(entry.work_share))
    if entry.start_date is None:
        return None
    share = round(float(entry.work_share), 3) if entry.work_share is not None else 0.0
    return Line(entry.person_code, entry.kind, entry.start_date, entry.end_date, share)


def entry_locks(shut: Closed, rows: list[LedgerEntry]) -> dict[int, str]:
    """entry id -> "locked" or "partly" for the rows accepted reports hold, so the page offers only what is allowed."""
    found = {}
    for row in rows:
        lock = line_lock(Line(row.person_code, row.kind, row.start_date, row.end_date, 0.0), shut.periods)
        if lock:
            found[row.id] = lock
    return found


def check_lock(clause: EmploymentClause, before: LedgerEntry | None, after: EntryData | None) -> None:
    """Refuse a change the sanction decision or an accepted report has closed, saying which."""
    shut = closed(clause)
    code = lock_problem(shut.decided, shut.periods, as_line(before), as_line(after))
    if code:
        raise ServiceError(problem(f"ledger_{code}"))


def entry_for_supplier(user, clause_id: int, entry_id: int):
    """A select for one entry of a clause the user's organisation supplies."""
    return (select(LedgerEntry).join(LedgerEntry.clause).join(EmploymentClause.procurement)
            .where(LedgerEntry.id == entry_id, LedgerEntry.clause_id == clause_id,
                   Procurement.supplier_id == user.organisation_id))


def normalise_code(code) -> str:
    """Codes are kept in capitals without surrounding spaces."""
    return str(code or "").strip().upper()


def problems_of(clause: EmploymentClause, entry: EntryData) -> dict[str, str]:
    """field -> message for everything wrong with an entry of this clause (in the user's language)."""
    messages: dict[str, str] = {}
    code = person_code_problem(entry.person_code)
    if code:
        messages["person_code"] = problem(code)
    procurement = clause.procurement
    se_allowed = bool(clause.social_enterprise_share)
    found = entry_problems(entry.kind, entry.start_date, entry.end_date, entry.work_share, clause.kind,
                           procurement.contract_start, clause.deadline, se_allowed)
    for name, code in found.items():
        params = {}
        if code == "before_period":
            params["date"] = format_date(procurement.contract_start, "short")
        elif code == "after_deadline":
            params["date"] = format_date(clause.deadline, "short")
        elif code == "unknown_kind":
            params["kinds"] = ", ".join(str(label) for label in ENTRY_KIND_LABELS.values())
        messages[name] = problem(code, **params)
    if entry.start_date is None:
        messages.setdefault("start_date", problem("not_a_date"))
    return messages


def _duplicate(clause: EmploymentClause, entry: EntryData, exclude_id: int | None = None) -> bool:
    stmt = select(LedgerEntry.id).where(
        LedgerEntry.clause_id == clause.id, LedgerEntry.person_code == entry.person_code,
        LedgerEntry.kind == entry.kind, LedgerEntry.start_date == entry.start_date)
    if exclude_id is not None:
        stmt = stmt.where(LedgerEntry.id != exclude_id)
    return db.session.scalar(stmt.limit(1)) is not None


def _apply(row: LedgerEntry, entry: EntryData) -> None:
    row.person_code = entry.person_code
    row.kind = entry.kind
    row.start_date, row.end_date = entry.start_date, entry.end_date
    row.work_share = Decimal(str(entry.work_share)).quantize(Decimal("0.001"))


def save_entry(clause: EmploymentClause, entry: EntryData, user, row: LedgerEntry | None = None) -> LedgerEntry:
    """Add or correct one typed-in entry; refuses what the clause cannot count."""
    if row is not None and row.source not in EDITABLE_SOURCES:
        raise ServiceError(_("This entry comes from a placement and is changed with the placement."))
    entry = EntryData(normalise_code(entry.person_code), entry.kind, entry.start_date, entry.end_date,
                      entry.work_share)
    messages = problems_of(clause, entry)
    if not messages and _duplicate(clause, entry, row.id if row else None):
        messages["start_date"] = problem("duplicate")
    if messages:
        raise FieldErrors(messages)
    check_lock(clause, row, entry)
    creating = row is None
    row = row or LedgerEntry(clause_id=clause.id, source="manual", created_by_id=user.id)
    _apply(row, entry)
    db.session.add(row)
    db.session.flush()
    record("ledger_entry_created" if creating else "ledger_entry_updated", "ledger_entry", row.id,
           organisation_id=clause.procurement.supplier_id,
           detail={"clause_id": clause.id, "person_code": row.person_code, "kind": row.kind})
    return row


def delete_entry(row: LedgerEntry) -> None:
    """Remove a typed-in or imported entry (a placement's entry goes with the placement)."""
    if row.source not in EDITABLE_SOURCES:
        raise ServiceError(_("This entry comes from a placement and is changed with the placement."))
    clause = row.clause
    check_lock(clause, row, None)
    record("ledger_entry_deleted", "ledger_entry", row.id, organisation_id=clause.procurement.supplier_id,
           detail={"clause_id": clause.id, "person_code": row.person_code, "kind": row.kind,
                   "start": row.start_date.isoformat()})
    db.session.delete(row)
    db.session.flush()


def add_imported(clause: EmploymentClause, entries: list[EntryData], user) -> int:
    """Write checked entries of an import in one go; the caller has checked every one."""
    for entry in entries:
        row = LedgerEntry(clause_id=clause.id, source="import", created_by_id=user.id)
        _apply(row, entry)
        db.session.add(row)
    db.session.flush()
    record("ledger_imported", "employment_clause", clause.id, organisation_id=clause.procurement.supplier_id,
           detail={"rows": len(entries)})
    return len(entries)


def existing_keys(clause: EmploymentClause) -> set[tuple[str, str, date]]:
    """(person, kind, start) of the clause's entries, for spotting duplicates in an import."""
    rows = db.session.execute(select(LedgerEntry.person_code, LedgerEntry.kind, LedgerEntry.start_date)
                              .where(LedgerEntry.clause_id == clause.id))
    return {tuple(r) for r in rows}
