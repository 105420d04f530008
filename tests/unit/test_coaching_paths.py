"""The rules of light and intensive paths, steps before work and review signatures."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from portal.domain import coaching_paths as paths
from portal.domain import coaching_steps as steps

SEED = Path(__file__).resolve().parents[2] / "seeds" / "coaching" / "paths.yaml"
RULES = paths.parse_paths(yaml.safe_load(SEED.read_text("utf-8")))
DAY = date(2026, 3, 2)


def test_the_seed_gives_both_paths_as_portal_defaults_weekly_and_monthly():
    assert RULES["intensive"].contact_every_days == 7 and RULES["light"].contact_every_days == 30
    assert RULES["intensive"].caseload_weight > RULES["light"].caseload_weight
    assert all(r.portal_default for r in RULES.values())


@pytest.mark.parametrize("data", [{"paths": []}, {"paths": [{"code": "heavy"}]},
                                  {"paths": [dict(code="light", contact_every_days=0, caseload_weight=1,
                                                  review_after_days=9, propose="intensive")]}])
def test_a_broken_seed_is_refused(data):
    with pytest.raises((ValueError, KeyError)):
        paths.parse_paths(data)


def test_next_follow_up_follows_the_rhythm_and_keeps_an_earlier_one():
    assert paths.next_follow_up(DAY, RULES["intensive"]) == date(2026, 3, 9)
    assert paths.next_follow_up(DAY, RULES["light"]) == date(2026, 4, 1)
    assert paths.next_follow_up(DAY, RULES["light"], current=date(2026, 3, 10)) == date(2026, 3, 10)
    # A follow-up already past (or on the contact day) is replaced by the rhythm's.
    assert paths.next_follow_up(DAY, RULES["intensive"], current=date(2026, 3, 1)) == date(2026, 3, 9)


def test_weighted_load_counts_an_intensive_person_more():
    assert paths.weighted_load(["light", "light"], RULES) == 2
    assert paths.weighted_load(["intensive", "light"], RULES) == 3
    assert paths.weighted_load(["unknown"], RULES) == 1
    assert paths.over_weighted_limit(21, 20) and not paths.over_weighted_limit(20, 20)
    assert not paths.over_weighted_limit(50, None)


def test_review_proposes_light_after_steady_contacts_on_the_intensive_path():
    since = date(2025, 12, 1)
    assert paths.review_proposal("intensive", RULES, since, 10, date(2026, 2, 1)) is None  # not yet 90 days
    p = paths.review_proposal("intensive", RULES, since, 8, date(2026, 3, 1))
    assert (p.from_path, p.to_path, p.reason, p.contacts, p.days) == ("intensive", "light", "many_contacts", 8, 90)
    assert paths.review_proposal("intensive", RULES, since, 7, date(2026, 3, 1)) is None


def test_review_proposes_intensive_when_a_light_path_has_hardly_any_contact():
    since = date(2025, 12, 1)
    p = paths.review_proposal("light", RULES, since, 1, date(2026, 3, 1))
    assert (p.to_path, p.reason) == ("intensive", "few_contacts")
    assert paths.review_proposal("light", RULES, since, 2, date(2026, 3, 1)) is None


@pytest.mark.parametrize(("kind", "start", "end", "outcome", "codes"), [
    ("work_activity", date(2026, 1, 1), None, None, []),
    ("work_activity", date(2026, 1, 1), date(2026, 2, 1), "work", []),
    ("knitting", date(2026, 1, 1), None, None, ["unknown_kind"]),
    ("day_activity", None, None, None, ["no_start"]),
    ("day_activity", date(2026, 4, 1), None, None, []),  # planned ahead
    ("day_activity", date(2026, 4, 1), date(2026, 5, 1), "work", ["start_in_future", "end_in_future"]),
    ("day_activity", date(2026, 4, 1), None, "work", ["start_in_future", "outcome_without_end"]),
    ("day_activity", date(2026, 2, 1), date(2026, 1, 1), "work", ["end_before_start"]),
    ("day_activity", date(2026, 1, 1), None, "work", ["outcome_without_end"]),
    ("day_activity", date(2026, 1, 1), date(2026, 2, 1), "", ["end_without_outcome"]),
    ("day_activity", date(2026, 1, 1), date(2026, 2, 1), "moon", ["unknown_outcome"]),
])
def test_step_problems(kind, start, end, outcome, codes):
    assert steps.step_problems(kind, start, end, outcome, DAY) == codes


def test_movement_toward_work_counts_work_and_education_only():
    found = steps.toward_work([("work_activity>work", 3), ("work_activity>education", 2),
                               ("day_activity>other_step", 4), ("social_rehabilitation>interrupted", 1)])
    assert found == {"social_rehabilitation": 0, "work_activity": 5, "day_activity": 0}
    assert steps.step_key("day_activity", None) is None
    assert steps.step_key("day_activity", "work") == "day_activity>work"


def test_signature_rules():
    review_on = date(2026, 2, 1)
    assert steps.signature_problems("signed", DAY, "", "", review_on, DAY, needs_name=False) == []
    assert steps.signature_problems("signed", DAY, "", "", review_on, DAY, needs_name=True) == ["no_name"]
    assert steps.signature_problems("signed", None, "A", "", review_on, DAY, True) == ["no_date"]
    assert steps.signature_problems("signed", date(2026, 1, 1), "A", "", review_on, DAY, True) == ["before_review"]
    assert steps.signature_problems("not_signed", None, "", " ", review_on, DAY, True) == ["no_reason"]
    assert steps.signature_problems("not_signed", None, "", "ill", review_on, DAY, True) == []
    assert steps.signature_problems("maybe", None, "", "", review_on, DAY, True) == ["unknown_state"]


def test_a_back_dated_contact_never_moves_the_follow_up_backwards():
    latest = date(2026, 3, 20)
    after_latest = paths.next_follow_up(latest, RULES["intensive"])
    # A contact of 1.3. recorded after that of 20.3.: the rhythm still runs from 20.3.
    assert paths.next_follow_up(DAY, RULES["intensive"], current=after_latest, latest_contact=latest) == after_latest
    assert paths.next_follow_up(DAY, RULES["intensive"], latest_contact=latest) == after_latest
    # A newer contact than the latest moves it on as before.
    later = date(2026, 3, 30)
    assert paths.next_follow_up(later, RULES["intensive"], current=after_latest, latest_contact=latest) > after_latest
