"""The notifications of proposals and placements: their words for the person's own account, and their targets.

Coaches and employers read them with the pseudonymous code (an employer's is
blanked when the consent ends, portal.proposals.snapshots.forget); the person
reads of their own proposals and placements without a code or a name, since
they are theirs. Each target page checks access again.
"""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from portal.notifications.kinds import register_kind
from portal.proposals.subjects import notification_subject
from portal.proposals.texts import KIND_LABELS, STATE_LABELS, day_text, notification_text

# Those to the coach and the employer (words in portal.proposals.texts).
PROPOSAL_KINDS = ("proposal_sent", "proposal_answered", "proposal_withdrawn")
PLACEMENT_KINDS = ("placement_started", "placement_ended", "placement_converted", "trial_ending")


def own_text(note) -> str:
    """The person's own notification of a proposal or a placement, in the current language."""
    p = dict(note.params or {})
    role, employer, when = p.get("role", ""), p.get("employer", ""), day_text(p.get("date"))
    kind = str(KIND_LABELS.get(p.get("kind"), p.get("kind", ""))).lower()
    if note.kind == "your_proposal_made":
        return _("Your job coach proposed you for the role %(role)s at %(employer)s.", role=role, employer=employer)
    if note.kind == "your_proposal_ended":
        state = str(STATE_LABELS.get(p.get("answer"), p.get("answer", "")))
        return _("The proposal for the role %(role)s at %(employer)s has ended: %(state)s.", role=role,
                 employer=employer, state=state)
    if note.kind == "your_placement_started":
        return _("Your placement (%(kind)s) as %(role)s at %(employer)s starts on %(date)s.", kind=kind, role=role,
                 employer=employer, date=when)
    if note.kind == "your_placement_ended":
        return _("Your placement (%(kind)s) as %(role)s at %(employer)s ended on %(date)s.", kind=kind, role=role,
                 employer=employer, date=when)
    if note.kind == "your_placement_converted":
        return _("Your work trial as %(role)s at %(employer)s became a placement (%(kind)s) from %(date)s.",
                 kind=kind, role=role, employer=employer, date=when)
    return note.kind


def proposal_target(note, role: str | None) -> str:
    """The reader's own page of the proposal."""
    if role == "employer":
        return url_for("proposals.employer_detail", proposal_id=note.proposal_id)
    if role == "coach":
        return url_for("proposals.coach_detail", proposal_id=note.proposal_id)
    return url_for("notifications.index")


def placement_target(note, role: str | None) -> str:
    """The placement's page, for the coach and the employer."""
    if role in ("coach", "employer") and note.placement_id is not None:
        return url_for("placements.detail", placement_id=note.placement_id)
    return url_for("notifications.index")


def own_target(note, role: str | None) -> str:
    """The candidate's own list of what the notice concerns: their proposals or their placements."""
    if role != "candidate":
        return url_for("notifications.index")
    if note.placement_id is not None:
        return url_for("selfservice.placements")
    return url_for("selfservice.proposals") if note.proposal_id is not None else url_for("selfservice.profile")


for _kind in PROPOSAL_KINDS:
    register_kind(_kind, notification_text, proposal_target, notification_subject)
for _kind in PLACEMENT_KINDS:
    register_kind(_kind, notification_text, placement_target, notification_subject)
for _kind in ("your_proposal_made", "your_proposal_ended", "your_placement_started", "your_placement_ended",
              "your_placement_converted"):
    register_kind(_kind, own_text, own_target, notification_subject)
