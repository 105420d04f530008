"""Reminders before a work trial ends: both sides are asked, once, whether a job offer follows.

``flask placements remind`` sends the reminders due today; it is safe to run
from cron as often as wished: each trial is claimed with a conditional
UPDATE (reminded_at still empty), so a second run, even a simultaneous one,
sends nothing twice.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from portal.db_types import utcnow
from portal.domain.placements import ACTIVE_STATES, REMINDER_DAYS, reminder_due
from portal.extensions import db
from portal.placements.models import Placement
from portal.placements.services import code_of
from portal.proposals.notify import coaches_of, employer_users, notify


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
        params = {"code": code_of(placement.candidate_id), "role": placement.role.title, "kind": placement.kind,
                  "date": placement.end_on.isoformat()}
        notify(coaches_of(placement.candidate_id) + employer_users(placement.organisation_id), "trial_ending",
               placement_id=placement.id, params=params)
        sent += 1
    return sent
