"""Access, attacked, without an id: lists, exports and downloads of another organisation, and drafts.

Every declared page that names no object (lists, dashboards, Excel exports,
the self-service download) is fetched by a user of another organisation with
each allowed role: none of the home organisations' private strings may be in
it, while the home user's own exports do carry them. Drafts are nobody's but
their owner's: public pages and other employers get 404 for them.
"""
from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from flask import url_for
from sqlalchemy import func, select

from portal import clock
from portal.campaigns.models import Story
from portal.coaching.models import Candidate
from portal.employers.models import JobRole
from portal.events.models import Event
from portal.extensions import db
from tests.access import PUBLIC, all_routes
from tests.access.coaching import SENSITIVE
from tests.access.employers import make_role
from tests.access.proposals import PLACED_NAME
from tests.conftest import sign_in
from tests.web.attack import is_editor_route, object_kind, owners_form
from tests.web.test_access_attacked import PLEDGE_TEXT, _status, attacked  # noqa: F401 (the fixture)

# Exports whose home copy must carry the home's records (so that their absence for others means something).
EXPORTS_WITH_RECORDS = {"procurements.export_report", "reports.export_clauses", "reports.export_caseload",
                        "selfservice.download"}


def _markers(world) -> set[str]:
    """Strings only the home organisations' own users may ever see."""
    codes = db.session.scalars(select(Candidate.code)).all()
    return {*SENSITIVE.values(), PLACED_NAME, *codes, "HK-2026-001", "HK-0001", "HK-0002", PLEDGE_TEXT,
            "Luonnos: keittiöapulainen", "Kodin luonnos", "Kodin tarina", "Rekisteröity Riikka",
            "Maija Meikäläinen"}


def _text(response) -> str:
    """What a person could read in the response: a workbook's XML, a JSON document, or the page."""
    data = response.get_data()
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    if response.is_json:
        return json.dumps(response.get_json(), ensure_ascii=False)
    return data.decode("utf-8", "replace")


def _listing_routes(app):
    """Declared GET routes open to signed-in roles that name no object: lists, dashboards, exports."""
    return [r for r in all_routes() if r.method == "GET" and r.allowed != PUBLIC
            and object_kind(app, r.endpoint) is None and r.endpoint != "static"]


def _players(app, route) -> list[tuple[str, str]]:
    """(attacker, owner) for each role allowed on the route, the attacker in another organisation."""
    if is_editor_route(app, route.endpoint):
        return [("other_editor", "editor")]
    return [(f"other_{role}", role) for role in route.allowed if role != "admin"]


def test_lists_and_exports_of_another_organisation_hold_nothing_of_ours(app, attacked, client):
    world = attacked
    markers = _markers(world)
    leaks, checked, carried = [], 0, set()
    for route in _listing_routes(app):
        with app.test_request_context():
            url = url_for(route.endpoint, **route.params(world), **route.query(world))
        for attacker, owner in _players(app, route):
            if route.endpoint in EXPORTS_WITH_RECORDS:
                own = _status(client, world, owner, "GET", url)
                own_text = _text(own) if own.status_code == 200 else ""
                if any(m in own_text for m in markers):
                    carried.add(route.endpoint)
            response = _status(client, world, attacker, "GET", url)
            checked += 1
            text = _text(response)
            found = sorted(m for m in markers if m in text)
            if found:
                leaks.append(f"{route.endpoint} as {attacker}: {response.status_code} {found}")
    assert not leaks, "\n".join(leaks)
    assert checked >= 40
    assert carried == EXPORTS_WITH_RECORDS, f"home exports without their records: {EXPORTS_WITH_RECORDS - carried}"


def test_public_pages_hold_nothing_private(app, attacked, client):
    world = attacked
    pages = [r for r in all_routes() if r.allowed == PUBLIC and r.method == "GET"]
    leaks, markers = [], _markers(world)
    for route in pages:
        with app.test_request_context():
            url = url_for(route.endpoint, **route.params(world), **route.query(world))
        text = _text(client.get(url))
        found = sorted(m for m in markers if m in text)
        if found:
            leaks.append(f"{url}: {found}")
    assert not leaks, "\n".join(leaks)
    # A pledge's text is never public, and its employer is named only with consent (not given here).
    campaign = _text(client.get("/campaigns/home-campaign"))
    assert "Kodin kampanja" in campaign and PLEDGE_TEXT not in campaign and "Home employer" not in campaign


