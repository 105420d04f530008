"""What each audience may see of a candidate: the projections every page and answer is built from.

The coach view is the whole profile. The employer view keeps only what
matters for a job (code, skills, desired work, hours, adjustments needed as
work arrangements, languages, municipality): never a name, contact, health
information, functional limits, service-need indicators or target groups
(a group such as "disabled people" would itself reveal health data). With a
consent that covers an introduction, the employer also gets the name and
contact. The procurement officer sees the pseudonymous code only.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, TypeVar


class Audience(StrEnum):
    COACH = "coach"
    CANDIDATE = "candidate"
    EMPLOYER = "employer"
    INTRODUCTION = "introduction"
    OFFICER = "officer"


@dataclass(frozen=True)
class CandidateProfile:
    """Everything the coaching side knows of a candidate's profile, as codes and text."""

    code: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    municipality: str | None = None
    languages: tuple[tuple[str, str], ...] = ()  # (language code, level code)
    education: str = ""
    work_history: str = ""
    skills: tuple[str, ...] = ()  # catalogue codes
    skills_text: str = ""
    desired_occupations: tuple[str, ...] = ()
    desired_work_text: str = ""
    hours_min: int | None = None
    hours_max: int | None = None
    functional_limits: tuple[tuple[str, str], ...] = ()  # (physical demand, highest level managed)
    limits_note: str = ""
    adjustments: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    support_intensity: str = "light"
    peer_coach: str = ""
    status: str = "intake"


@dataclass(frozen=True)
class EmployerView:
    """What an employer may see before an introduction."""

    code: str
    skills: tuple[str, ...]
    skills_text: str
    desired_occupations: tuple[str, ...]
    desired_work_text: str
    hours_min: int | None
    hours_max: int | None
    adjustments: tuple[str, ...]
    languages: tuple[tuple[str, str], ...]
    municipality: str | None


@dataclass(frozen=True)
class IntroductionView(EmployerView):
    """The employer view plus name and contact, once the candidate consents to an introduction."""

    name: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class OfficerView:
    """What a procurement officer may see: the pseudonymous code only."""

    code: str


_View = TypeVar("_View", "EmployerView", "IntroductionView")
_Item = TypeVar("_Item")


def _take(cls: type[_View], profile: CandidateProfile) -> _View:
    return cls(**{f.name: getattr(profile, f.name) for f in fields(cls)})


def employer_view(profile: CandidateProfile) -> EmployerView:
    """The employer projection of a profile."""
    return _take(EmployerView, profile)


def introduction_view(profile: CandidateProfile) -> IntroductionView:
    """The employer projection with name and contact (needs a consent that covers it)."""
    return _take(IntroductionView, profile)


def officer_view(profile: CandidateProfile) -> OfficerView:
    """The officer projection of a profile."""
    return OfficerView(code=profile.code)


def coach_view(profile: CandidateProfile) -> CandidateProfile:
    """The coach sees everything."""
    return profile


View = CandidateProfile | EmployerView | OfficerView  # IntroductionView is an EmployerView

PROJECTIONS: dict[Audience, Callable[[CandidateProfile], View]] = {
    Audience.COACH: coach_view,
    Audience.CANDIDATE: coach_view,  # a person sees all their own data
    Audience.EMPLOYER: employer_view,
    Audience.INTRODUCTION: introduction_view,
    Audience.OFFICER: officer_view,
}


def project(profile: CandidateProfile, audience: Audience | str) -> View:
    """The profile as the audience may see it."""
    return PROJECTIONS[Audience(audience)](profile)


def visible_fields(audience: Audience | str) -> frozenset[str]:
    """The names of the profile fields an audience sees."""
    kind = {Audience.EMPLOYER: EmployerView, Audience.INTRODUCTION: IntroductionView,
            Audience.OFFICER: OfficerView}.get(Audience(audience), CandidateProfile)
    return frozenset(f.name for f in fields(kind))


