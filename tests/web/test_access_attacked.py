"""Access, attacked: a user of another organisation who knows an object's id gets 404, for reading and writing.

The attacks come from the declared routes (tests/web/attack.py): every route
whose URL names an object, for every role allowed on it, played by a user of
another organisation. Writes are posted the owner's own valid form; after
all of them nothing in the database has changed, and the owner's same form
then succeeds (so the 404 came from the scope, not from a refused form).
"""
from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from openpyxl import Workbook
from PIL import Image

from portal import clock
from portal.campaigns.models import Campaign, CampaignEditor, Pledge, Story
from portal.db_types import utcnow
from portal.events.models import Event, Registration
from portal.events.services import token_hash
from portal.extensions import db, limiter
from portal.procurements.models import Procurement
from tests.access.world import build_world
from tests.conftest import empty_tables, sign_in
from tests.factories import make_user, next_business_id
from tests.web.attack import attacks, owners_form, snapshot, unattacked_object_routes

KINDS = ("procurement", "clause", "ledger entry", "role", "candidate", "plan", "assessment", "coaching module",
         "consent", "employer contact", "proposal", "placement", "import job", "directory service", "campaign",
         "story", "event", "event registration", "join request")
PLEDGE_TEXT = "Lupaus-SALAISUUS-kotiyritys"


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 32), (11, 83, 148)).save(buffer, "PNG")
    return buffer.getvalue()


def _ledger():
    workbook = Workbook()
    workbook.active.append(["Henkilökoodi", "Tyyppi", "Alkupäivä", "Loppupäivä", "Työaikaosuus (%)"])
    workbook.active.append(["HK-0777", "Työsuhde", "1.3.2026", None, 100])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TODAY = clock.today().isoformat()
# What the owner types into forms that start empty (a new record), over the page's form and the declared data.
VALID = {
    # The team: a person of another sector organisation, not yet on the team; a member's own measure and follow-up.
    "team.members": lambda w: {"user_id": str(w.users["other_professional"].membership.id), "kind": "professional",
                               "scopes": ["plan"]},
    "team.measure_new": lambda w: {"measure-title": "Työhön kulkemisen harjoittelu",
                                   "measure-measure": "Kulkee itse kolme kertaa",
                                   "measure-target_date": (clock.today() + timedelta(days=30)).isoformat()},
    "team.follow_up_new": lambda w: {"follow-goal_id": str(w.ids["goal"]), "follow-note": "Seurattu yhdessä",
                                     "follow-follow_up_on": TODAY},
    # The decision is final: the owner confirms it (the confirm step itself answers 200).
    "clause_reports.decide": lambda w: {"confirmed": "1"},
    "procurements.invite_supplier": lambda w: {"name": "Uusi Toimittaja Oy", "business_id": next_business_id(),
                                               "contact_name": "Tiina", "contact_email": "tiina@uusi.example"},
    "procurements.clause_new": lambda w: {"quantity": "5", "min_months": "1", "deadline": "2027-06-30",
                                          "target_groups": ["partial_work_ability"], "action": "save"},
    "procurements.clause_edit": lambda w: {"action": "save"},
    "suppliers.entry_new": lambda w: {"person_code": "HK-0099", "start_date": "2026-03-01"},
    "suppliers.ledger_import": lambda w: {"file": (io.BytesIO(_ledger()), "ledger.xlsx")},
    "employers.role_edit": lambda w: {"title": "Keittiöapulainen"},
    "coaching.status": lambda w: {"status": "work_trial", "since": TODAY},
    "coaching.goal_new": lambda w: {"title": "Uusi tavoite", "measure": "Kolme hakemusta",
                                      "target_date": "2027-01-31"},
    "coaching.module_new": lambda w: {"title": "Moduuli", "goal_code": "job_search", "start_on": TODAY},
    "coaching.review": lambda w: {"reviewed_on": TODAY, "results": "Hyvin meni", "decision": "next_module"},
    "coaching.consent_list": lambda w: {"employer_id": str(w.orgs["other_employer"].id)},
    "coaching.contacts": lambda w: {"contact_on": TODAY, "note": "Soitto"},
    "coaching.steps": lambda w: {"kind": "work_activity", "start_on": TODAY},
    "coaching.review_signatures": lambda w: {"signer": "buyer", "state": "signed", "signed_on": TODAY,
                                             "name": "Tilaaja Tiina"},
    "coordination.handover": lambda w: {"user_id": str(w.users["coach"].id), "phase": "in_work",
                                        "start_on": TODAY},
    "coordination.member_handover": lambda w: {"user_id": str(w.users["coach"].id), "phase": "in_work",
                                               "start_on": TODAY},
    "coordination.referral_new": lambda w: {"kind": "social_services", "reason": "Asumisen järjestelyt ennen työtä",
                                            "receiving_name": "Sosiaalitoimi", "sent_on": TODAY},
    "coordination.referral": lambda w: {"answer": "accepted", "answered_on": TODAY},
    "campaigns.image": lambda w: {"image": (io.BytesIO(_png()), "kuva.png"), "alt_fi": "Sininen kuva"},
}


