"""Candidates from Excel: a provider moving its caseload into the portal.

Each row becomes a candidate of the importing coach's organisation, in the
coach's caseload, with a new pseudonymous code, an intake step and (when
given) the current status. Health data, limits, target groups and the
service-need assessment are not imported: they are recorded on the record
page, where every change is logged part by part. A row whose email address
is already on one of the organisation's candidates is a duplicate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, insert, select

from portal import clock
from portal.audit.services import record
from portal.coaching.labels import INTENSITY_LABELS, STATUS_LABELS
from portal.coaching.models import Candidate, CandidateAdjustment, CandidateCoach, CandidateSkill, StatusChange
from portal.domain.caseload import hours_problems
from portal.domain.profile import fold, new_code
from portal.extensions import db
from portal.imports import cells
from portal.imports.kinds.common import catalogue_line, catalogue_names, list_hint
from portal.imports.messages import row_message
from portal.imports.registry import ImportKind, register

COLUMNS = ("name", "email", "phone", "municipality", "intake_on", "status", "status_since", "hours_min",
           "hours_max", "skills", "desired_work", "adjustments", "support_intensity", "next_follow_up")
HEADERS = {
    "name": _l("Name"), "email": _l("Email"), "phone": _l("Phone"), "municipality": _l("Municipality"),
    "intake_on": _l("Intake date"), "status": _l("Status"), "status_since": _l("Status since"),
    "hours_min": _l("Hours a week, at least"), "hours_max": _l("Hours a week, at most"), "skills": _l("Skills"),
    "desired_work": _l("Desired work"), "adjustments": _l("Adjustments needed"),
    "support_intensity": _l("Support intensity"), "next_follow_up": _l("Next follow-up"),
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
FLUSH_EVERY = 1000
HOURS_CODES = {"incomplete": "hours_incomplete", "out_of_range": "out_of_range", "reversed": "hours_reversed"}


@dataclass
class Context:
    """What every row of a file is checked against, read once."""

    organisation_id: int
    today: date
    municipalities: dict
    skills: dict
    adjustments: dict
    statuses: dict = field(default_factory=lambda: cells.lookup(STATUS_LABELS))
    intensities: dict = field(default_factory=lambda: cells.lookup(INTENSITY_LABELS))


def prepare(user, target) -> Context:
    """The catalogues' names, read once for the whole file."""
    return Context(user.organisation_id, clock.today(), catalogue_names("municipalities"),
                   catalogue_names("skills"), catalogue_names("adjustments"))


def check(ctx: Context, values: dict):
    """One row as the fields of a new candidate, and its problems by column."""
    problems: dict = {}
    row = {name: cells.read(values, problems, name, cells.text, limit)
           for name, limit in (("name", 200), ("email", 254), ("phone", 40), ("desired_work", 2000))}
    if not row["name"] and "name" not in problems:
        problems["name"] = ("required", {})
    if row["email"] and not EMAIL.match(row["email"]):
        problems["email"] = ("not_an_email", {})
    row["municipality"] = cells.read(values, problems, "municipality", cells.choice, ctx.municipalities)
    for name in ("intake_on", "status_since", "next_follow_up"):
        row[name] = cells.read(values, problems, name, cells.day)
    row["status"] = cells.read(values, problems, "status", cells.choice, ctx.statuses) or "intake"
    row["support_intensity"] = cells.read(values, problems, "support_intensity", cells.choice,
                                          ctx.intensities) or "light"
    for name in ("hours_min", "hours_max"):
        row[name] = cells.read(values, problems, name, cells.whole, 1, 40)
    row["skills"] = cells.read(values, problems, "skills", cells.choices, ctx.skills) or []
    row["adjustments"] = cells.read(values, problems, "adjustments", cells.choices, ctx.adjustments) or []
    _check_dates(ctx, row, problems)
    if "hours_min" not in problems and "hours_max" not in problems:
        for code in hours_problems(row["hours_min"], row["hours_max"])[:1]:
            problems["hours_max" if code == "reversed" else "hours_min"] = (HOURS_CODES[code], {})
    if row["status"] == "exited":
        problems["status"] = ("status_not_importable", {})
    return row, problems


def _check_dates(ctx: Context, row: dict, problems: dict) -> None:
    intake = row["intake_on"]
    if intake is None and "intake_on" not in problems:
        problems["intake_on"] = ("required", {})
    elif intake is not None and intake > ctx.today:
        problems["intake_on"] = ("in_future", {})
    since = row["status_since"] or intake
    row["status_since"] = since
    if since is not None and "status_since" not in problems:
        if since > ctx.today:
            problems["status_since"] = ("in_future", {})
        elif intake is not None and since < intake:
            problems["status_since"] = ("before_intake", {})


def key(row: dict):
    """Rows are the same person when they share an email address."""
    return row["email"].casefold() if row.get("email") else None


