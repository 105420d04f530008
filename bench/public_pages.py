"""Median response times of the home page and a campaign page with 1,000 campaigns and 10,000 events.

Builds a fresh SQLite database in a temporary folder (or uses BENCH_DATABASE_URL),
loads the data in bulk, then times requests through the WSGI app in process.
Target: under 50 ms at the median. Prints the figures; asserts nothing.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal import clock

CAMPAIGNS, EVENTS, RUNS = 1000, 10_000, 60


def build(app) -> str:
    """Load the campaigns and events; returns the slug of a campaign in the middle."""
    from flask_migrate import upgrade

    from portal.accounts.models import Organisation
    from portal.campaigns.models import Campaign
    from portal.db_types import utcnow
    from portal.events.models import Event
    from portal.extensions import db

    with app.app_context():
        upgrade()
        org = Organisation(name="Bench operator", kind="operator")
        db.session.add(org)
        db.session.flush()
        now, rnd = utcnow(), random.Random(7)
        body = "## Otsikko\n\n" + "Tekstiä **lihavoituna** ja [linkki](https://example.fi). " * 20
        db.session.execute(Campaign.__table__.insert(), [{
            "slug": f"kampanja-{i}", "status": "published" if i % 10 else "draft", "organisation_id": org.id,
            "title_fi": f"Kampanja {i}", "title_sv": f"Kampanj {i}", "title_en": f"Campaign {i}",
            "summary_fi": "Tiivistelmä " * 10, "summary_sv": "", "summary_en": "", "body_fi": body,
            "body_sv": "", "body_en": "", "body_html_fi": "<p>" + "Tekstiä. " * 200 + "</p>",
            "body_html_sv": "", "body_html_en": "", "image_alt_fi": "", "image_alt_sv": "", "image_alt_en": "",
            "starts_on": clock.today() - timedelta(days=rnd.randint(0, 400)),
            "ends_on": clock.today() + timedelta(days=rnd.randint(-100, 300)), "cta": "pledge",
            "created_at": now, "updated_at": now, "published_at": now - timedelta(minutes=i)}
            for i in range(CAMPAIGNS)])
        ids = [row[0] for row in db.session.execute(db.select(Campaign.id)).all()]
        rows = []
        for i in range(EVENTS):
            start = now + timedelta(hours=rnd.randint(-2000, 4000))
            rows.append({"campaign_id": rnd.choice(ids), "organisation_id": org.id, "title_fi": f"Tapahtuma {i}",
                         "title_sv": "", "title_en": "", "description_fi": "Kuvaus", "description_sv": "",
                         "description_en": "", "starts_at": start, "ends_at": start + timedelta(hours=2),
                         "place": "Sali", "online_url": "", "capacity": 50, "taken": rnd.randint(0, 50),
                         "published": rnd.random() < 0.9, "created_at": now, "updated_at": now})
        db.session.execute(Event.__table__.insert(), rows)
        db.session.commit()
        return f"kampanja-{CAMPAIGNS // 2 + 1}"


def median_ms(client, path: str, fresh_session: bool = False) -> tuple[float, float]:
    """Median and 90th percentile of RUNS requests, after a warm-up."""
    client.get(path)
    times = []
    for _ in range(RUNS):
        if fresh_session:
            client.delete_cookie("ote_session")
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)]


def main() -> None:
    from portal import create_app
    from portal.config import testing_overrides

    url = os.environ.get("BENCH_DATABASE_URL")
    tmp = tempfile.mkdtemp(prefix="ote-bench-")
    url = url or f"sqlite:///{tmp}/bench.db"
    app = create_app({**testing_overrides(), "DATABASE_URL": url, "UPLOAD_DIR": tmp})
    slug = build(app)
    client = app.test_client()
    print(f"public pages with {CAMPAIGNS} campaigns and {EVENTS} events ({url.split(':')[0]}), {RUNS} requests each")
    for label, path, fresh in (("home page", "/", False), ("campaign page (returning visitor)", f"/campaigns/{slug}",
                                                            False),
                               ("campaign page (new visitor: counts a view)", f"/campaigns/{slug}", True),
                               ("Atom feed", "/feed.atom", False)):
        median, p90 = median_ms(client, path, fresh)
        verdict = "ok" if median < 50 else "OVER the 50 ms target"
        print(f"  {label:45s} median {median:6.1f} ms   p90 {p90:6.1f} ms   {verdict}")


if __name__ == "__main__":
    main()
