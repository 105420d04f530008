"""Small things a user tripped on (issue 16, item 7): the favicon, municipalities by name, follow-ups due today,
the login field's autocomplete. The open-data link: tests/web/test_security_headers.py."""
from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest

from portal import clock
from portal.coaching.models import Candidate
from portal.domain.collation import sort_key
from tests.conftest import sign_in
from tests.factories import make_org

MUNICIPALITY_SELECTS = {  # pages with a municipality list, and who opens them
    "anonymous": ["/roles", "/services/", "/employer/signup", "/guidance/calculator"],
    "coach": ["/coaching/candidates/new", "/reports/", "/services/manage/new"],
    "employer": ["/employer/roles/new", "/employer/profile"],
    "admin": ["/admin/organisations/new"],
}


def test_the_favicon_is_served_at_the_root_and_linked_from_every_page(client, db):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.mimetype == "image/vnd.microsoft.icon"
    assert icon.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" href="/favicon.ico"' in page
    svg = re.search(r'<link rel="icon" href="([^"]+\.svg)"', page).group(1)
    assert client.get(svg).status_code == 200


def _options(page: str) -> dict[str, list[str]]:
    found = {}
    for name, body in re.findall(r'<select[^>]*name="([^"]*)"[^>]*>(.*?)</select>', page, re.S):
        found[name] = [unescape(label) for value, label in
                       re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', body) if value]
    for body in re.findall(r"<fieldset.*?</fieldset>", page, re.S):
        labels = [unescape(x) for x in re.findall(r'<label for="[^"]*">([^<]*)</label>', body)]
        found[f"checks{len(found)}"] = labels
    return {k: v for k, v in found.items() if len(v) > 250}  # the lists of Finland's 308 municipalities


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_municipalities_are_sorted_by_name_in_every_list(client, login_as, db, lang):
    seen = 0
    for who, paths in MUNICIPALITY_SELECTS.items():
        if who != "anonymous":
            login_as(who)
        for path in paths:
            page = client.get(f"{path}?lang={lang}").get_data(as_text=True)
            lists = _options(page)
            assert lists, path
            for name, labels in lists.items():
                assert labels == sorted(labels, key=sort_key), (path, name, labels[:5])
                seen += 1
    assert seen >= 10
    if lang == "sv":  # the Swedish names, in the Swedish order: Ackas (Akaa) first, Övertorneå (Ylitornio) after z
        assert labels[0] == "Ackas" and labels.index("Åbo") > labels.index("Vörå") and labels[-1].startswith("Ö")


def test_the_employers_workplaces_are_listed_by_name(client, login_as, db):
    login_as("employer", org=make_org("employer", verified=False))  # unverified: may still set its business ID
    data = {"name": "Paikat Oy", "business_id": "20774740", "industry_code": "N",
            "locations": ["837", "091", "092", "106"], "contact_name": "Kaisa", "contact_email": "k@test.example"}
    assert client.post("/employer/profile", data=data).status_code == 302
    page = client.get("/employer/?lang=fi").get_data(as_text=True)
    assert "Helsinki, Hyvinkää, Tampere, Vantaa" in page  # by code: Helsinki 091, Vantaa 092, Hyvinkää 106, Tampere
    assert "Helsingfors, Hyvinge, Tammerfors, Vanda" in client.get("/employer/?lang=sv").get_data(as_text=True)


def test_a_follow_up_due_today_is_marked_in_words(client, world, db):
    sign_in(client, world.users["coach"])
    candidate = db.session.get(Candidate, world.ids["candidate"])
    candidate.next_follow_up = clock.today()
    db.session.commit()
    page = client.get("/coaching/?lang=fi").get_data(as_text=True)
    assert '<strong class="badge badge-today">tänään</strong>' in page
    assert "i dag" in client.get("/coaching/?lang=sv").get_data(as_text=True)
    candidate = db.session.get(Candidate, world.ids["candidate"])
    candidate.next_follow_up = clock.today() + timedelta(days=1)
    db.session.commit()
    page = client.get("/coaching/?lang=fi").get_data(as_text=True)
    assert "badge-today" not in page and "myöhässä" not in page


def test_autocomplete_username_is_only_on_text_fields(client, db):
    page = client.get("/login").get_data(as_text=True)
    email = re.search(r'<input[^>]*id="email"[^>]*>', page).group(0)
    assert 'type="text"' in email and 'autocomplete="username"' in email and 'inputmode="email"' in email
    for path in ("/", "/login", "/forgot-password", "/employer/signup", "/roles", "/events/"):
        for tag in re.findall(r"<input[^>]*>", client.get(path).get_data(as_text=True)):
            if 'autocomplete="username"' in tag:
                assert 'type="text"' in tag, (path, tag)