@pytest.fixture
def other_draft(attacked):
    """A draft role of the other employer."""
    role_id = make_role(attacked.orgs["other_employer"], publish=False, title="Toisen luonnos").id
    db.session.commit()
    return role_id


def _urls(app, *pairs) -> list[str]:
    with app.test_request_context():
        return [url_for(endpoint, **params) for endpoint, params in pairs]


def test_drafts_are_404_on_public_pages_and_for_everybody_but_their_owner(app, attacked, client):
    world = attacked
    event = {"event_id": world.ids["event"]}
    reads = _urls(app, ("jobs.role", {"role_id": world.ids["employer_draft"]}),
                  ("campaigns.campaign", {"slug": "home-draft"}), ("campaigns.story", {"story_id": world.ids["story"]}),
                  ("events.event", event), ("events.calendar", event))
    [register] = _urls(app, ("events.register", event))
    answers = {}
    for who in ("anonymous", "coach", "employer", "other_employer", "officer"):
        with client.session_transaction() as sess:
            sess.clear()
        if who != "anonymous":
            sign_in(client, world.user(who))
        answers.update({(who, url): client.get(url).status_code for url in reads})
        answers[who, register] = client.post(register, data={"name": "Vieras", "email": "v@example.com"}).status_code
    assert {key: code for key, code in answers.items() if code != 404} == {}


def test_a_coach_cannot_rank_or_propose_for_another_employers_draft(app, attacked, client, other_draft):
    world = attacked
    ranking, pair, own = _urls(app, ("matching.role_candidates", {"role_id": other_draft}),
                               ("matching.pair", {"candidate_id": world.ids["candidate"], "role_id": other_draft}),
                               ("employers.role", {"role_id": other_draft}))
    assert _status(client, world, "coach", "GET", ranking).status_code == 404
    assert _status(client, world, "coach", "GET", pair).status_code == 404
    assert _status(client, world, "coach", "POST", pair, {"message": "Sopiva."}).status_code == 404
    assert _status(client, world, "employer", "GET", own).status_code == 404
    assert _status(client, world, "other_employer", "GET", own).status_code == 200  # its owner still sees it


def test_the_matrix_plays_every_role_of_the_portal_and_every_user_kind(world):
    from portal.domain.roles import Role
    from tests.access import EVERYONE, ROLES

    assert set(ROLES) == {str(role) for role in Role}
    assert set(EVERYONE) - {"anonymous"} <= set(world.users)


TOMORROW = (clock.today() + timedelta(days=1)).isoformat()
# A form of the attacker's own whose field names an object: pointed at the home organisations' object it is
# refused and links nothing; emptied, the same form succeeds.
REFERENCES = {
    "role's clause": ("other_employer", "employers.role_edit", lambda w: {"role_id": w.ids["other_employer_role"]},
                      {}, "clause_id", "clause", JobRole.clause_id),
    "event's campaign": ("other_editor", "events.new", lambda w: {},
                         {"title_fi": "Vieras", "start_date": TOMORROW, "start_time": "10:00", "end_time": "12:00",
                          "capacity": "10", "place": "Tori"}, "campaign_id", "campaign", Event.campaign_id),
    "story's campaign": ("other_editor", "campaigns.new_story", lambda w: {},
                         {"title_fi": "Vieras tarina", "body_fi": "Teksti"}, "campaign_id", "campaign",
                         Story.campaign_id),
}


@pytest.mark.parametrize("case", sorted(REFERENCES))
def test_a_form_cannot_point_at_another_organisations_object(app, attacked, client, case):
    world = attacked
    who, endpoint, params, typed, field, key, column = REFERENCES[case]
    [url] = _urls(app, (endpoint, params(world)))
    form = owners_form(_status(client, world, who, "GET", url).get_data(as_text=True), url)
    linked = select(func.count()).where(column == world.ids[key])
    before = db.session.scalar(linked)
    refused = _status(client, world, who, "POST", url, {**form, **typed, field: str(world.ids[key])})
    assert refused.status_code == 200 and db.session.scalar(linked) == before
    assert _status(client, world, who, "POST", url, {**form, **typed, field: ""}).status_code == 302
