"""A notification mail's subject says what happened, in the reader's language, without a code, name or health."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from portal import clock
from portal.notifications import daily
from portal.placements.models import Placement
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_user
from tests.web.test_notifications import _mails_to
from tests.web.test_placements import terms

TODAY = clock.today()


def _fi(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def test_placement_subjects_name_the_kind_the_date_and_the_role_in_each_readers_language(client, world, db, outbox):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, name="Salla Salainen", consent_for=home)
    person.user_id = make_user("candidate", org=coach.organisation, language="sv").id
    role = make_role(home, title="Kahvilatyöntekijä")
    proposal = Proposal(candidate_id=person.id, role_id=role.id, organisation_id=home.id,
                        provider_id=person.organisation_id, coach_id=coach.id, state="accepted", fit={})
    db.session.add(proposal)
    world.users["employer"].language = "fi"
    db.session.commit()
    start = TODAY + timedelta(days=35)
    sign_in(client, coach)
    assert client.post(f"/placements/new/{proposal.id}", data=terms(
        start=start, end=start + timedelta(days=60))).status_code == 302
    (to_boss,) = _mails_to(outbox, world.users["employer"])
    assert to_boss.subject == f"Työkokeilu alkaa {_fi(start)}: Kahvilatyöntekijä"
    (to_person,) = [m for m in outbox if m.to not in (world.users["employer"].email, coach.email)]
    assert to_person.subject == f"Arbetsprövning börjar {_fi(start)}: Kahvilatyöntekijä"
    for mail in outbox:
        assert person.code not in mail.subject and "Salla" not in mail.subject


def test_the_follow_up_subject_has_its_date_and_no_code(app, world, db, outbox):
    coach = world.users["coach"]
    coach.language = "en"
    person = make_candidate(coach, name="Veli Vertailu")
    person.next_follow_up = TODAY
    db.session.commit()
    outbox.clear()
    daily.run(TODAY)
    subjects = [m.subject for m in _mails_to(outbox, coach)]
    assert any(s.startswith("A follow-up is due on ") and str(TODAY.year) in s for s in subjects), subjects
    assert all(person.code not in s and "Veli" not in s for s in subjects)


def test_a_job_ending_soon_has_its_own_subject(app, world, db, outbox):
    coach = world.users["coach"]
    person = make_candidate(coach, name="Jussi Jatko")
    role = make_role(world.orgs["employer"], title="Varastoapulainen")
    end = TODAY + timedelta(days=4)
    db.session.add(Placement(candidate_id=person.id, role_id=role.id, organisation_id=role.organisation_id,
                             provider_id=person.organisation_id, kind="job", state="started",
                             start_on=TODAY - timedelta(days=100), end_on=end, work_share=Decimal(1)))
    db.session.commit()
    outbox.clear()
    daily.run(TODAY)
    assert f"Työpaikka päättyy {_fi(end)}: Varastoapulainen" in [m.subject for m in _mails_to(outbox, coach)]


def test_mail_links_open_in_the_readers_language(client, world, db, outbox):
    coach, home = world.users["coach"], world.orgs["employer"]
    world.users["employer"].language = "sv"
    person = make_candidate(coach, name="Linnea Länk", consent_for=home)
    role = make_role(home, title="Siivooja")
    db.session.commit()
    sign_in(client, coach)
    assert client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en",
                       data={"message": "Hei"}).status_code == 302
    (mail,) = _mails_to(outbox, world.users["employer"])
    link = next(w for w in mail.body.split() if "/notifications/" in w and "settings" not in w)
    assert link.endswith("?lang=sv") and "/notifications/settings?lang=sv" in mail.body
    sign_in(client, world.users["employer"])
    page = client.get(link.removeprefix("http://localhost"), follow_redirects=True)
    assert page.status_code == 200 and '<html lang="sv">' in page.get_data(as_text=True)
