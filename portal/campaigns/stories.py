"""Success stories: written by editors, published only with the person's recorded consent."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.audit.services import record
from portal.campaigns import content
from portal.campaigns.access import owned_by_user
from portal.campaigns.models import Story
from portal.db_types import utcnow
from portal.domain import campaigns as rules
from portal.errors import ServiceError
from portal.extensions import db

LANGS = rules.LANGS
CONSENT_METHODS = ("written", "electronic")
SORTS = {"title": Story.title_fi, "status": Story.status, "updated": Story.updated_at}


def problem_messages() -> dict[str, str]:
    """The text of each reason a story cannot be published."""
    return {
        "no_consent": _("Record the person's consent before publishing."),
        "consent_withdrawn": _("The person has withdrawn their consent."),
        "name_without_consent": _("A real name can be shown only when the consent covers it."),
        "missing_text": _("The Finnish title and text are needed."),
    }


def manage_query():
    """Stories the current editor may manage (unsorted)."""
    return select(Story).where(owned_by_user(Story.organisation_id))


def managed(story_id: int):
    """A select for one story within the editor's scope."""
    return select(Story).where(Story.id == story_id, owned_by_user(Story.organisation_id))


def _check(story: Story) -> list[str]:
    return rules.story_problems(rules.StoryConsent(
        consent_given=story.consent_given_on is not None,
        consent_withdrawn=story.consent_withdrawn_on is not None,
        real_name_shown=story.real_name_shown,
        consent_covers_name=story.consent_covers_name,
        has_text=bool(story.title_fi.strip() and story.body_fi.strip())))


def save_story(story: Story | None, data: dict) -> Story:
    """Create or update a story; withdrawing consent takes a published story down at once."""
    creating = story is None
    if creating:
        story = Story(organisation_id=current_user.organisation_id, status=rules.DRAFT)
        db.session.add(story)
    if data.get("real_name_shown") and not data.get("consent_covers_name"):
        raise ServiceError(problem_messages()["name_without_consent"], "real_name_shown")
    for field in ("title", "body"):
        for lang in LANGS:
            setattr(story, f"{field}_{lang}", (data.get(f"{field}_{lang}") or "").strip())
    for lang in LANGS:
        setattr(story, f"body_html_{lang}", content.render(getattr(story, f"body_{lang}")))
    story.campaign_id = data.get("campaign_id") or None
    story.shown_name = (data.get("shown_name") or "").strip()
    story.real_name_shown = bool(data.get("real_name_shown"))
    consent_changed = (story.consent_given_on != data.get("consent_given_on")
                       or story.consent_method != (data.get("consent_method") or None))
    story.consent_given_on = data.get("consent_given_on")
    story.consent_method = data.get("consent_method") or None
    story.consent_reference = (data.get("consent_reference") or "").strip()
    story.consent_covers_name = bool(data.get("consent_covers_name"))
    if consent_changed and story.consent_given_on:
        story.consent_recorded_by_id, story.consent_recorded_at = current_user.id, utcnow()
    story.consent_withdrawn_on = data.get("consent_withdrawn_on")
    if story.status == rules.PUBLISHED and _check(story):
        story.status = rules.DRAFT  # consent withdrawn or no longer enough: off the site now
    db.session.flush()
    record("story_created" if creating else "story_updated", "story", story.id,
           organisation_id=story.organisation_id, detail={"status": story.status})
    return story


def publish(story: Story) -> None:
    """Put a story on the site; refused without recorded, unwithdrawn consent."""
    problems = _check(story)
    if problems:
        messages = problem_messages()
        raise ServiceError(" ".join(messages[p] for p in problems))
    story.status, story.published_at = rules.PUBLISHED, story.published_at or utcnow()
    record("story_published", "story", story.id, organisation_id=story.organisation_id)


def unpublish(story: Story) -> None:
    """Take a story off the site."""
    story.status = rules.DRAFT
    record("story_unpublished", "story", story.id, organisation_id=story.organisation_id)


def public_query():
    """Published stories, newest first; a story without consent never passes this filter."""
    return (select(Story).where(Story.status == rules.PUBLISHED, Story.consent_given_on.is_not(None),
                                Story.consent_withdrawn_on.is_(None))
            .order_by(Story.published_at.desc(), Story.id.desc()))


def published_story(story_id: int):
    """A select for one published story."""
    return public_query().where(Story.id == story_id)