# What each consent scope lets an employer see, as named parts of a snapshot.
SCOPE_PARTS: dict[str, frozenset[str]] = {
    "profile": frozenset({"profile"}),
    "profile_contact": frozenset({"profile", "contact"}),
}
CONTACT_FIELDS = ("name", "email", "phone")


def scope_change(old: str, new: str) -> str:
    """"widened", "narrowed" or "same": how a consent's new scope compares with its old one."""
    before, after = SCOPE_PARTS[old], SCOPE_PARTS[new]
    if after == before:
        return "same"
    return "widened" if after > before else "narrowed"


def _plain(value: object) -> object:
    return [_plain(v) for v in value] if isinstance(value, tuple | list) else value


def consent_snapshot(profile: CandidateProfile, scope: str) -> dict[str, Any]:
    """What an employer may see under a consent of this scope, as plain data to store with a proposal.

    Taken once, when the proposal is made: the employer reads this and never
    the live record, so text added to the candidate later is not disclosed.
    """
    parts = SCOPE_PARTS[scope]
    shown = {f.name: _plain(getattr(profile, f.name)) for f in fields(EmployerView)}
    snapshot: dict[str, Any] = {"scope": scope, "profile": shown}

    if "contact" in parts:
        snapshot["contact"] = {name: getattr(profile, name) for name in CONTACT_FIELDS}
    return snapshot


def rescoped_snapshot(snapshot: dict[str, Any] | None, scope: str,
                      profile: CandidateProfile | None = None) -> dict[str, Any] | None:
    """A snapshot after its consent's scope changed: parts the scope no longer covers are dropped.

    A part the new scope adds (the contact, on widening) is taken from
    `profile`, read at the moment of the widening; without it nothing is added.
    """
    if snapshot is None:
        return None
    parts = SCOPE_PARTS[scope]
    changed = {key: value for key, value in snapshot.items() if key in parts}
    changed["scope"] = scope
    if "contact" in parts and "contact" not in changed and profile is not None:
        changed["contact"] = {name: getattr(profile, name) for name in CONTACT_FIELDS}
    return changed


def snapshot_parts(snapshot: dict[str, Any] | None) -> list[str]:
    """The parts a snapshot holds ("profile", "contact"), for the audit of a read."""
    return sorted(key for key in (snapshot or {}) if key in SCOPE_PARTS["profile_contact"])


def snapshot_view(snapshot: dict[str, Any] | None) -> EmployerView | IntroductionView | None:

    """The employer's view of a stored snapshot: with name and contact only when it holds them."""
    if not snapshot or "profile" not in snapshot:
        return None
    data = {f.name: snapshot["profile"].get(f.name) for f in fields(EmployerView)}
    for name in ("skills", "desired_occupations", "adjustments"):
        data[name] = tuple(data[name] or ())
    data["languages"] = tuple(tuple(pair) for pair in data["languages"] or ())
    if "contact" in snapshot:
        return IntroductionView(**data, **{name: snapshot["contact"].get(name) for name in CONTACT_FIELDS})
    return EmployerView(**data)


def reader_named(reader_role: str | None, own_coach: bool) -> bool:
    """Whether the candidate's "who saw what" page names the person who read their data.

    Only their own coaches, whom the candidate knows and works with; anyone
    else (an employer's staff, an administrator, another coach of the
    provider) is shown by organisation and role, not by name: the candidate
    needs to know which organisation saw what, and the staff's names are
    their employer's business.
    """
    return own_coach and reader_role == "coach"


def collapse_repeats(items: Sequence[_Item], key: Callable[[_Item], Hashable]) -> list[tuple[_Item, int]]:
    """Runs of neighbouring items with the same key as (first item, how many): a reload is not a new read."""
    out: list[tuple[_Item, int]] = []
    last: Hashable = object()
    for item in items:
        k = key(item)
        if out and k == last:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((item, 1))
        last = k
    return out
