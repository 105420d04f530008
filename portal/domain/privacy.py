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

from dataclasses import dataclass, fields
from enum import StrEnum


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


def _take(cls, profile: CandidateProfile):
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


PROJECTIONS = {
    Audience.COACH: coach_view,
    Audience.CANDIDATE: coach_view,  # a person sees all their own data
    Audience.EMPLOYER: employer_view,
    Audience.INTRODUCTION: introduction_view,
    Audience.OFFICER: officer_view,
}


def project(profile: CandidateProfile, audience: Audience | str):
    """The profile as the audience may see it."""
    return PROJECTIONS[Audience(audience)](profile)


def visible_fields(audience: Audience | str) -> frozenset[str]:
    """The names of the profile fields an audience sees."""
    kind = {Audience.EMPLOYER: EmployerView, Audience.INTRODUCTION: IntroductionView,
            Audience.OFFICER: OfficerView}.get(Audience(audience), CandidateProfile)
    return frozenset(f.name for f in fields(kind))
