"""The filter form of the list pages (templates/_macros/filters.html): labelled fields, the query names as they were,
and a 'clear filters' link that drops the filters and the page but keeps the order."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from tests.factories import make_org


def _form(html: str) -> str:
    return re.search(r'<form method="get" class="filters"[^>]*>.*?</form>', html, re.DOTALL).group(0)


def _clear_link(form: str) -> dict | None:
    found = re.search(r'<a class="clear-filters" href="([^"]+)">', form)
    return parse_qs(urlsplit(found.group(1).replace("&amp;", "&")).query) if found else None


def test_an_unfiltered_list_offers_no_clear_link_and_labels_every_field(client, login_as):
    login_as("admin")
    form = _form(client.get("/admin/organisations").get_data(as_text=True))
    assert 'role="search"' in form and _clear_link(form) is None
    for name in ("q", "kind"):  # the names bookmarks and tests use
        assert f'<label for="{name}">' in form and f'id="{name}" name="{name}"' in form


def test_the_clear_link_drops_the_filters_and_the_page_but_keeps_the_order(client, login_as):
    login_as("admin")
    make_org("employer", "Suodatin Oy")
    html = client.get("/admin/organisations?q=Suodatin&kind=employer&sort=-name&page=1").get_data(as_text=True)
    form = _form(html)
    assert 'value="Suodatin"' in form and '<option value="employer" selected>' in form
    assert _clear_link(form) == {"sort": ["-name"]}
    assert "Poista rajaukset" in form  # Finnish by default


def test_the_order_of_the_public_role_search_is_no_filter(client):
    unfiltered = _form(client.get("/roles?sort=newest").get_data(as_text=True))
    assert _clear_link(unfiltered) is None and '<option value="newest" selected>' in unfiltered
    filtered = _form(client.get("/roles?sort=newest&q=siivous&adjustment=flexible_hours").get_data(as_text=True))
    assert _clear_link(filtered) == {"sort": ["newest"]}
    assert 'aria-describedby="q-hint"' in filtered and 'id="q-hint"' in filtered
