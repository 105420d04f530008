"""What coaching tells: who a candidate's coaches are (the notices' readers) and the follow-ups due.

The daily run (portal.notifications.daily) tells each coach of a candidate
whose next follow-up is due (today or past), once per follow-up date. The
notice names the candidate by the pseudonymous code: a mail leaves the portal,
and a code is all its reader needs to find the person in their own caseload.
"""
from __future__ import annotations

from datetime import date

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import User
from portal.coaching.models import Candidate, CandidateCoach
from portal.domain.notices import follow_up_due, notice_key
from portal.extensions import db
from portal.i18n import date_filter
from portal.notifications.daily import register_daily
from portal.notifications.kinds import register_kind
from portal.notifications.services import already_made, notify

FOLLOW_UP = "follow_up_due"


def coaches_of(candidate_id: int) -> list[User]:
    """The candidate's active coaches."""
    return list(db.session.scalars(select(User).join(CandidateCoach, CandidateCoach.user_id == User.id).where(
        CandidateCoach.candidate_id == candidate_id, User.active.is_(True)).order_by(User.id)))


def account_of(candidate_id: int) -> User | None:
    """The candidate's own active account, when they have one."""
    return db.session.scalar(select(User).join(Candidate, Candidate.user_id == User.id).where(
        Candidate.id == candidate_id, Candidate.erased_at.is_(None), User.active.is_(True)))


def follow_ups_due(today: date) -> int:
    """Tell the coaches of every candidate whose follow-up is due; returns how many notices were made."""
    rows = db.session.scalars(select(Candidate).where(
        Candidate.next_follow_up <= today, Candidate.erased_at.is_(None), Candidate.status != "exited")
        .order_by(Candidate.id)).all()
    due = [c for c in rows if follow_up_due(c.next_follow_up, today)]
    keys = {c.id: notice_key(FOLLOW_UP, c.id, c.next_follow_up) for c in due}
    made = already_made(keys.values())
    coaches = _coaches_by_candidate([c.id for c in due])
    count = 0
    for candidate in due:
        readers = [u for u in coaches.get(candidate.id, []) if (u.id, keys[candidate.id]) not in made]
        count += len(notify(readers, FOLLOW_UP, key=keys[candidate.id], params={
            "code": candidate.code, "date": candidate.next_follow_up.isoformat(), "candidate": candidate.id}))
    return count


def _coaches_by_candidate(candidate_ids: list[int]) -> dict[int, list[User]]:
    """candidate id -> active coaches, in one query."""
    if not candidate_ids:
        return {}
    found: dict[int, list[User]] = {}
    for cid, user in db.session.execute(select(CandidateCoach.candidate_id, User).join(
            User, User.id == CandidateCoach.user_id).where(CandidateCoach.candidate_id.in_(candidate_ids),
                                                           User.active.is_(True)).order_by(User.id)):
        found.setdefault(cid, []).append(user)
    return found


def _follow_up_text(note) -> str:
    p = note.params or {}
    when = date_filter(date.fromisoformat(p["date"])) if p.get("date") else ""
    return _("A follow-up of %(code)s is due (%(date)s).", code=p.get("code", ""), date=when)


def _follow_up_target(note, role: str | None) -> str:
    candidate = (note.params or {}).get("candidate")
    return url_for("coaching.record", candidate_id=candidate) if candidate else url_for("coaching.index")


def _follow_up_subject(note) -> str:
    p = note.params or {}
    return _("A follow-up is due on %(date)s", date=date_filter(date.fromisoformat(p["date"])) if p.get("date") else "")


register_kind(FOLLOW_UP, _follow_up_text, _follow_up_target, _follow_up_subject)
register_daily(FOLLOW_UP, follow_ups_due)
