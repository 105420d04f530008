"""Consent governs every employer read of a proposed person (issue 13, findings 3 and 4): the employer reads a
snapshot taken when proposed, withdrawal deletes it, widening and narrowing change it without ending the proposal."""
from __future__ import annotations

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate, Consent
from portal.proposals.models import Proposal
from tests.access.coaching import SENSITIVE
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in

LATER = "Lisatty-JALKEENPAIN-teksti"


def _proposed(client, world, db, message="Tarkka ja rauhallinen työntekijä."):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, name="Aapo Esimerkki", occupations=("Toimistotyö",), skills_text="Kassatyö",
                            consent_for=home)
    role = make_role(home, title="Kiinteistötyöntekijä")
    db.session.commit()
    sign_in(client, coach)
    response = client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en", data={"message": message})
    assert response.status_code == 302
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    return coach, person, proposal


def _employer_page(client, world, proposal_id):
    sign_in(client, world.users["employer"])
    response = client.get(f"/proposals/received/{proposal_id}?lang=en")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_finding_3_the_employer_reads_the_snapshot_and_nothing_after_the_consent_is_withdrawn(client, world, db):
    coach, person, proposal = _proposed(client, world, db)
    # Text added to the candidate after the proposal is not disclosed: the employer reads the snapshot.
    candidate = db.session.get(Candidate, person.id)
    candidate.skills_text, candidate.desired_work_text = LATER, LATER
    db.session.commit()
    page = _employer_page(client, world, proposal.id)
    assert "Kassatyö" in page and "Toimistotyö" in page and "Tarkka ja rauhallinen" in page
    assert LATER not in page and "Aapo" not in page

    sign_in(client, coach)
    consent = db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one()
    assert client.post(f"/coaching/candidates/{person.id}/consents/{consent.id}/withdraw").status_code == 302
    withdrawn = db.session.get(Proposal, proposal.id)
    assert withdrawn.state == "withdrawn"
    # The data is deleted, not hidden.
    assert (withdrawn.snapshot, withdrawn.message, withdrawn.fit) == (None, "", None)
    page = _employer_page(client, world, proposal.id)
    assert "This proposal has ended. Nothing of the person is shown any more." in page
    assert "Kiinteistötyöntekijä" in page and "Withdrawn" in page
    # Outsider pass: the code (shown beside the name under a contact consent) and the reason stayed visible.
    assert person.code not in page and "withdrew" not in page.lower() and "consent" not in page.lower()
    for text in ("Kassatyö", "Toimistotyö", LATER, "Tarkka ja rauhallinen", "Cleaning", "Tampere",
                 "Hours a week", "Languages", "How the candidate fits"):
        assert text not in page, text


def test_finding_4_widening_keeps_an_interested_proposal_and_narrowing_removes_contact_at_once(client, world, db):
    coach, person, proposal = _proposed(client, world, db)
    sign_in(client, world.users["employer"])
    assert client.post(f"/proposals/received/{proposal.id}?lang=en", data={"answer": "interested"}).status_code == 302
    consent = db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one()
    candidate = db.session.get(Candidate, person.id)
    candidate.email = "aapo@esimerkki.example"
    db.session.commit()

    sign_in(client, coach)
    home = world.orgs["employer"].id
    response = client.post(f"/coaching/candidates/{person.id}/consents",
                           data={"employer_id": str(home), "scope": "profile_contact"})
    assert response.status_code == 302
    assert db.session.get(Proposal, proposal.id).state == "interested"  # not cancelled
    assert db.session.get(Consent, consent.id).scope == "profile_contact"
    assert db.session.get(Consent, consent.id).withdrawn_at is None
    widened = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "consent_widened")).one()
    assert widened.detail["consent"] == consent.id and widened.detail["to"] == "profile_contact"
    page = _employer_page(client, world, proposal.id)
    assert "Aapo Esimerkki" in page and "aapo@esimerkki.example" in page and "Employer interested" in page

    sign_in(client, coach)
    response = client.post(f"/coaching/candidates/{person.id}/consents",
                           data={"employer_id": str(home), "scope": "profile"})
    assert response.status_code == 302
    assert "contact" not in db.session.get(Proposal, proposal.id).snapshot
    assert db.session.scalars(select(AuditEvent).where(AuditEvent.action == "consent_narrowed")).one()
    page = _employer_page(client, world, proposal.id)
    assert "Aapo" not in page and "aapo@esimerkki.example" not in page
    assert "Kassatyö" in page and "Employer interested" in page


