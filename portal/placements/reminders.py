"""Reminders of placement dates: before a trial ends, and to the coach before a placement starts or ends.

Before a trial ends both sides are asked, once, whether a job offer follows.
The coach also hears, once per date, of a placement starting or a job ending
within NOTIFY_DAYS_AHEAD days. All three run in `flask notifications daily`.

``flask placements remind`` sends the reminders due today; it is safe to run
from cron as often as wished: each trial is claimed with a conditional
UPDATE (reminded_at still empty), so a second run, even a simultaneous one,
sends nothing twice.
"""
from __future__ import annotations

from datetime import date, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select, update

from portal.coaching.notices import coaches_of
from portal.db_types import utcnow
from portal.domain.notices import approaching, notice_key
from portal.domain.placements import ACTIVE_STATES, REMINDER_DAYS, reminder_due
from portal.extensions import db
from portal.i18n import date_filter
from portal.notifications.daily import register_daily
from portal.notifications.kinds import register_kind
from portal.notifications.services import employer_users, notify
from portal.placements.models import Placement
from portal.placements.services import code_of
from portal.proposals.notices import placement_target
from portal.proposals.subjects import notification_subject
from portal.proposals.texts import KIND_LABELS


def due_trials(today: date) -> list[Placement]:
    """Running trials ending within REMINDER_DAYS that have not been reminded of."""
    rows = db.session.scalars(select(Placement).where(
        Placement.kind == "work_trial", Placement.state.in_(ACTIVE_STATES), Placement.reminded_at.is_(None),
        Placement.end_on.between(today, today + timedelta(days=REMINDER_DAYS))).order_by(Placement.id))
    return [p for p in rows if reminder_due(p.kind, p.state, p.end_on, p.reminded_at is not None, today)]


def send_trial_reminders(today: date) -> int:
    """Remind both sides of every trial due today; returns how many trials were reminded of."""
    sent = 0
    for placement in due_trials(today):
        claimed = db.session.execute(update(Placement).where(Placement.id == placement.id,
                                                             Placement.reminded_at.is_(None))
                                     .values(reminded_at=utcnow()).execution_options(synchronize_session=False))
        if claimed.rowcount != 1:
            continue  # another run took it
        params = {"code": code_of(placement.candidate_id), "role": placement.role.title,
                  "role_lang": placement.role.language, "kind": placement.kind,
                  "date": placement.end_on.isoformat()}
        notify(coaches_of(placement.candidate_id) + employer_users(placement.organisation_id), "trial_ending",
               placement_id=placement.id, params=params)
        sent += 1
    return sent


def _approaching(kind: str, column, today: date, exclude_trials: bool) -> int:
    """Tell the coaches of each running placement whose date in ``column`` is near, once per date."""
    days = current_app.config["NOTIFY_DAYS_AHEAD"]
    stmt = select(Placement).where(Placement.state.in_(ACTIVE_STATES),
                                   column.between(today, today + timedelta(days=days)))
    if exclude_trials:  # a trial's end has its own reminder to both sides (send_trial_reminders)
        stmt = stmt.where(Placement.kind != "work_trial")
    count = 0
    for placement in db.session.scalars(stmt.order_by(Placement.id)):
        on = getattr(placement, column.key)
        if not approaching(on, today, days):
            continue
        params = {"code": code_of(placement.candidate_id), "role": placement.role.title,
                  "role_lang": placement.role.language, "kind": placement.kind,
                  "date": on.isoformat()}
        count += len(notify(coaches_of(placement.candidate_id), kind, placement_id=placement.id, params=params,
                            key=notice_key(kind, placement.id, on)))
    return count


def starts_approaching(today: date) -> int:
    """The coaches hear of placements starting within NOTIFY_DAYS_AHEAD days."""
    return _approaching("placement_starting", Placement.start_on, today, exclude_trials=False)


def ends_approaching(today: date) -> int:
    """The coaches hear of jobs and apprenticeships ending within NOTIFY_DAYS_AHEAD days."""
    return _approaching("placement_ending", Placement.end_on, today, exclude_trials=True)


def _approaching_text(note) -> str:
    p = note.params or {}
    kind = str(KIND_LABELS.get(p.get("kind"), p.get("kind", ""))).lower()
    when = date_filter(date.fromisoformat(p["date"])) if p.get("date") else ""
    if note.kind == "placement_starting":
        return _("The placement (%(kind)s) of %(code)s in %(role)s begins soon, on %(date)s.", kind=kind,
                 code=p.get("code", ""), role=p.get("role", ""), date=when)
    return _("The placement (%(kind)s) of %(code)s in %(role)s ends soon, on %(date)s.", kind=kind,
             code=p.get("code", ""), role=p.get("role", ""), date=when)


register_kind("placement_starting", _approaching_text, placement_target, notification_subject)
register_kind("placement_ending", _approaching_text, placement_target, notification_subject)
register_daily("placements_starting", starts_approaching)
register_daily("placements_ending", ends_approaching)
register_daily("trial_ending", send_trial_reminders)
