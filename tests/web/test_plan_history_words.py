"""The plan's history in words; dates that look ahead refused or warned when in the past (issue 16, item 4)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal import clock
from portal.coaching.models import Candidate, Goal, PlanChange
from portal.domain.coaching import past_date
from tests.conftest import sign_in
from tests.web.test_coaching import PROFILE

TODAY = clock.today()
AHEAD = TODAY + timedelta(days=40)


def _coach(client, world, lang="fi"):
    sign_in(client, world.users["coach"])
    client.get(f"/start?lang={lang}")
    return world.ids["candidate"]


def _fi(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def test_the_rule_refuses_new_past_dates_and_warns_on_edits_into_the_past():
    today = date(2026, 12, 7)
    assert past_date(date(2020, 1, 1), today) == "refuse"
    assert past_date(today, today) is None and past_date(date(2027, 3, 1), today) is None
    assert past_date(date(2026, 12, 1), today, before=date(2027, 1, 1), new=False) == "warn"
    assert past_date(date(2026, 12, 1), today, before=date(2026, 12, 1), new=False) is None  # unchanged, overdue
    assert past_date(None, today) is None


def test_a_new_goal_dated_in_the_past_is_refused_and_nothing_written(client, world, db):
    cid = _coach(client, world, "en")
    before = db.session.query(Goal).count()
    page = client.post(f"/coaching/candidates/{cid}/plan/goals/new", data={
        "title": "Työkokeilu", "measure": "Sopimus", "target_date": "2020-01-01", "status": "open"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "The target date has already passed." in text
    assert db.session.query(Goal).count() == before


def test_an_edit_into_the_past_is_saved_with_a_warning(client, world, db):
    cid = _coach(client, world, "en")
    goal_id = world.ids["goal"]
    goal = db.session.get(Goal, goal_id)
    data = {"action": "goal", "goal-title": goal.title, "goal-measure": goal.measure,
            "goal-responsible": goal.responsible or "", "goal-status": "open",
            "goal-target_date": (TODAY - timedelta(days=3)).isoformat()}
    page = client.post(f"/coaching/candidates/{cid}/plan/goals/{goal_id}", data=data, follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "The goal has been saved." in text and "has already passed. Check the date" in text
    assert 'class="flash flash-warning"' in text
    db.session.expire_all()
    assert db.session.get(Goal, goal_id).target_date == TODAY - timedelta(days=3)
    # Saving it again unchanged warns no more: an overdue goal can be edited in peace.
    data["goal-measure"] = "Uusi mittari"
    text = client.post(f"/coaching/candidates/{cid}/plan/goals/{goal_id}", data=data,
                       follow_redirects=True).get_data(as_text=True)
    assert "The goal has been saved." in text and "has already passed" not in text


def test_a_candidate_editing_their_goal_into_the_past_is_warned(client, world, db):
    sign_in(client, world.users["candidate"])
    client.get("/start?lang=en")
    goal_id = world.ids["goal"]
    page = client.post(f"/my/plan/goals/{goal_id}", follow_redirects=True, data={
        "own_words": "Oma tavoite", "measure": "Valmis", "target_date": (TODAY - timedelta(days=1)).isoformat()})
    assert "has already passed. Check the date" in page.get_data(as_text=True)
    page = client.post("/my/plan/goals/new", data={"own_words": "Toinen", "measure": "Valmis",
                                                   "target_date": "2020-01-01"})
    assert "The target date has already passed." in page.get_data(as_text=True)


def test_the_history_names_fields_and_writes_dates_and_statuses_in_finnish(client, world, db):
    cid = _coach(client, world, "fi")
    goal_id = world.ids["goal"]
    goal = db.session.get(Goal, goal_id)
    old_date = goal.target_date
    client.post(f"/coaching/candidates/{cid}/plan/goals/{goal_id}", data={
        "action": "goal", "goal-title": "Työkokeilu kaupassa", "goal-measure": goal.measure,
        "goal-responsible": goal.responsible or "", "goal-status": "achieved", "goal-target_date": AHEAD.isoformat()})
    change = db.session.scalars(select(PlanChange).order_by(PlanChange.id.desc())).first()
    assert change.changes["target_date"] == [old_date.isoformat(), AHEAD.isoformat()]  # stored exactly, as codes
    page = client.get(f"/coaching/candidates/{cid}/plan").get_data(as_text=True)
    history = page.split('id="history-h"')[1]
    assert "Tavoitepäivä: <del>" in history and _fi(old_date) in history and _fi(AHEAD) in history
    assert "Tavoitteen tila: <del>" in history and "Avoin" in history and "Saavutettu" in history
    assert "Tavoitetta muutettu" in history and "Työkokeilu kaupassa" in history
    for code in ("title:", "target_date", "status:", "open", "achieved", AHEAD.isoformat()):
        assert code not in history, code


def test_the_history_is_in_swedish_on_the_candidates_own_page(client, world, db):
    cid = _coach(client, world, "sv")
    goal_id = world.ids["goal"]
    goal = db.session.get(Goal, goal_id)
    client.post(f"/coaching/candidates/{cid}/plan/goals/{goal_id}", data={
        "action": "goal", "goal-title": goal.title, "goal-measure": goal.measure,
        "goal-responsible": goal.responsible or "", "goal-status": "dropped",
        "goal-target_date": goal.target_date.isoformat()})
    sign_in(client, world.users["candidate"])
    page = client.get("/my/plan?lang=sv").get_data(as_text=True)
    history = page.split('id="history-h"')[1]
    assert "Målets status: <del>" in history and "Öppet" in history and "Slopat" in history
    assert ">status:" not in history and "dropped" not in history


def test_a_next_follow_up_in_the_past_is_refused_when_it_is_set(client, world, db):
    cid = _coach(client, world, "en")
    data = {**PROFILE, "next_follow_up": (TODAY - timedelta(days=2)).isoformat()}
    page = client.post(f"/coaching/candidates/{cid}/edit", data=data)
    assert page.status_code == 200 and "The next follow-up cannot be in the past." in page.get_data(as_text=True)
    assert db.session.get(Candidate, cid).next_follow_up != TODAY - timedelta(days=2)
    data["next_follow_up"] = TODAY.isoformat()
    assert client.post(f"/coaching/candidates/{cid}/edit", data=data).status_code == 302