def add_editors(world) -> None:
    """Campaign editors in the home and the other buyer; the home buyer's campaigns, story and event."""
    buyer = world.orgs["buyer"]
    world.users["editor"] = make_user("officer", buyer, email="viestinta@home.example")
    world.users["other_editor"] = make_user("officer", world.orgs["other_buyer"], email="viestinta@other.example")
    for who in ("editor", "other_editor"):
        db.session.add(CampaignEditor(user_id=world.users[who].id, granted_by_id=world.users["admin"].id))
    author = world.users["editor"].id
    published = Campaign(slug="home-campaign", status="published", organisation_id=buyer.id, created_by_id=author,
                         title_fi="Kodin kampanja", summary_fi="Tiivistelmä", body_fi="Teksti",
                         body_html_fi="<p>Teksti</p>", starts_on=date(2020, 1, 1), published_at=utcnow())
    draft = Campaign(slug="home-draft", status="draft", organisation_id=buyer.id, created_by_id=author,
                     title_fi="Kodin luonnos", summary_fi="Luonnos", body_fi="Luonnos", body_html_fi="<p>L</p>")
    db.session.add_all([published, draft])
    db.session.flush()
    story = Story(organisation_id=buyer.id, status="draft", campaign_id=published.id, title_fi="Kodin tarina",
                  body_fi="Tarinan teksti", body_html_fi="<p>Tarinan teksti</p>", shown_name="Mika, 34",
                  consent_given_on=date(2026, 1, 5), consent_method="written")
    start = utcnow().replace(microsecond=0) + timedelta(days=30)
    event = Event(organisation_id=buyer.id, created_by_id=author, campaign_id=published.id, title_fi="Kotitapahtuma",
                  description_fi="Tule.", starts_at=start, ends_at=start + timedelta(hours=2), place="Kirjasto",
                  capacity=50, taken=1, published=False)
    db.session.add_all([story, event])
    db.session.flush()
    db.session.add_all([
        Registration(event_id=event.id, name="Rekisteröity Riikka", email="riikka@example.com", language="fi",
                     token_hash=token_hash("home-event-token"), confirmed_at=utcnow()),
        Pledge(campaign_id=published.id, organisation_id=world.orgs["employer"].id,
               created_by_id=world.users["employer"].id, kind="work_trial", text=PLEDGE_TEXT),
    ])
    db.session.commit()
    world.ids.update(campaign=published.id, campaign_draft=draft.id, story=story.id, event=event.id)


@pytest.fixture
def attacked(world, monkeypatch):
    """The access world with campaign editors on both sides; rate limits off (tested on their own)."""
    monkeypatch.setattr(limiter, "enabled", False)
    add_editors(world)
    return world


def _body(route, world, form: dict) -> dict:
    extra = VALID.get(route.endpoint)
    return {**form, **route.data(world), **(extra(world) if extra else {})}


def _status(client, world, who, method, url, body=None):
    sign_in(client, world.user(who))
    return client.open(url, method=method, data=body)


def test_every_route_that_names_an_object_is_attacked(app):
    assert unattacked_object_routes(app) == []
    found = {a.kind for a in attacks(app)}
    assert found == set(KINDS), f"object kinds to add to KINDS (or routes lost): {sorted(found ^ set(KINDS))}"


# Writes that end or remove the object, or change its state for good: the owner checks each in a world of its own.
FINAL_WORDS = ("invite", "erase", "delete", "withdraw", "archive", "end", "convert", "status", "action", "publish",
               "cancel")


def _final(attack) -> bool:
    return any(word in FINAL_WORDS for word in attack.route.endpoint.rsplit(".", 1)[1].split("_"))


def _owners_form(app, client, world, attack) -> tuple[str, dict]:
    with app.test_request_context():
        url = attack.url(world)
    page = _status(client, world, attack.owner, "GET", url)
    form = owners_form(page.get_data(as_text=True), url) if page.status_code == 200 else {}
    return url, _body(attack.route, world, form)


def _errors(response) -> str:
    """The error summary of a re-rendered form, as text (for the failure message)."""
    html = response.get_data(as_text=True).partition('class="error-summary"')[2].partition("</div>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _without_supplier(world):
    db.session.get(Procurement, world.ids["procurement"]).supplier_id = None
    db.session.commit()


# What a final write needs of the world first (the world's procurement already has its supplier).
PREPARE = {"procurements.invite_supplier": _without_supplier}


def _rebuilt(endpoint):
    empty_tables()
    world = build_world()
    add_editors(world)
    if endpoint in PREPARE:
        PREPARE[endpoint](world)
    return world


@pytest.mark.parametrize("kind", KINDS)
def test_another_organisation_gets_404_for_every_read_and_write(app, attacked, client, kind):
    world = attacked
    mine = [a for a in attacks(app) if a.kind == kind]
    assert mine, f"no route attacks a {kind}"
    writes = {}
    for a in mine:
        if a.route.method == "POST" and a.owner not in a.route.not_for:
            writes.setdefault((a.route.endpoint, repr(a.route.params)), a)
    bodies = {a: _owners_form(app, client, world, a) for a in mine if a.route.method == "POST"}
    with app.test_request_context():
        urls = {a: a.url(world) for a in mine}
    before = snapshot()
    failures = []
    for a in mine:
        url, body = bodies.get(a, (urls[a], None))
        response = _status(client, world, a.attacker, a.route.method, url, body)
        if response.status_code != 404:
            failures.append(f"{a.label} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
    after = snapshot()
    assert [t for t in before if before[t] != after[t]] == [], "refused requests changed these tables"
    # The same forms are valid: sent by the owner they succeed (so the 404 came from the scope).
    refused = []
    for a in sorted(writes.values(), key=_final):
        if _final(a):
            world = _rebuilt(a.route.endpoint)
        url, body = _owners_form(app, client, world, a)
        response = _status(client, world, a.owner, "POST", url, body)
        if response.status_code != 302:
            refused.append(f"{a.route.endpoint} as {a.owner}: {response.status_code} {_errors(response)} {body}")
    assert not refused, "\n".join(refused)
