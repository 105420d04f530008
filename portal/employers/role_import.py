"""Roles from Excel: an employer with many roles brings them in as drafts.

Every row is checked by the same rules as the role form (portal.employers:
clean_role_data and check_role), so a role imported is a role the form
would have saved; roles arrive as drafts, to be reviewed and published one
by one. A row with the title, kind and municipality of one of the
employer's roles is a duplicate.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from portal.accounts.models import Organisation
from portal.domain.text import fold
from portal.employers.forms import KIND_LABELS, REMOTE_LABELS, SCHEDULE_LABELS, problem_text
from portal.employers.models import JobRole
from portal.employers.services import RoleRejected, check_role, clean_role_data, save_role
from portal.extensions import db
from portal.imports import cells
from portal.imports.kinds.common import catalogue_line, catalogue_names, list_hint
from portal.imports.messages import row_message
from portal.imports.registry import ImportKind, register

COLUMNS = ("title", "kind", "tasks", "description", "municipality", "address_area", "remote", "hours_min",
           "hours_max", "schedule", "positions", "trial_weeks", "essential_skills", "negotiable_skills",
           "adjustments", "languages", "wage_subsidy_interest", "open_until")
HEADERS = {
    "title": _l("Title"), "kind": _l("Kind"), "tasks": _l("What the person will do"),
    "description": _l("About the role and the workplace"), "municipality": _l("Municipality"),
    "address_area": _l("Area or district"), "remote": _l("Remote work"), "hours_min": _l("Hours a week, at least"),
    "hours_max": _l("Hours a week, at most"), "schedule": _l("Working hours"), "positions": _l("Positions"),
    "trial_weeks": _l("Work trial in weeks"), "essential_skills": _l("Essential skills"),
    "negotiable_skills": _l("Skills that can be learned at work"), "adjustments": _l("Adjustments offered"),
    "languages": _l("Languages needed"), "wage_subsidy_interest": _l("Interested in wage subsidy"),
    "open_until": _l("Open until"),
}
# The role form's field names where they differ from the template's columns.
FIELD_COLUMN = {"municipality_code": "municipality", "skills": "essential_skills"}


@dataclass
class Context:
    """What every row of a file is checked against, read once."""

    organisation: Organisation
    municipalities: dict
    adjustments: dict
    languages: dict
    kinds: dict
    remote: dict
    schedules: dict


def prepare(user, target) -> Context:
    """The catalogues' and choices' names, read once for the whole file."""
    return Context(user.organisation, catalogue_names("municipalities"), catalogue_names("adjustments"),
                   catalogue_names("languages"), cells.lookup(KIND_LABELS), cells.lookup(REMOTE_LABELS),
                   cells.lookup(SCHEDULE_LABELS))


def check(ctx: Context, values: dict):
    """One row as the role form's data (as typed, and cleaned), checked by the role rules; problems by column."""
    problems: dict = {}
    read = cells.read
    raw = {"title": read(values, problems, "title", cells.text, 200),
           "tasks": read(values, problems, "tasks", cells.text, 4000),
           "description": read(values, problems, "description", cells.text, 6000),
           "address_area": read(values, problems, "address_area", cells.text, 200),
           "kind": read(values, problems, "kind", cells.choice, ctx.kinds),
           "remote": read(values, problems, "remote", cells.choice, ctx.remote),
           "schedule": read(values, problems, "schedule", cells.choice, ctx.schedules),
           "municipality_code": read(values, problems, "municipality", cells.choice, ctx.municipalities),
           "hours_min": read(values, problems, "hours_min", cells.whole, 0, 168),
           "hours_max": read(values, problems, "hours_max", cells.whole, 0, 168),
           "positions": read(values, problems, "positions", cells.whole, 0, 10_000),
           "trial_weeks": read(values, problems, "trial_weeks", cells.whole, 0, 520),
           "open_until": read(values, problems, "open_until", cells.day),
           "wage_subsidy_interest": read(values, problems, "wage_subsidy_interest", cells.flag),
           "adjustments": read(values, problems, "adjustments", cells.choices, ctx.adjustments) or [],
           "languages": read(values, problems, "languages", cells.choices, ctx.languages) or []}
    for name in ("essential_skills", "negotiable_skills"):
        raw[name] = "\n".join(read(values, problems, name, cells.lines) or [])
    data = clean_role_data(raw)
    if not problems:
        try:
            check_role(ctx.organisation, data, publish=False)
        except RoleRejected as exc:
            for p in exc.problems:
                column = FIELD_COLUMN.get(p.field, p.field)
                problems.setdefault(column if column in HEADERS else "title", (f"role:{p.code}", dict(p.params)))
    return (raw, data), problems


def key(item: tuple[dict, dict]):
    """Roles are the same when title, kind and municipality agree."""
    data = item[1]
    return (fold(data["title"]), data["kind"], data["municipality_code"]) if data.get("title") else None


def existing_keys(ctx: Context) -> set:
    """The title, kind and municipality of the employer's roles."""
    rows = db.session.execute(select(JobRole.title, JobRole.kind, JobRole.municipality_code)
                              .where(JobRole.organisation_id == ctx.organisation.id))
    return {(fold(t), k, m) for t, k, m in rows}


def write(ctx: Context, rows: list[dict], user) -> int:
    """Save every role as a draft through the employers' own service (audited and indexed)."""
    for raw, _clean in rows:
        save_role(ctx.organisation, None, raw, publish=False)
    return len(rows)


def message(code: str, params: dict) -> str:
    """A row problem in the user's language: the role form's words for the role rules."""
    if code.startswith("role:"):
        return problem_text(type("P", (), {"code": code[5:], "params": params})())
    return row_message(code, params)


def instructions(target) -> list[tuple[str, str]]:
    """What to write in each column."""
    h = {k: str(v) for k, v in HEADERS.items()}

    def options(labels):
        return "; ".join(str(v) for v in labels.values())

    return [
        (h["title"], _("The role's title (required), for example 'Office cleaner, mornings'.")),
        (h["kind"], options(KIND_LABELS)), (h["tasks"], _("Free text.")), (h["description"], _("Free text.")),
        (h["municipality"], _("The municipality's name or code, for example Tampere or 837.")),
        (h["address_area"], _("Optional.")), (h["remote"], options(REMOTE_LABELS)),
        (h["hours_min"], _("Whole hours a week.")), (h["hours_max"], _("Whole hours a week.")),
        (h["schedule"], options(SCHEDULE_LABELS)), (h["positions"], _("A whole number; empty means 1.")),
        (h["trial_weeks"], _("Only for a work trial.")),
        (h["essential_skills"], list_hint()), (h["negotiable_skills"], list_hint()),
        (h["adjustments"], list_hint() + " " + catalogue_line("adjustments")),
        (h["languages"], list_hint() + " " + catalogue_line("languages")),
        (h["wage_subsidy_interest"], _("yes or no")),
        (h["open_until"], _("Optional date, for example 31.12.2026.")),
        ("", _("Imported roles are saved as drafts: review and publish each one on its own page.")),
    ]


KIND = register(ImportKind(
    name="roles", title=_l("Roles"), columns=COLUMNS, headers=HEADERS, max_rows=2000, prepare=prepare, check=check,
    write=write, message=message, instructions=instructions, key=key, key_column="title",
    existing_keys=existing_keys, widths=(30, 16, 40, 40, 18, 20, 16, 10, 10, 18, 10, 10, 30, 30, 30, 20, 12, 14)))
