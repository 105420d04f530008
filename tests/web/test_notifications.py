"""Notifications: who hears of what, by mail in their own language, without a name or health data; each user's
choice (at once, a daily summary, only in the portal); the daily run, twice the same day sending nothing twice."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select

from portal import clock
from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate
from portal.notifications import daily
from portal.notifications.models import Notification, NotificationPreference
from portal.placements.models import Placement
from portal.proposals.models import Proposal
from tests.access.coaching import SENSITIVE
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_user

TODAY = clock.today()
HEALTH = (SENSITIVE["limits_note"], "lifting", "nosto", "lyft")


def _person(world, db, with_account: bool = True, language: str = "fi"):
    """A candidate of the world's coach with a consent for the home employer, a name, a health note and
    (optionally) an account of their own."""
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, name=SENSITIVE["name"], consent_for=home, limits={"lifting": "brief"})
    person.limits_note = SENSITIVE["limits_note"]
    if with_account:
        account = make_user("candidate", org=coach.organisation, language=language)
        person.user_id = account.id
    role = make_role(home, title="Siivooja")
    db.session.commit()
    return person, role


def _propose(client, world, person, role):
    sign_in(client, world.users["coach"])
    response = client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en", data={"message": "Hei"})
    assert response.status_code == 302
    return response


def _clean(mail, person) -> bool:
    """No name, contact or health data of the person in the mail."""
    text = mail.subject + mail.body
    return all(secret not in text for secret in (person.name, SENSITIVE["email"], *HEALTH))


def _mails_to(outbox, user) -> list:
    return [m for m in outbox if m.to == user.email]


def test_a_new_proposal_mails_the_employer_in_swedish_and_the_candidate_in_finnish_without_name_or_health(
        client, world, db, outbox):
    boss = world.users["employer"]
    boss.language = "sv"
    person, role = _person(world, db)
    _propose(client, world, person, role)
    (to_boss,) = _mails_to(outbox, boss)
    assert to_boss.subject == "Nytt förslag: Siivooja" and person.code in to_boss.body
    assert "Siivooja" in to_boss.body and "Öppna den i portalen: http://localhost/notifications/" in to_boss.body
    assert _clean(to_boss, person)
    account = db.session.get(Candidate, person.id).user
    (to_person,) = _mails_to(outbox, account)
    assert to_person.subject == "Uusi ehdotus: Siivooja"
    assert "Työhönvalmentajasi ehdotti sinua tehtävään Siivooja" in to_person.body
    assert person.code not in to_person.body and _clean(to_person, person)
    assert not _mails_to(outbox, world.users["coach"])  # the one who acted hears nothing


def test_the_answer_tells_the_coach_and_a_decline_ends_it_for_the_candidate(client, world, db, outbox):
    coach = world.users["coach"]
    coach.language = "en"
    person, role = _person(world, db, language="sv")
    _propose(client, world, person, role)
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    outbox.clear()
    sign_in(client, world.users["employer"])
    client.post(f"/proposals/received/{proposal.id}", data={"answer": "declined", "decline_reason": "hours"})
    (to_coach,) = _mails_to(outbox, coach)
    assert to_coach.subject == "Answer to the proposal: Siivooja"
    assert f"answered the proposal of {person.code} for Siivooja: Declined." in to_coach.body
    assert _clean(to_coach, person)
    (to_person,) = _mails_to(outbox, db.session.get(Candidate, person.id).user)
    assert "Förslaget för rollen Siivooja" in to_person.body and "har avslutats" in to_person.body
    assert person.code not in to_person.body and _clean(to_person, person)


def test_a_withdrawn_proposal_tells_the_employer_without_the_code_and_the_candidate_it_ended(
        client, world, db, outbox):
    person, role = _person(world, db)
    _propose(client, world, person, role)
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    outbox.clear()
    assert client.post(f"/proposals/{proposal.id}/withdraw").status_code == 302
    (to_boss,) = _mails_to(outbox, world.users["employer"])
    assert person.code not in to_boss.body and _clean(to_boss, person)
    (to_person,) = _mails_to(outbox, db.session.get(Candidate, person.id).user)
    assert "on päättynyt" in to_person.body


def test_a_recorded_placement_tells_the_candidate_with_an_account_and_nobody_without_one(client, world, db, outbox):
    from tests.web.test_placements import terms

    for with_account in (True, False):
        person, role = _person(world, db, with_account=with_account)
        proposal = Proposal(candidate_id=person.id, role_id=role.id, organisation_id=role.organisation_id,
                            provider_id=person.organisation_id, coach_id=world.users["coach"].id, state="accepted",
                            fit={})
        db.session.add(proposal)
        db.session.commit()
        outbox.clear()
        sign_in(client, world.users["coach"])
        response = client.post(f"/placements/new/{proposal.id}", data=terms(
            kind="job", start=TODAY + timedelta(days=3), end=None))
        assert response.status_code == 302
        to_people = [m for m in outbox if m.to != world.users["employer"].email]
        if with_account:
            (mail,) = to_people
            assert "Sijoituksesi" in mail.body and "Siivooja" in mail.body and _clean(mail, person)
        else:
            assert to_people == []
        assert all(_clean(m, person) for m in outbox)


def test_the_delivery_choice_is_validated_saved_and_audited(client, world, db):
    boss = world.users["employer"]
    sign_in(client, boss)
    page = client.get("/notifications/settings?lang=en").get_data(as_text=True)
    assert '<input checked id="delivery-0" name="delivery" required type="radio" value="immediate">' in page
    page = client.post("/notifications/settings?lang=en", data={"delivery": "weekly"}).get_data(as_text=True)
    assert "Not a valid choice" in page and db.session.get(NotificationPreference, boss.id) is None
    page = client.post("/notifications/settings?lang=en", data={}).get_data(as_text=True)
    assert "Choose how you want to hear of notifications." in page
    assert client.post("/notifications/settings", data={"delivery": "daily"}).status_code == 302
    assert db.session.get(NotificationPreference, boss.id).delivery == "daily"
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "notification_delivery_changed")).one()
    assert (event.actor_id, event.detail) == (boss.id, {"from": "immediate", "to": "daily"})
    account = client.get("/account?lang=en").get_data(as_text=True)
    assert "By e-mail once a day" in account and "/notifications/settings" in account


def test_daily_readers_get_one_summary_and_portal_only_readers_no_mail(app, client, world, db, outbox):
    boss, coach = world.users["employer"], world.users["coach"]
    db.session.add_all([NotificationPreference(user_id=boss.id, delivery="daily"),
                        NotificationPreference(user_id=coach.id, delivery="portal")])
    person, role = _person(world, db, with_account=False)
    other, _role = _person(world, db, with_account=False)
    _propose(client, world, person, role)
    _propose(client, world, other, role)
    assert _mails_to(outbox, boss) == []  # not at once
    notes = db.session.scalars(select(Notification).where(Notification.user_id == boss.id,
                                                          Notification.kind == "proposal_sent",
                                                          Notification.proposal_id != world.ids["proposal_sent"])).all()
    assert len(notes) == 2 and {n.delivery for n in notes} == {"daily"}
    sign_in(client, boss)
    client.post(f"/proposals/received/{notes[0].proposal_id}", data={"answer": "interested"})
    assert outbox == []  # the coach hears only in the portal
    assert db.session.scalars(select(Notification.delivery).where(
        Notification.user_id == coach.id, Notification.proposal_id == notes[0].proposal_id)).one() == "portal"

    made = daily.run(TODAY)
    assert made["digests"] == 1
    (summary,) = outbox
    assert summary.to == boss.email and summary.subject == "OTE-portaalin päivittäinen kooste"
    assert person.code in summary.body and other.code in summary.body and _clean(summary, person)
    assert daily.run(TODAY)["digests"] == 0 and len(outbox) == 1  # twice the same day: nothing twice


def test_the_daily_command_tells_the_coach_of_dates_approaching_and_follow_ups_due_once(app, world, db, outbox):
    coach = world.users["coach"]
    person, role = _person(world, db, with_account=False)
    person.next_follow_up = TODAY - timedelta(days=1)
    soon = Placement(candidate_id=person.id, role_id=role.id, organisation_id=role.organisation_id,
                     provider_id=person.organisation_id, kind="job", state="started",
                     start_on=TODAY + timedelta(days=3), end_on=TODAY + timedelta(days=5), work_share=Decimal(1))
    db.session.add(soon)
    db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["notifications", "daily", "--date", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert "follow_up_due: 1" in result.output and "placements_starting: 1" in result.output
    kinds = sorted(db.session.scalars(select(Notification.kind).where(Notification.user_id == coach.id,
                                                                      Notification.dedupe_key.is_not(None))))
    assert kinds == ["follow_up_due", "placement_ending", "placement_starting"]
    mails = _mails_to(outbox, coach)
    assert len(mails) == 3 and all(person.code in m.body and _clean(m, person) for m in mails)
    assert any("alkaa pian" in m.body for m in mails) and any("seuranta" in m.body for m in mails)
    assert not _mails_to(outbox, world.users["employer"])  # dated notices are the coach's

    again = runner.invoke(args=["notifications", "daily", "--date", TODAY.isoformat()])
    assert again.exit_code == 0 and "follow_up_due: 0" in again.output and "placements_starting: 0" in again.output
    assert len(_mails_to(outbox, coach)) == 3
    assert db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.dedupe_key.is_not(None))) == 3
    # A follow-up moved to a new date is a new notice.
    db.session.get(Candidate, person.id).next_follow_up = TODAY
    db.session.commit()
    assert daily.run(TODAY)["follow_up_due"] == 1


def test_no_mail_at_all_when_notify_by_email_is_off(app, client, world, db, outbox):
    app.config["NOTIFY_BY_EMAIL"] = False
    try:
        person, role = _person(world, db)
        _propose(client, world, person, role)
        assert outbox == [] and daily.run(TODAY)["digests"] == 0
        assert db.session.scalar(select(func.count()).select_from(Notification).join(Proposal).where(
            Proposal.candidate_id == person.id)) == 2  # the employer's and the candidate's, in the portal's list
    finally:
        app.config["NOTIFY_BY_EMAIL"] = True


def test_another_users_notification_is_not_found_and_stays_unread(client, world, db):
    note_id = world.ids["notification"]
    for who in ("employer", "second_coach", "other_coach", "candidate"):
        sign_in(client, world.users[who])
        assert client.get(f"/notifications/{note_id}").status_code == 404
        assert client.post(f"/notifications/{note_id}/read").status_code == 404
    assert db.session.get(Notification, note_id).read_at is None
    sign_in(client, world.users["coach"])
    response = client.get(f"/notifications/{note_id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/coaching/candidates/{world.ids['candidate']}")
    assert db.session.get(Notification, note_id).read_at is not None


def test_the_list_counts_unread_in_the_header_marks_read_pages_and_has_an_empty_state(client, world, db):
    user = world.users["candidate"]
    sign_in(client, user)
    page = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert "You have no notifications." in page and "notice-count" not in page
    db.session.add_all([Notification(user_id=user.id, kind="your_proposal_made", delivery="portal",
                                     params={"role": f"Rooli {n}", "employer": "Yritys"}) for n in range(30)])
    db.session.commit()
    page = client.get("/notifications/?lang=sv").get_data(as_text=True)
    assert '<span class="notice-count" aria-hidden="true">30</span>' in page
    assert "30 olästa aviseringar" in page
    assert 'Din jobbcoach föreslog dig för rollen <span lang="fi">Rooli 29</span>' in page
    assert ">Rooli 0<" not in page and "page=2" in page  # paginated
    second = client.get("/notifications/?lang=sv&page=2").get_data(as_text=True)
    assert 'rollen <span lang="fi">Rooli 0</span> hos' in second
    first = db.session.scalars(select(Notification).where(Notification.user_id == user.id)).first()
    assert client.post(f"/notifications/{first.id}/read").status_code == 302
    assert "29 olästa" in client.get("/notifications/?lang=sv").get_data(as_text=True)
    assert client.post("/notifications/read").status_code == 302
    page = client.get("/notifications/?lang=fi&unread=1").get_data(as_text=True)
    assert "Sinulla ei ole lukemattomia ilmoituksia." in page and "Ei lukemattomia." in page


def test_the_list_keeps_its_query_count(client, world, db, count_queries):
    user = world.users["employer"]
    sign_in(client, user)
    client.get("/notifications/")
    statements = count_queries()
    client.get("/notifications/")
    few = len(statements)
    db.session.add_all([Notification(user_id=user.id, kind="proposal_withdrawn", delivery="portal",
                                     params={"role": f"Rooli {n}", "code": ""}) for n in range(20)])
    db.session.commit()
    statements = count_queries()
    assert client.get("/notifications/").status_code == 200 and len(statements) == few


def test_the_candidates_notice_of_a_proposal_opens_their_own_list_of_proposals(client, world, db):
    person, role = _person(world, db)
    _propose(client, world, person, role)
    account = db.session.get(Candidate, person.id).user
    note = db.session.scalars(select(Notification).where(Notification.user_id == account.id)).one()
    sign_in(client, account)
    response = client.get(f"/notifications/{note.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/my/proposals")
    page = client.get("/my/proposals?lang=fi").get_data(as_text=True)
    assert "Siivooja" in page


def test_a_swedish_placement_mail_writes_its_date_as_the_pages_do(client, world, db, outbox):
    from tests.web.test_placements import terms

    person, role = _person(world, db, language="sv")
    proposal = Proposal(candidate_id=person.id, role_id=role.id, organisation_id=role.organisation_id,
                        provider_id=person.organisation_id, coach_id=world.users["coach"].id, state="accepted",
                        fit={})
    db.session.add(proposal)
    db.session.commit()
    outbox.clear()
    start = TODAY + timedelta(days=40)
    sign_in(client, world.users["coach"])
    assert client.post(f"/placements/new/{proposal.id}", data=terms(kind="job", start=start, end=None)).status_code \
        == 302
    (mail,) = _mails_to(outbox, db.session.get(Candidate, person.id).user)
    assert f"börjar {start.day}.{start.month}.{start.year}" in mail.body, mail.body
    assert start.isoformat() not in mail.body
    sign_in(client, db.session.get(Candidate, person.id).user)
    assert f"{start.day}.{start.month}.{start.year}" in client.get("/notifications/?lang=sv").get_data(as_text=True)


def test_a_consent_withdrawn_by_the_candidate_tells_the_coach_of_each_cancelled_proposal(client, world, db, outbox):
    from portal.coaching.models_work import Consent

    coach = world.users["coach"]
    person, role = _person(world, db)
    _propose(client, world, person, role)
    coach.language = "fi"  # (the proposal was made with ?lang=en, which the coach's setting keeps)
    consent = db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one()
    outbox.clear()
    sign_in(client, db.session.get(Candidate, person.id).user)
    assert client.post(f"/my/consents/{consent.id}/withdraw").status_code == 302
    (to_coach,) = _mails_to(outbox, coach)
    assert person.code in to_coach.body and "Siivooja" in to_coach.body and "suostumuksensa" in to_coach.body
    assert _clean(to_coach, person)
    sign_in(client, coach)
    page = client.get("/notifications/?lang=sv").get_data(as_text=True)
    assert person.code in page and "återkallade sitt samtycke" in page and person.name not in page


def test_a_consent_the_coach_withdraws_tells_that_coach_nothing(client, world, db, outbox):
    from portal.coaching.models_work import Consent

    person, role = _person(world, db)
    _propose(client, world, person, role)
    consent = db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one()
    outbox.clear()
    assert client.post(f"/coaching/candidates/{person.id}/consents/{consent.id}/withdraw").status_code == 302
    assert not _mails_to(outbox, world.users["coach"])
