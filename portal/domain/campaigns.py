"""Rules of campaigns, pledges, stories and the campaign funnel (codes, never text)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from portal.domain.disclosure import MIN_CELL, Cell, cell

LANGS = ("fi", "sv", "en")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX = 80

DRAFT, PUBLISHED, ARCHIVED = "draft", "published", "archived"
# Archiving ends a campaign; an archived or published campaign can go back to
# draft for rework, and a draft can be published again.
TRANSITIONS = {DRAFT: {PUBLISHED}, PUBLISHED: {ARCHIVED, DRAFT}, ARCHIVED: {DRAFT}}

CTA_KINDS = ("pledge", "post_role", "event")
PLEDGE_KINDS = ("post_role", "work_trial", "apprenticeship", "hire")
# Which kind of placement keeps which kind of pledge (a posted role keeps post_role).
PLACEMENT_KEEPS = {"work_trial": {"work_trial", "trial"}, "apprenticeship": {"apprenticeship"},
                   "hire": {"job", "employment", "hire"}}

STAGES = ("views", "pledges", "signups", "roles", "placements")
# Stages that count people rather than organisations or page views: their
# small figures are hidden even from the campaign's owners.
PEOPLE_STAGES = frozenset({"placements"})


def slugify(text: str) -> str:
    """A URL slug from a title: lower-case ASCII words joined by hyphens (ä -> a, å -> a)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:SLUG_MAX].strip("-")


def slug_problem(slug: str) -> str | None:
    """Why a slug cannot be used ('empty', 'too_long', 'format'), or None."""
    if not slug:
        return "empty"
    if len(slug) > SLUG_MAX:
        return "too_long"
    if not SLUG_RE.match(slug):
        return "format"
    return None


def can_move(current: str, target: str) -> bool:
    """Whether a campaign may go from one status to another."""
    return target in TRANSITIONS.get(current, set())


@dataclass(frozen=True)
class CampaignText:
    """The parts of a campaign that publishing depends on."""

    titles: Mapping[str, str]
    summaries: Mapping[str, str]
    bodies: Mapping[str, str]
    starts_on: date | None
    ends_on: date | None
    has_image: bool
    image_alt_fi: str


def publish_problems(text: CampaignText) -> list[str]:
    """What stops a campaign from being published; empty when it may go out.

    Finnish is the language every visitor can fall back to, so it must be
    complete; an image needs its Finnish alternative text.
    """
    problems = []
    for part, values in (("title", text.titles), ("summary", text.summaries), ("body", text.bodies)):
        if not (values.get("fi") or "").strip():
            problems.append(f"missing_{part}_fi")
    if text.starts_on and text.ends_on and text.ends_on < text.starts_on:
        problems.append("ends_before_start")
    if text.has_image and not text.image_alt_fi.strip():
        problems.append("missing_alt")
    return problems


def language_shown(available: Mapping[str, str], wanted: str) -> tuple[str, bool]:
    """The language a text is shown in and whether that is a fallback to Finnish."""
    if (available.get(wanted) or "").strip():
        return wanted, False
    return "fi", wanted != "fi"


def is_running(starts_on: date | None, ends_on: date | None, today: date) -> bool:
    """Whether a campaign's dates include today (open ends run on)."""
    return (starts_on is None or starts_on <= today) and (ends_on is None or today <= ends_on)


def pledge_kept_by_placement(pledge_kind: str, placement_kind: str | None) -> bool:
    """Whether a placement of this kind at the pledging employer keeps the pledge."""
    return (placement_kind or "") in PLACEMENT_KEEPS.get(pledge_kind, set())


@dataclass(frozen=True)
class StoryConsent:
    """What has been recorded about a story's consent and how the person is named."""

    consent_given: bool
    consent_withdrawn: bool
    real_name_shown: bool
    consent_covers_name: bool
    has_text: bool


def story_problems(story: StoryConsent) -> list[str]:
    """What stops a story from being published: consent first, a real name only with consent to it."""
    problems = []
    if not story.consent_given:
        problems.append("no_consent")
    if story.consent_withdrawn:
        problems.append("consent_withdrawn")
    if story.real_name_shown and not story.consent_covers_name:
        problems.append("name_without_consent")
    if not story.has_text:
        problems.append("missing_text")
    return problems


@dataclass(frozen=True)
class FunnelRow:
    stage: str
    figure: Cell
    of_previous: float | None  # share of the previous stage, 0..1, when both are shown


def funnel(counts: Mapping[str, int], threshold: int = MIN_CELL) -> list[FunnelRow]:
    """The funnel's stages in order, people-counting stages with small cells hidden."""
    rows: list[FunnelRow] = []
    previous: Cell | None = None
    for stage in STAGES:
        n = int(counts.get(stage, 0))
        figure = cell(n, threshold=threshold) if stage in PEOPLE_STAGES else Cell(n, False)
        share = None
        if previous is not None and previous.shown and figure.shown and previous.value and figure.value is not None:

            share = figure.value / previous.value

        rows.append(FunnelRow(stage, figure, share))
        previous = figure
    return rows
