"""The plan's history of changes in words: each field by its name, dates and statuses as a reader writes them.

The history stores codes (field: [before, after], dates as YYYY-MM-DD) so that it stays exact; this
turns it into lines in the reader's language. A template global, so the coach's and the candidate's
plan pages show the same words.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from portal.coaching import bp
from portal.coaching.labels import GOAL_STATUS_LABELS, PLAN_ACTION_LABELS
from portal.coaching.models import Goal
from portal.extensions import db
from portal.i18n import date_filter

FIELD_LABELS = {
    "title": _l("Goal"),
    "own_words": _l("The goal in the candidate's own words"),
    "measure": _l("Measure"),
    "target_date": _l("Target date"),  # the goal form's word for it
    "responsible": _l("Who is responsible"),
    "status": _l("Status of the goal"),
    "summary": _l("Summary of the plan"),
    "agreed_on": _l("Agreed with the candidate on"),
    "follow_up": _l("Follow-up date"),
}
DATE_FIELDS = frozenset({"target_date", "agreed_on", "follow_up"})


@dataclass(frozen=True)
class Line:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Row:
    at: object
    actor: object
    action: str
    goal: str
    lines: list[Line]


def _value(field: str, raw) -> str:
    if raw in (None, ""):
        return ""
    if field in DATE_FIELDS:
        try:
            return date_filter(date.fromisoformat(str(raw)))
        except ValueError:
            return str(raw)
    if field == "status":
        return str(GOAL_STATUS_LABELS.get(raw, raw))
    return str(raw)


@bp.app_template_global()
def plan_history_rows(history) -> list[Row]:
    """The plan's changes (newest first, as plans.history gives them) in words; the goals' titles in one query."""
    goal_ids = {h.goal_id for h in history if h.goal_id}
    titles = {}
    if goal_ids:
        titles = dict(db.session.execute(select(Goal.id, Goal.title).where(Goal.id.in_(goal_ids))).all())
    rows = []
    for h in history:
        lines = [Line(str(FIELD_LABELS.get(field, field)), _value(field, pair[0]), _value(field, pair[1]))
                 for field, pair in (h.changes or {}).items()]
        rows.append(Row(h.at, h.actor, str(PLAN_ACTION_LABELS.get(h.action, h.action)),
                        titles.get(h.goal_id, ""), lines))
    return rows
