"""The home page, stories, Atom feed, sitemap, robots.txt, Open Graph and canonical tags, statements."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from sqlalchemy import select

from portal import clock
from portal.campaigns.models import Campaign, Story
from portal.db_types import utcnow
from portal.employers.models import JobRole
from portal.events.models import Event
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement
from portal.public import figures
from tests.factories import make_org

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def seed(db, n=1):
    org = make_org("operator")
    campaigns = []
    for i in range(n):
        c = Campaign(slug=f"kampanja-{i}", status="published", organisation_id=org.id, title_fi=f"Kampanja {i}",
                     title_en=f"Campaign {i}", summary_fi="Työtä kaikille & <kaikkialla>", body_fi="B",
                     body_html_fi="<p>B</p>", starts_on=date(2020, 1, 1), published_at=utcnow())
        campaigns.append(c)
    draft = Campaign(slug="salainen", status="draft", organisation_id=org.id, title_fi="Salainen", body_fi="B")
    start = utcnow().replace(microsecond=0) + timedelta(days=5)
    event = Event(organisation_id=org.id, title_fi="Messut", starts_at=start, ends_at=start + timedelta(hours=3),
                  place="Halli", capacity=100, published=True)
    story = Story(organisation_id=org.id, status="published", title_fi="Mikan tarina", body_fi="T",
                  body_html_fi="<p>T</p>", consent_given_on=date(2026, 1, 1), published_at=utcnow())
    no_consent = Story(organisation_id=org.id, status="published", title_fi="Ilman suostumusta", body_fi="T")
    db.session.add_all(campaigns + [draft, event, story, no_consent])
    db.session.commit()
    return campaigns, event, story


def test_home_page_shows_campaigns_events_stories_and_figures(client, db):
    campaigns, event, story = seed(db)
    page = client.get("/").get_data(as_text=True)
    assert "Kampanja 0" in page and "Messut" in page and "Mikan tarina" in page
    assert "Salainen" not in page and "Ilman suostumusta" not in page
    assert client.get("/stories").get_data(as_text=True).count("Ilman suostumusta") == 0
    assert client.get(f"/stories/{story.id}").status_code == 200


def test_home_page_clause_figures_hide_small_cells(client, db):
    empty = figures.clause_figures(clock.today())
    assert empty.clauses_in_force == 0 and empty.people.hidden and empty.people_by_kind == {}
    buyer = make_org("buyer")
    proc = Procurement(buyer_id=buyer.id, reference="H-1", title="Siivous", cpv_code="90910000",
                              contract_start=date(2020, 1, 1), contract_end=date(2099, 1, 1))
    db.session.add(proc)
    db.session.flush()
    clause = EmploymentClause(procurement_id=proc.id, template_code="x", kind="persons", quantity=5,
                                     deadline=date(2099, 1, 1), text_fi="t", text_sv="t", text_en="t")
    db.session.add(clause)
    db.session.flush()
    for n in range(3):
        db.session.add(LedgerEntry(clause_id=clause.id, person_code=f"P{n}", kind="job",
                                          start_date=date(2025, 1, 1), work_share=1))
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "Ehtojen kautta työllistyneet henkilöt" in page and "alle 5" in page
    for n in range(3, 8):
        db.session.add(LedgerEntry(clause_id=clause.id, person_code=f"P{n}", kind="job",
                                          start_date=date(2025, 1, 1), work_share=1))
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert '<td class="num">8</td>' in page


def test_home_page_counts_open_roles_of_the_employers_feature(client, db):
    org = make_org("employer")
    for n, (status, until) in enumerate([("published", None), ("published", date(2099, 1, 1)),
                                         ("published", date(2000, 1, 1)), ("draft", None)]):
        db.session.add(JobRole(organisation_id=org.id, title=f"Rooli {n}", status=status, open_until=until))
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert 'Avoimet tehtävät</a></th><td class="num">2</td>' in page


def test_home_page_clause_figures_come_from_the_cache_until_the_ledger_changes(app, client, db, count_queries):
    from datetime import timedelta

    from portal.clock import today
    from tests.access.procurements import make_clause, make_entry, make_procurement

    buyer = make_org("buyer")
    start = today() - timedelta(days=100)
    clause = make_clause(make_procurement(buyer, make_org("employer"), start=start, end=start + timedelta(days=900)))
    db.session.commit()
    first = count_queries()
    assert "People employed through clauses</th><td class=\"num\">fewer than 5" in _home(client)
    assert any("clause_ledger_entry" in q for q in first)
    again = count_queries()
    _home(client)
    assert not any("clause_ledger_entry" in q for q in again), again  # cached: no count over the ledger
    for n in range(5):
        make_entry(clause, person=f"EO-{n:04d}")
    db.session.commit()
    assert "People employed through clauses</th><td class=\"num\">5</td>" in _home(client)  # at once


def _home(client) -> str:
    return client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_the_atom_feed_parses_back(client, db):
    campaigns, event, _story = seed(db)
    response = client.get("/feed.atom?lang=en")
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert "Campaign 0" in titles and "Messut" in titles and "Salainen" not in titles
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("http")
        assert entry.find(f"{ATOM}updated").text.endswith("Z")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    summary = next(e for e in entries if e.find(f"{ATOM}title").text == "Campaign 0").find(f"{ATOM}summary")
    assert summary.text == "Työtä kaikille & <kaikkialla>"  # escaped in the XML, intact when read


def test_the_sitemap_parses_back_with_language_alternates(client, db):
    campaigns, event, story = seed(db)
    root = ET.fromstring(client.get("/sitemap.xml").data)
    assert root.tag == f"{SM}urlset"
    locs = [u.find(f"{SM}loc").text for u in root.findall(f"{SM}url")]
    assert "http://localhost/campaigns/kampanja-0" in locs
    assert f"http://localhost/events/{event.id}" in locs and f"http://localhost/stories/{story.id}" in locs
    assert "http://localhost/accessibility" in locs and not any("salainen" in loc for loc in locs)
    first = root.find(f"{SM}url")
    assert {link.get("hreflang") for link in first.findall(f"{XHTML}link")} == {"fi", "sv", "en"}


def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_private_pages(client, db):
    text = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text
    assert "Disallow: /manage/" in text and "Disallow: /events/cancel/" in text


def test_public_pages_carry_canonical_and_open_graph_tags(client, db):
    seed(db)
    page = client.get("/campaigns/kampanja-0?lang=en").get_data(as_text=True)
    assert '<link rel="canonical" href="http://localhost/campaigns/kampanja-0?lang=en">' in page
    assert '<meta property="og:title" content="Campaign 0">' in page
    assert '<meta property="og:type" content="article">' in page
    assert 'hreflang="sv" href="http://localhost/campaigns/kampanja-0?lang=sv"' in page
    assert '<meta property="og:locale" content="en_GB">' in page
    home = client.get("/?lang=sv").get_data(as_text=True)
    assert '<link rel="canonical" href="http://localhost/?lang=sv">' in home
    assert 'type="application/atom+xml"' in home


def test_accessibility_statement_and_privacy_notice_in_three_languages(client, db):
    for lang, heading, enforcement in (("fi", "Saavutettavuusseloste", "Valvonta"),
                                       ("sv", "Tillgänglighetsutlåtande", "Tillsyn"),
                                       ("en", "Accessibility statement", "Enforcement")):
        page = client.get(f"/accessibility?lang={lang}").get_data(as_text=True)
        assert f"<h1>{heading}</h1>" in page and f"<h2>{enforcement}</h2>" in page
        assert "306/2019" in page
        privacy = client.get(f"/privacy?lang={lang}")
        assert privacy.status_code == 200
    assert "Tapahtumiin ilmoittautuminen" in client.get("/privacy?lang=fi").get_data(as_text=True)


def test_home_and_campaign_pages_keep_their_queries_flat(client, db, count_queries):
    seed(db, n=3)
    statements = count_queries()
    client.get("/")
    home = len(statements)
    statements.clear()
    client.get("/campaigns/kampanja-0")
    campaign = len(statements)
    seed_more = make_org("operator")
    for i in range(20):
        db.session.add(Campaign(slug=f"lisa-{i}", status="published", organisation_id=seed_more.id,
                                title_fi=f"Lisä {i}", body_fi="B", published_at=utcnow()))
    db.session.commit()
    statements.clear()
    client.get("/")
    assert len(statements) == home <= 12
    statements.clear()
    client.get("/campaigns/kampanja-1")
    assert len(statements) <= campaign + 1 <= 14
    assert db.session.scalar(select(Campaign.id).where(Campaign.slug == "lisa-0"))
