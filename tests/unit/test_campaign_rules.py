"""Rules of campaigns, pledges, stories, the funnel and event sign-up."""
from datetime import UTC, date, datetime, timedelta

from portal.domain import campaigns as rules
from portal.domain.events import duration_problem, registration_refusal, seats_left


def test_slugs_are_folded_from_titles_and_checked():
    assert rules.slugify("Työkokeilu keväällä – Åbo & Jyväskylä!") == "tyokokeilu-kevaalla-abo-jyvaskyla"
    assert rules.slug_problem("tyokokeilu-2026") is None
    assert rules.slug_problem("") == "empty"
    assert rules.slug_problem("Iso-Kirjain") == "format"
    assert rules.slug_problem("a--b") == "format"
    assert rules.slug_problem("x" * 81) == "too_long"


def test_status_moves():
    assert rules.can_move("draft", "published")
    assert rules.can_move("published", "archived") and rules.can_move("archived", "draft")
    assert not rules.can_move("draft", "archived")
    assert not rules.can_move("archived", "published")


def _text(**over):
    base = dict(titles={"fi": "Otsikko"}, summaries={"fi": "Tiivis"}, bodies={"fi": "Teksti"},
                starts_on=date(2026, 3, 1), ends_on=date(2026, 4, 1), has_image=False, image_alt_fi="")
    base.update(over)
    return rules.CampaignText(**base)


def test_publishing_needs_a_complete_finnish_version_and_alt_text():
    assert rules.publish_problems(_text()) == []
    assert rules.publish_problems(_text(titles={"sv": "Rubrik"}, bodies={"fi": "  "})) == [
        "missing_title_fi", "missing_body_fi"]
    assert rules.publish_problems(_text(has_image=True)) == ["missing_alt"]
    assert rules.publish_problems(_text(ends_on=date(2026, 2, 1))) == ["ends_before_start"]


def test_language_falls_back_to_finnish_with_a_flag():
    assert rules.language_shown({"fi": "A", "sv": "B"}, "sv") == ("sv", False)
    assert rules.language_shown({"fi": "A", "en": " "}, "en") == ("fi", True)
    assert rules.language_shown({"fi": "A"}, "fi") == ("fi", False)


def test_running_dates():
    today = date(2026, 5, 1)
    assert rules.is_running(None, None, today)
    assert rules.is_running(date(2026, 5, 1), date(2026, 5, 1), today)
    assert not rules.is_running(date(2026, 5, 2), None, today)
    assert not rules.is_running(None, date(2026, 4, 30), today)


def test_which_placement_keeps_which_pledge():
    assert rules.pledge_kept_by_placement("work_trial", "work_trial")
    assert rules.pledge_kept_by_placement("hire", "job")
    assert not rules.pledge_kept_by_placement("hire", "work_trial")
    assert not rules.pledge_kept_by_placement("post_role", "job")  # a posted role keeps that one


def test_a_story_needs_consent_and_a_real_name_needs_consent_to_it():
    ok = rules.StoryConsent(True, False, False, False, True)
    assert rules.story_problems(ok) == []
    assert rules.story_problems(rules.StoryConsent(False, False, False, False, True)) == ["no_consent"]
    assert rules.story_problems(rules.StoryConsent(True, True, False, False, True)) == ["consent_withdrawn"]
    assert rules.story_problems(rules.StoryConsent(True, False, True, False, True)) == ["name_without_consent"]
    assert rules.story_problems(rules.StoryConsent(True, False, True, True, False)) == ["missing_text"]


def test_funnel_hides_small_placement_counts_but_not_views_or_organisations():
    rows = rules.funnel({"views": 200, "pledges": 3, "signups": 10, "roles": 5, "placements": 2})
    by_stage = {r.stage: r for r in rows}
    assert [r.stage for r in rows] == list(rules.STAGES)
    assert by_stage["pledges"].figure.value == 3  # organisations, not people
    assert by_stage["placements"].figure.hidden and by_stage["placements"].of_previous is None
    assert by_stage["roles"].of_previous == 0.5
    assert by_stage["pledges"].of_previous == 3 / 200


def test_sign_up_is_refused_when_closed_started_or_full():
    now = datetime(2026, 6, 1, 9, tzinfo=UTC)
    later = now + timedelta(hours=1)
    assert registration_refusal(True, later, now, 10, 9) is None
    assert registration_refusal(False, later, now, 10, 0) == "not_open"
    assert registration_refusal(True, now, now, 10, 0) == "started"
    assert registration_refusal(True, later, now, 10, 10) == "full"
    assert seats_left(10, 12) == 0
    assert duration_problem(later, now) == "ends_before_start"
    assert duration_problem(now, later) is None
