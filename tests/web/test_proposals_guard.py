"""Free text guarded (issue 13, finding 5): a coach's message is checked for health words and the unconsented
name before it reaches an employer, and hidden once the proposal ends; the candidate sees who saw what."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.coaching.models import Consent
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in

HEALTH = "Aapo on tunnollinen. Hänellä on masennusdiagnoosi ja selkävaiva, mutta hän haluaa töihin."


def _setup(world, db, scope="profile"):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, name="Aapo Esimerkki", consent_for=home)
    if scope != "profile":
        db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one().scope = scope
    role = make_role(home, title="Kiinteistötyöntekijä")
    db.session.commit()
    return coach, person, role


def _propose(client, person, role, **data):
    return client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en", data=data)


def _proposals(db, person) -> int:
    return db.session.scalar(select(func.count()).select_from(Proposal).where(Proposal.candidate_id == person.id))


def test_finding_5_health_words_and_the_unconsented_name_stop_the_message_until_the_coach_confirms(client, world, db):
    coach, person, role = _setup(world, db)
    sign_in(client, coach)
    response = _propose(client, person, role, message=HEALTH)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and _proposals(db, person) == 0
    assert "masennusdiagnoosi" in page and "selkävaiva" in page and "Aapo" in page
    assert "may tell the employer about the candidate&#39;s health, name or contact details" in page
    assert 'name="shared_as_asked"' in page  # the override is offered only now

    # An inflected form is found as well; nothing is written while the coach has not confirmed.
    page = _propose(client, person, role, message="Hänellä on ollut selkävaivoja.").get_data(as_text=True)
    assert "selkävaivoja" in page and _proposals(db, person) == 0

    response = _propose(client, person, role, message=HEALTH, shared_as_asked="y")
    assert response.status_code == 302 and _proposals(db, person) == 1
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "message_shared_as_asked")).one()
    assert event.object_id == proposal.id and event.actor_id == coach.id
    # What kinds were confirmed, not the words: the audit trail holds no health data nor the name.
    assert event.detail["found"] == {"health": 2, "names": 1, "contact": 0, "other_contact": 0}
    assert not any(w in str(event.detail) for w in ("masennus", "selkä", "Aapo"))


def test_finding_5_round_2_medicines_codes_disguises_and_the_phone_are_found_through_the_form(client, world, db):
    coach, person, role = _setup(world, db)
    person.phone, person.email = "040 222 2222", "aapo@example.fi"
    db.session.commit()
    sign_in(client, coach)
    message = ("Syö sertraliinia aamuisin, dg F32. Hon är sjukskriven. Hänellä on m\u0430se\u00adnnus ja "
               "m a s e n n u s. Soita hänelle +358402222222 tai 050 111 1111.")
    page = _propose(client, person, role, message=message).get_data(as_text=True)
    assert _proposals(db, person) == 0
    for word in ("sertraliinia", "dg", "F32", "sjukskriven", "masennus", "+358402222222", "050 111 1111"):
        assert word in page, word
    assert "health, name or contact details" in page and "may be the candidate&#39;s: 050 111 1111" in page
    page = client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=fi",
                       data={"message": "Sähköposti aapo@example.fi"}).get_data(as_text=True)
    # (the address begins with the name, which is found as well)
    assert "yhteystiedot: aapo, aapo@example.fi." in page and _proposals(db, person) == 0

    # Ordinary work words go through; with the contact shared, only health words stop the message.
    ordinary = ("Kassatyö, asiakaspalvelu ja varastotyö sujuvat; trukkikortti, hygieniapassi, ensiapukortti EA1 ja "
                "B-ajokortti. Osaa SAP:n ja Excelin, aamuvuoro sopii, palkkatuki mahdollinen.")
    assert _propose(client, person, role, message=ordinary).status_code == 302 and _proposals(db, person) == 1
    db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one().scope = "profile_contact"
    other = make_role(world.orgs["employer"], title="Toinen")
    db.session.commit()
    page = _propose(client, person, other, message="Soita 040 222 2222, käyttää Cipralexia.").get_data(as_text=True)
    assert "contact details: Cipralexia. Rewrite it" in page and "may be the candidate" not in page
    assert _propose(client, person, other, message="Soita 040 222 2222.").status_code == 302


def test_a_clean_message_goes_through_and_the_name_counts_only_without_a_contact_consent(client, world, db):
    coach, person, role = _setup(world, db, scope="profile_contact")
    sign_in(client, coach)
    assert _propose(client, person, role, message="Aapo on tarkka ja rauhallinen.").status_code == 302
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "message_shared_as_asked")) == 0
    other = make_candidate(coach, name="Bertta Malli", consent_for=world.orgs["employer"])
    db.session.commit()
    assert _propose(client, other, role, message="Tarkka ja rauhallinen työntekijä.").status_code == 302
    page = _propose(client, other, make_role(world.orgs["employer"], title="Toinen"),
                    message="Bertta on tarkka.").get_data(as_text=True)
    assert "Bertta" in page and "may tell the employer" in page


def test_the_message_is_hidden_from_the_employer_once_the_proposal_ends(client, world, db):
    coach, person, role = _setup(world, db)
    sign_in(client, coach)
    assert _propose(client, person, role, message="Tarkka ja rauhallinen työntekijä.").status_code == 302
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    sign_in(client, world.users["employer"])
    assert "Tarkka ja rauhallinen" in client.get(f"/proposals/received/{proposal.id}?lang=en").get_data(as_text=True)
    client.post(f"/proposals/received/{proposal.id}?lang=en", data={"answer": "declined", "decline_reason": "timing"})
    page = client.get(f"/proposals/received/{proposal.id}?lang=en").get_data(as_text=True)
    assert "Declined" in page and "Tarkka ja rauhallinen" not in page


def test_the_candidate_sees_which_employer_saw_what_and_nobody_else_does(client, world, db, count_queries):
    sign_in(client, world.users["employer"])
    assert client.get(f"/proposals/received/{world.ids['proposal_accepted']}").status_code == 200
    sign_in(client, world.users["candidate"])
    page = client.get("/my/seen?lang=en").get_data(as_text=True)
    assert "Home employer" in page and "Varastotyöntekijä" in page
    assert "Profile: skills, desired work" in page and "The job coach" in page
    assert "Vem såg vad" in client.get("/my/seen?lang=sv").get_data(as_text=True)

    # Query counts do not grow with the rows (names come in one query per kind).
    def statements_of_the_list():
        sign_in(client, world.users["candidate"])
        client.get("/my/seen?lang=en")
        statements.clear()
        assert "Home employer" in client.get("/my/seen?lang=en").get_data(as_text=True)
        return len(statements)

    statements = count_queries()
    few = statements_of_the_list()
    sign_in(client, world.users["employer"])
    for _ in range(5):
        client.get(f"/proposals/received/{world.ids['proposal_accepted']}")
    assert statements_of_the_list() == few

    # Another candidate with a record of their own sees only their own (empty) list; other roles get nothing.
    mine = make_candidate(world.users["coach"], name="Toinen Ihminen")
    mine.user_id = world.users["second_candidate"].id
    db.session.commit()
    sign_in(client, world.users["second_candidate"])
    page = client.get("/my/seen?lang=en").get_data(as_text=True)
    assert "Nobody else has opened your data yet." in page and "Home employer" not in page
    for who in ("employer", "coach", "other_candidate"):
        sign_in(client, world.users[who])
        assert client.get("/my/seen").status_code in (403, 404), who
