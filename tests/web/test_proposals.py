"""Proposals: the coach proposes, the employer sees the privacy projection and answers, both are notified;
every refusal of the issue writes nothing."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.coaching.models import Consent, EmployerContact
from portal.notifications.models import Notification
from portal.proposals.models import Proposal
from tests.access.coaching import SENSITIVE
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in


def count(db, model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _setup(world, db, **role_fields):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, consent_for=home)
    role = make_role(home, **{"title": "Siivooja", **role_fields})
    db.session.commit()
    return coach, person, role


def _propose(client, person, role, **data):
    return client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en", data={"message": "Hei", **data})


def test_a_proposal_reaches_the_employer_who_sees_only_the_projection_and_answers(client, world, db):
    coach, person, role = _setup(world, db)
    sign_in(client, coach)
    response = _propose(client, person, role, message="Tarkka ja rauhallinen työntekijä.")
    assert response.status_code == 302
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    assert (proposal.state, proposal.coach_id, proposal.organisation_id) == ("sent", coach.id, role.organisation_id)
    assert proposal.fit["essential"][0] == ["Siivous", "Cleaning", True] and "demands" not in repr(proposal.fit)
    # A proposal is an employer contact on the candidate's behalf (rapid job search counts it).
    assert count(db, EmployerContact, EmployerContact.candidate_id == person.id) == 1
    boss = world.users["employer"]
    note = db.session.scalars(select(Notification).where(Notification.user_id == boss.id,
                                                         Notification.proposal_id == proposal.id)).one()
    assert note.kind == "proposal_sent" and note.params["code"] == person.code

    sign_in(client, boss)
    inbox = client.get("/proposals/received?lang=en").get_data(as_text=True)
    assert person.code in inbox and person.name not in inbox and "Notifications: 2 unread" in inbox
    page = client.get(f"/proposals/received/{proposal.id}?lang=en").get_data(as_text=True)
    assert person.code in page and "Cleaning" in page and "Tarkka ja rauhallinen" in page
    assert person.name not in page and coach.email in page  # the coach's contact, never the person's name
    assert db.session.get(Notification, note.id).read_at is not None  # opening the proposal read its notice
    response = client.post(f"/proposals/received/{proposal.id}?lang=en",
                           data={"answer": "accepted", "note": "Tervetuloa haastatteluun."})
    assert response.status_code == 302
    assert db.session.get(Proposal, proposal.id).state == "accepted"
    told = db.session.scalars(select(Notification).where(Notification.user_id == coach.id,
                                                         Notification.proposal_id == proposal.id)).one()
    assert told.kind == "proposal_answered" and told.params["answer"] == "accepted"

    sign_in(client, coach)
    listing = client.get("/proposals/?lang=en").get_data(as_text=True)
    # The world has two for the coach (an answer, a follow-up due).
    assert "Accepted by the employer" in listing and "Notifications: 3 unread" in listing
    notices = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert "Home employer answered the proposal of" in notices and "3 unread" in notices
    detail = client.get(f"/proposals/{proposal.id}?lang=en").get_data(as_text=True)
    assert "Tervetuloa haastatteluun." in detail and "Record the placement" in detail
    assert "2 unread" in client.get("/notifications/?lang=en").get_data(as_text=True)


def test_the_employer_page_never_shows_the_world_candidates_sensitive_data(client, world, db):
    sign_in(client, world.users["employer"])
    page = client.get(f"/proposals/received/{world.ids['proposal_accepted']}?lang=en").get_data(as_text=True)
    assert "Customer service" in page  # the projection is there ...
    assert not [k for k, text in SENSITIVE.items() if text in page]  # ... and nothing else
    assert "Lifting" not in page and "Partial work ability" not in page


def test_proposing_without_consent_writes_nothing(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach)  # no consent
    role = make_role(home, title="Siivooja")
    db.session.commit()
    sign_in(client, coach)
    page = _propose(client, person, role).get_data(as_text=True)
    assert "has not consented to sharing their profile with Home employer" in page
    assert count(db, Proposal) == 2 and count(db, EmployerContact, EmployerContact.candidate_id == person.id) == 0
    assert "No consent:" in client.get(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en").get_data(
        as_text=True)


def test_proposing_to_a_closed_role_writes_nothing(client, world, db):
    coach, person, role = _setup(world, db)
    role.status = "closed"
    db.session.commit()
    sign_in(client, coach)
    page = _propose(client, person, role).get_data(as_text=True)
    assert "This role is not open for proposals any more." in page
    assert count(db, Proposal, Proposal.candidate_id == person.id) == 0


def test_proposing_the_same_candidate_twice_to_one_role_writes_nothing(client, world, db):
    coach, person, role = _setup(world, db)
    sign_in(client, coach)
    assert _propose(client, person, role).status_code == 302
    page = _propose(client, person, role).get_data(as_text=True)
    assert f"{person.code} has already been proposed for this role." in page
    # The refused second proposal says so in the error summary, not only in the page's text.
    assert 'class="error-summary"' in page
    assert page.count(f"{person.code} has already been proposed for this role.") == 1
    shown = client.get(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en").get_data(as_text=True)
    assert shown.count(f"{person.code} has already been proposed for this role.") == 1
    assert 'class="error-summary"' not in shown
    assert count(db, Proposal, Proposal.candidate_id == person.id) == 1
    assert count(db, EmployerContact, EmployerContact.candidate_id == person.id) == 1
    # A declined proposal still stands; a withdrawn one leaves room for a new proposal.
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    assert client.post(f"/proposals/{proposal.id}/withdraw").status_code == 302
    assert db.session.get(Proposal, proposal.id).state == "withdrawn"
    assert _propose(client, person, role).status_code == 302
    assert count(db, Proposal, Proposal.candidate_id == person.id) == 2


def test_the_database_refuses_a_second_standing_proposal_even_without_the_service(world, db):
    import pytest
    from sqlalchemy.exc import IntegrityError

    existing = db.session.get(Proposal, world.ids["proposal_accepted"])
    db.session.add(Proposal(candidate_id=existing.candidate_id, role_id=existing.role_id,
                            organisation_id=existing.organisation_id, provider_id=existing.provider_id, state="sent"))
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_answering_another_employers_proposal_is_not_found_and_writes_nothing(client, world, db):
    sign_in(client, world.users["other_employer"])
    pid = world.ids["proposal_sent"]
    response = client.post(f"/proposals/received/{pid}?lang=en", data={"answer": "accepted"})
    assert response.status_code == 404 and "does not exist or is not available to you" in response.get_data(
        as_text=True)
    assert db.session.get(Proposal, pid).state == "sent"
    assert count(db, Notification, Notification.proposal_id == pid) == 1  # only the world's own notice


def test_declining_needs_a_reason_from_the_list(client, world, db):
    sign_in(client, world.users["employer"])
    pid = world.ids["proposal_sent"]
    page = client.post(f"/proposals/received/{pid}?lang=en", data={"answer": "declined", "decline_reason": ""})
    assert "Choose the reason for declining from the list." in page.get_data(as_text=True)
    page = client.post(f"/proposals/received/{pid}?lang=en", data={"answer": "declined", "decline_reason": "x"})
    assert page.status_code == 200 and db.session.get(Proposal, pid).state == "sent"
    page = client.post(f"/proposals/received/{pid}?lang=en", data={"answer": ""})
    assert "Choose an answer." in page.get_data(as_text=True)
    response = client.post(f"/proposals/received/{pid}?lang=en",
                           data={"answer": "declined", "decline_reason": "position_filled"})
    assert response.status_code == 302
    proposal = db.session.get(Proposal, pid)
    assert (proposal.state, proposal.decline_reason) == ("declined", "position_filled")
    page = client.post(f"/proposals/received/{pid}?lang=en", data={"answer": "accepted"})
    assert "This proposal can no longer be answered." in page.get_data(as_text=True)
    assert db.session.get(Proposal, pid).state == "declined"


def test_withdrawing_consent_withdraws_the_open_proposals_to_that_employer(client, world, db):
    coach, person, role = _setup(world, db)
    sign_in(client, coach)
    assert _propose(client, person, role).status_code == 302
    other_role = make_role(world.orgs["other_employer"], title="Toisaalla")
    db.session.add(Consent(candidate_id=person.id, employer_organisation_id=other_role.organisation_id,
                           scope="profile", given_by_id=coach.id))
    db.session.commit()
    assert _propose(client, person, other_role).status_code == 302
    consent = db.session.scalars(select(Consent).where(Consent.candidate_id == person.id,
                                                       Consent.employer_organisation_id == role.organisation_id)).one()
    response = client.post(f"/coaching/candidates/{person.id}/consents/{consent.id}/withdraw")
    assert response.status_code == 302
    states = dict(db.session.execute(select(Proposal.role_id, Proposal.state)
                                     .where(Proposal.candidate_id == person.id)).all())
    assert states == {role.id: "withdrawn", other_role.id: "sent"}
    withdrawn = db.session.scalars(select(Proposal).where(Proposal.role_id == role.id)).one()
    assert withdrawn.withdraw_reason == "consent_withdrawn"
    kinds = db.session.scalars(select(Notification.kind).where(Notification.user_id == world.users["employer"].id,
                                                               Notification.proposal_id == withdrawn.id)).all()
    assert sorted(kinds) == ["proposal_sent", "proposal_withdrawn"]


def test_notifications_go_by_email_only_when_configured_and_only_after_commit(app, client, world, db, outbox):
    coach, person, role = _setup(world, db)
    app.config.update(NOTIFY_BY_EMAIL=True, MAIL_BACKEND="memory")
    try:
        sign_in(client, coach)
        assert _propose(client, person, role).status_code == 302
        mails = [m for m in outbox if m.to == world.users["employer"].email]
        assert len(mails) == 1 and person.code in mails[0].body and person.name not in mails[0].body
        outbox.clear()
        _propose(client, person, role)  # refused: nothing committed, nothing sent
        assert outbox == []
    finally:
        app.config.update(NOTIFY_BY_EMAIL=True)


def test_mark_all_read_and_list_query_counts(client, world, db, count_queries):
    boss = world.users["employer"]
    sign_in(client, boss)
    for url in ("/proposals/received", "/notifications/"):
        client.get(url)
    few = {}
    for url in ("/proposals/received", "/notifications/"):
        statements = count_queries()
        client.get(url)
        few[url] = len(statements)
    coach = world.users["coach"]
    for n in range(8):
        person = make_candidate(coach, name=f"Henkilö {n}", consent_for=world.orgs["employer"])
        db.session.add(Proposal(candidate_id=person.id, role_id=world.ids["employer_role"],
                                organisation_id=world.orgs["employer"].id, provider_id=person.organisation_id,
                                coach_id=coach.id, state="sent"))
        db.session.add(Notification(user_id=boss.id, kind="proposal_sent", params={"code": person.code}))
    db.session.commit()
    for url in ("/proposals/received", "/notifications/"):
        statements = count_queries()
        assert client.get(url).status_code == 200
        assert len(statements) == few[url], url
    assert client.post("/notifications/read").status_code == 302
    assert count(db, Notification, Notification.user_id == boss.id, Notification.read_at.is_(None)) == 0


def test_a_notification_mailed_outside_a_request_links_to_the_public_address(app, db, outbox):
    """A command (no request) mails notifications too: the link is PUBLIC_URL's, not left out."""
    from portal.notifications.delivery import Letter, send_one

    app.config.update(MAIL_BACKEND="memory")
    send_one(Letter(notification_id=7, email="someone@example.org", language="fi", kind="proposal_sent",
                    params={"code": "A-1", "role": "Kokki", "employer": "Esimerkki Oy"}))
    body = outbox[-1].body
    assert app.config["PUBLIC_URL"] + "/notifications/7" in body
    assert body.rstrip().endswith(app.config["PUBLIC_URL"] + "/notifications/settings?lang=fi")  # the reader's language