def test_the_candidate_widens_their_own_consent_at_my_consents_without_withdrawing(client, world, db):
    proposal_id = world.ids["proposal_accepted"]
    sign_in(client, world.users["candidate"])
    page = client.get("/my/consents?lang=en").get_data(as_text=True)
    assert "Withdraw it first" not in page and "You need not withdraw first" in page
    response = client.post("/my/consents", data={"employer_id": str(world.orgs["employer"].id),
                                                 "scope": "profile_contact"})
    assert response.status_code == 302
    assert db.session.get(Consent, world.ids["consent"]).scope == "profile_contact"
    assert db.session.get(Proposal, proposal_id).state == "accepted"
    page = _employer_page(client, world, proposal_id)
    assert SENSITIVE["name"] in page and SENSITIVE["email"] in page
    assert SENSITIVE["limits_note"] not in page and SENSITIVE["work_history"] not in page


def test_every_employer_read_is_audited_with_what_was_shown(client, world, db):
    proposal_id = world.ids["proposal_accepted"]
    _employer_page(client, world, proposal_id)
    _employer_page(client, world, proposal_id)
    reads = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate_read_by_employer")).all()
    assert len(reads) == 2
    assert reads[0].object_id == world.ids["candidate"] and reads[0].actor_id == world.users["employer"].id
    assert reads[0].detail["proposal"] == proposal_id and reads[0].detail["shown"] == ["profile", "message"]


def test_after_withdrawal_no_list_or_notification_of_the_employer_names_the_code(client, world, db):
    """Outsider pass: the list and the notifications kept the code of a person whose consent was withdrawn."""
    coach, person, proposal = _proposed(client, world, db)
    sign_in(client, coach)
    consent = db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one()
    assert client.post(f"/coaching/candidates/{person.id}/consents/{consent.id}/withdraw").status_code == 302
    sign_in(client, world.users["employer"])
    listing = client.get("/proposals/received?lang=en").get_data(as_text=True)
    assert person.code not in listing and "Ended proposal" in listing
    notes = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert person.code not in notes
    assert 'A proposal for your role <span lang="fi">Kiinteistötyöntekijä</span> has ended.' in notes
    assert ('proposed a candidate for your role <span lang="fi">Kiinteistötyöntekijä</span>. '
            'The proposal has ended.') in notes
    # The coach still knows whom the proposal was about.
    sign_in(client, coach)
    assert person.code in client.get("/notifications/?lang=en").get_data(as_text=True) or \
        person.code in client.get(f"/proposals/{proposal.id}?lang=en").get_data(as_text=True)


def test_the_placement_form_of_an_ended_proposal_names_nobody(client, world, db):
    """Outsider pass: /placements/new/<id> of a withdrawn proposal showed the employer the person's code."""
    coach, person, proposal = _proposed(client, world, db)
    sign_in(client, coach)
    consent = db.session.scalars(select(Consent).where(Consent.candidate_id == person.id)).one()
    assert client.post(f"/coaching/candidates/{person.id}/consents/{consent.id}/withdraw").status_code == 302
    sign_in(client, world.users["employer"])
    for method in (client.get, client.post):
        response = method(f"/placements/new/{proposal.id}?lang=en", data={"kind": "job"})
        assert response.status_code == 302 and response.headers["Location"].startswith(
            f"/proposals/received/{proposal.id}")
    page = client.get(f"/proposals/received/{proposal.id}?lang=en").get_data(as_text=True)
    assert person.code not in page and "accepted" in page.lower()
