"""Access rules of the coordination pages: the candidate's own coaches only; 404 for every other coach."""
from __future__ import annotations

from datetime import timedelta

from portal import clock
from portal.coordination.models import Coordinator, Referral
from portal.extensions import db
from tests.access import Route
from tests.access.coaching import SENSITIVE

COACH_ONLY = ("coach",)
NOT_FOR = ("second_coach", "second_candidate")
REASON = SENSITIVE["referral_reason"]  # only the candidate's coaches and the candidate may see it


def build(world) -> None:
    """A coordinator and an open referral for the world's candidate (built by tests/access/coaching.py)."""
    cid, coach = world.ids["candidate"], world.users["coach"]
    today = clock.today()
    db.session.add(Coordinator(candidate_id=cid, user_id=coach.id, phase="job_search",
                               start_on=today - timedelta(days=30), recorded_by_id=coach.id))
    referral = Referral(candidate_id=cid, kind="workshop_assessment", reason=REASON, receiving_name="Työpaja",
                        sent_on=today - timedelta(days=5), state="sent", created_by_id=coach.id)
    db.session.add(referral)
    db.session.flush()
    world.ids["referral"] = referral.id


def _c(w):
    return {"candidate_id": w.ids["candidate"]}


def _ref(w):
    return {"candidate_id": w.ids["candidate"], "referral_id": w.ids["referral"]}


def _r(endpoint, method="GET", params=_c, **kw):
    return Route(endpoint, COACH_ONLY, method=method, params=params, scoped=True, not_for=NOT_FOR, **kw)


ROUTES = [
    _r("coordination.overview"),
    _r("coordination.handover"),
    _r("coordination.handover", "POST"),
    _r("coordination.referral_new"),
    _r("coordination.referral_new", "POST"),
    _r("coordination.referral", params=_ref),
    _r("coordination.referral", "POST", params=_ref),
    _r("coordination.referral_cancel", params=_ref),
    # Confirmed, the cancel redirects back to the referral.
    _r("coordination.referral_cancel", "POST", params=_ref, ok=(302,)),
]
