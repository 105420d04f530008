"""The daily run (`flask notifications daily`) makes the coach's dated notices: a follow-up due today, a trial
ending in five days; readers of the digest get one summary mail; the pages say these come each morning."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from portal import clock
from portal.accounts import demo as accounts_demo
from portal.accounts.demo import demo_user
from portal.coaching import demo as coaching_demo
from portal.directory import demo as directory_demo
from portal.employers import demo as employers_demo
from portal.matching import demo as matching_demo
from portal.notifications.models import Notification, NotificationPreference
from portal.placements.models import Placement
from portal.procurements import demo as procurements_demo
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_user

TODAY = clock.today()


def _daily(app, on=TODAY):
    result = app.test_cli_runner().invoke(args=["notifications", "daily", "--date", on.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def _kinds(db, user) -> list[str]:
    return sorted(db.session.scalars(select(Notification.kind).where(Notification.user_id == user.id)))


def test_a_follow_up_due_today_and_a_trial_ending_in_five_days_reach_the_coach_in_one_digest(app, world, db, outbox):
    coach = world.users["coach"]
    db.session.add(NotificationPreference(user_id=coach.id, delivery="daily"))
    person = make_candidate(coach, name="Päivi Päivittäinen")
    person.next_follow_up = TODAY
    role = make_role(world.orgs["employer"], title="Kahvilatyöntekijä")
    db.session.add(Placement(candidate_id=person.id, role_id=role.id, organisation_id=role.organisation_id,
                             provider_id=person.organisation_id, kind="work_trial", state="started",
                             start_on=TODAY - timedelta(days=60), end_on=TODAY + timedelta(days=5),
                             work_share=Decimal(1)))
    db.session.commit()
    before = _kinds(db, coach)
    output = _daily(app)
    assert "follow_up_due: 1" in output and "trial_ending: 1" in output and "digests:" in output
    after = _kinds(db, coach)
    for kind in ("follow_up_due", "trial_ending"):
        assert after.count(kind) == before.count(kind) + 1, kind
    to_coach = [m for m in outbox if m.to == coach.email]
    assert len(to_coach) == 1  # one summary, not a mail per notice
    assert person.code in to_coach[0].body and "Kahvilatyöntekijä" in to_coach[0].body
    assert person.name not in to_coach[0].body
    assert "digests: 0" in _daily(app) and len([m for m in outbox if m.to == coach.email]) == 1


def test_the_demo_datas_trial_ending_soon_reaches_the_demo_coach(app, db, outbox):
    for module in (accounts_demo, procurements_demo, employers_demo, directory_demo, coaching_demo):
        module.seed()
        db.session.commit()
    matching_demo.seed()
    db.session.commit()
    _daily(app)
    coach = demo_user("coach")
    assert "trial_ending" in _kinds(db, coach)
    # Every demo follow-up falls within two weeks: by then each is due and its coach has heard.
    _daily(app, TODAY + timedelta(days=14))
    assert "follow_up_due" in _kinds(db, coach)


def test_the_settings_and_the_empty_list_say_the_reminders_come_each_morning(client, world):
    sign_in(client, make_user("coach", org=world.users["coach"].organisation))
    for path in ("/notifications/settings", "/notifications/"):
        for lang, words in (("en", "each morning"), ("fi", "joka aamu"), ("sv", "varje morgon")):
            page = client.get(f"{path}?lang={lang}").get_data(as_text=True)
            assert words in page, (path, lang)
