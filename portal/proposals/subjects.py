"""The subjects of the mails of proposals and placements: what happened, in the reader's language.

A subject names the role and the kind of work, and a date where there is one;
never a code, a name or anything of health, so that a subject shown in an inbox
list tells nothing the consent does not allow.
"""
from __future__ import annotations

from flask_babel import gettext as _

from portal.proposals.texts import KIND_LABELS, day_text

_PLACEMENT_SUBJECTS = {
    "started": lambda kind, when: _("%(kind)s starts on %(date)s", kind=kind, date=when),
    "starting": lambda kind, when: _("%(kind)s starts on %(date)s", kind=kind, date=when),
    "ended": lambda kind, when: _("%(kind)s ended on %(date)s", kind=kind, date=when),
    "ending": lambda kind, when: _("%(kind)s ends on %(date)s", kind=kind, date=when),
    "converted": lambda kind, when: _("The work trial continues as %(kind)s from %(date)s",
                                      kind=kind.lower(), date=when),
}


def notification_subject(note) -> str:
    """The mail subject of a proposal's or a placement's notification (anything with .kind and .params)."""
    p = dict(note.params or {})
    role = p.get("role", "")
    name = note.kind.removeprefix("your_")
    if name in ("proposal_sent", "proposal_made"):
        return _("New proposal: %(role)s", role=role)
    if name == "proposal_answered":
        return _("Answer to the proposal: %(role)s", role=role)
    if name in ("proposal_withdrawn", "proposal_ended"):
        return _("The proposal has ended: %(role)s", role=role)
    if name == "trial_ending":
        return _("The work trial ends on %(date)s: %(role)s", date=day_text(p.get("date")), role=role)
    change = name.removeprefix("placement_")
    if change in _PLACEMENT_SUBJECTS:
        kind = str(KIND_LABELS.get(p.get("kind"), p.get("kind", "")))
        return f"{_PLACEMENT_SUBJECTS[change](kind, day_text(p.get('date')))}: {role}"
    return ""  # the general subject (portal.notifications.kinds.subject_of)