def existing_keys(ctx: Context) -> set:
    """The email addresses of the organisation's candidates (not erased)."""
    return set(db.session.scalars(select(func.lower(Candidate.email)).where(
        Candidate.organisation_id == ctx.organisation_id, Candidate.email.is_not(None),
        Candidate.erased_at.is_(None))))


def _candidate(ctx: Context, row: dict, code: str, user) -> Candidate:
    """A new candidate of the organisation from a checked row, in the user's caseload."""
    candidate = Candidate(
        code=code, organisation_id=ctx.organisation_id, name=row["name"], email=row["email"] or None,
        phone=row["phone"] or None, municipality_code=row["municipality"], education="", work_history="",
        skills_text="", skills_folded="", desired_work_text=row["desired_work"],
        desired_work_folded=fold(row["desired_work"]), hours_min=row["hours_min"], hours_max=row["hours_max"],
        limits_note="", support_intensity=row["support_intensity"], peer_coach="", status=row["status"],
        status_since=row["status_since"], intake_on=row["intake_on"], next_follow_up=row["next_follow_up"])
    candidate.coach_links = [CandidateCoach(user_id=user.id)]
    candidate.skills = [CandidateSkill(code=c) for c in sorted(set(row["skills"]))]
    candidate.adjustments = [CandidateAdjustment(code=c) for c in sorted(set(row["adjustments"]))]
    return candidate


def _steps(candidate_id: int, row: dict, user) -> list[dict]:
    """The intake step and, when the row gives another status, that status's step."""
    steps = [dict(candidate_id=candidate_id, status="intake", since=row["intake_on"], note="", changed_by_id=user.id)]
    if row["status"] != "intake":
        steps.append(dict(candidate_id=candidate_id, status=row["status"], since=row["status_since"], note="",
                          changed_by_id=user.id))
    return steps


def write(ctx: Context, rows: list[dict], user) -> int:
    """Create every candidate in the user's caseload, with its status history; one audit event."""
    taken = set(db.session.scalars(select(Candidate.code)))
    ids, steps = [], []
    # Made and flushed a thousand at a time, keeping only the ids: 20,000 objects alive and flushed at once
    # took some 300 MB. It is still one transaction, committed (or rolled back) by the runner.
    for start in range(0, len(rows), FLUSH_EVERY):
        made = []
        for row in rows[start:start + FLUSH_EVERY]:
            code = new_code()
            while code in taken:
                code = new_code()
            taken.add(code)
            made.append((_candidate(ctx, row, code, user), row))
        db.session.add_all([c for c, _ in made])
        db.session.flush()
        for candidate, row in made:
            ids.append(candidate.id)
            steps += _steps(candidate.id, row, user)
    for start in range(0, len(steps), 5000):
        db.session.execute(insert(StatusChange), steps[start:start + 5000])
    record("candidates_imported", "caseload", user.id, organisation_id=ctx.organisation_id,
           detail={"rows": len(ids), "candidates": ids})
    return len(ids)


def message(code: str, params: dict) -> str:
    """A row problem in the user's language."""
    return row_message(code, params)


def instructions(target) -> list[tuple[str, str]]:
    """What to write in each column."""
    h = {k: str(v) for k, v in HEADERS.items()}
    return [
        (h["name"], _("The person's name (required). Shown only to their coaches.")),
        (h["email"], _("Optional. A row with an email address already on one of your candidates is refused "
                       "as a duplicate.")),
        (h["phone"], _("Optional.")),
        (h["municipality"], _("The municipality's name or code, for example Tampere or 837.")),
        (h["intake_on"], _("The day coaching began (required), for example 31.1.2026.")),
        (h["status"], _("One of: %(values)s. Empty means intake.",
                        values="; ".join(str(v) for k, v in STATUS_LABELS.items() if k != "exited"))),
        (h["status_since"], _("The day the status began; empty means the intake date.")),
        (h["hours_min"], _("Whole hours a week, 1 to 40, or empty.")),
        (h["hours_max"], _("Whole hours a week, 1 to 40, or empty.")),
        (h["skills"], list_hint() + " " + catalogue_line("skills")),
        (h["desired_work"], _("Free text.")),
        (h["adjustments"], list_hint() + " " + catalogue_line("adjustments")),
        (h["support_intensity"], "; ".join(str(v) for v in INTENSITY_LABELS.values())),
        (h["next_follow_up"], _("Optional date.")),
    ]


KIND = register(ImportKind(
    name="candidates", title=_l("Candidates"), columns=COLUMNS, headers=HEADERS, max_rows=25_000,
    prepare=prepare, check=check, write=write, message=message, instructions=instructions, key=key,
    key_column="email", existing_keys=existing_keys,
    widths=(26, 28, 16, 18, 14, 18, 14, 12, 12, 30, 30, 30, 18, 14)))
