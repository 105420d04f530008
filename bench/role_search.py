"""Benchmark of the public role search: 20,000 published roles, the median answer time, SQL queries per page.

Builds a fresh database (SQLite in a temporary folder, or the PostgreSQL
database named by BENCH_DATABASE_URL, which must contain "bench"), fills it
with employers and published roles with realistic Finnish texts, indexed by
the portal's own term extraction (portal.jobs.search.role_terms), then asks
the listing page and the JSON API for typical searches through the Flask test
client (whole requests: routing, SQL, ranking, rendering).

It prints, per search, the median time and the SQL queries per page, first
with 2,000 roles and then with 20,000: the query counts must be equal (they
do not grow with the number of roles). Target: the median of the medians
under 200 ms at 20,000 roles.

Run: .venv/bin/python bench/role_search.py [--roles N] [--repeat R]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import event, insert, select, text

from portal.db_types import utcnow

TITLES = ["Toimistosiivooja", "Siivooja", "Varastotyöntekijä", "Keittiöapulainen", "Kokki", "Asiakaspalvelija",
          "Kiinteistönhoitaja", "Myyjä", "Kassanhoitaja", "Toimistoavustaja", "Vastaanottovirkailija", "Pakkaaja",
          "Hoiva-avustaja", "Lastenhoitaja", "Puutarhatyöntekijä", "Lähetti", "IT-tukihenkilö", "Tallentaja",
          "Kokoonpanija", "Pesulatyöntekijä", "Autonpesijä", "Trukinkuljettaja", "Tarjoilija", "Arkistotyöntekijä"]
QUALIFIERS = ["", "", "aamuvuoro", "osa-aikainen", "iltapäivät", "oppisopimus", "työkokeilu", "kesä", "viikonloput",
              "etätyö osittain", "keskusta", "varasto", "ravintola", "koulu", "sairaala", "kauppakeskus"]
TASKS = ["Siivoat toimistotiloja ja täydennät tarvikkeita.", "Keräät tilauksia ja pakkaat ne lähetettäviksi.",
         "Autat keittiössä esivalmisteluissa ja astianpesussa.", "Palvelet asiakkaita kassalla ja hyllytät tuotteita.",
         "Vastaat puhelimeen ja ohjaat asiakkaita oikeaan paikkaan.", "Hoidat ulkoalueita ja teet pieniä korjauksia.",
         "Syötät tietoja järjestelmään ja arkistoit asiakirjoja.", "Avustat asukkaita arjen askareissa.",
         "Kokoat tuotteita valmiista osista työohjeen mukaan.", "Lajittelet pyykit ja käytät pesukoneita.",
         "Jaat postia ja lähetyksiä talon sisällä.", "Neuvot käyttäjiä tietokoneongelmissa puhelimessa."]
DESCRIPTIONS = ["Rauhallinen työyhteisö, jossa jokaiselle nimetään työkaveri.",
                "Työtahti sovitaan yhdessä, ja aloittaa voi lyhyemmillä päivillä.",
                "Kirjalliset työohjeet ja selkeä päivärytmi helpottavat aloitusta.",
                "Työhönvalmentaja on tervetullut työpaikalle ensimmäisiksi viikoiksi.",
                "Työ tehdään pienessä tiimissä, ja esihenkilö on paikalla päivittäin."]
QUERIES = [
    ("one word", {"q": "siivooja"}),
    ("inflected", {"q": "siivoojaksi"}),
    ("misspelled", {"q": "varastotyontekia"}),
    ("two words", {"q": "asiakaspalvelija helsingissä"}),
    ("compound typed as one", {"q": "keittioapulainen"}),
    ("words and filters", {"q": "siivooja", "hours_max": "30", "adjustment": "part_time"}),
    ("filters only", {"municipality": "837", "remote": "partly", "kind": "job"}),
    ("everything, newest first", {}),
    ("sorted by title", {"sort": "title", "page": "7"}),
]


def build_app(url: str):
    from flask_migrate import upgrade

    from portal.extensions import db
    from portal.reference.services import load_reference
    from tests.conftest import make_test_app

    app = make_test_app(url)
    with app.app_context():
        upgrade()
        load_reference()
        db.session.commit()
    return app


def add_roles(app, count: int, start: int, rng: random.Random) -> None:
    """Insert published roles in bulk, indexed exactly as the portal indexes them."""
    from portal.accounts.models import Organisation
    from portal.employers.models import JobRole, JobRoleAdjustment, JobRoleSkill, JobRoleTerm
    from portal.employers.search_index import add_to_vocabulary, role_terms
    from portal.extensions import db
    from portal.reference.models import ReferenceItem

    with app.app_context():
        ref = {(i.catalogue, i.code): i for i in db.session.scalars(select(ReferenceItem))}
        munis = [c for (cat, c) in ref if cat == "municipalities"]
        occupations = [c for (cat, c) in ref if cat == "occupations"]
        adjustments = [c for (cat, c) in ref if cat == "adjustments"]
        skills = [ref[k].label_fi for k in ref if k[0] == "skills"]
        orgs = [Organisation(name=f"Työnantaja {start + n} Oy", kind="employer") for n in range(max(1, count // 100))]
        db.session.add_all(orgs)
        db.session.flush()
        now = utcnow()
        roles, role_skills, role_adjustments, role_terms_rows, vocabulary = [], [], [], [], set()
        first_id = (db.session.scalar(select(JobRole.id).order_by(JobRole.id.desc()).limit(1)) or 0) + 1
        for n in range(count):
            rid = first_id + n
            low = rng.choice([8, 10, 15, 20, 25, 30])
            kind = rng.choice(["job", "job", "job", "apprenticeship", "work_trial"])
            title = f"{rng.choice(TITLES)} {rng.choice(QUALIFIERS)}".strip()
            muni, occ = rng.choice(munis), rng.choice(occupations)
            tasks, description = " ".join(rng.sample(TASKS, 2)), rng.choice(DESCRIPTIONS)
            names = rng.sample(skills, rng.randint(1, 5))
            roles.append({"id": rid, "organisation_id": rng.choice(orgs).id, "status": "published", "kind": kind,
                          "title": title, "tasks": tasks, "description": description, "occupation_code": occ,
                          "municipality_code": muni, "address_area": "", "schedule": "agreed",
                          "remote": rng.choice(["none", "none", "partly", "fully"]), "hours_min": low,
                          "hours_max": min(low + rng.choice([5, 10, 15]), 40), "positions": 1,
                          "trial_weeks": 8 if kind == "work_trial" else None, "wage_subsidy_interest": False,
                          "created_at": now, "updated_at": now,
                          "published_at": now - timedelta(minutes=rng.randint(0, 500000))})
            role_skills += [{"role_id": rid, "position": i, "name": name, "name_folded": name.casefold(),
                             "essential": i == 0} for i, name in enumerate(names)]
            role_adjustments += [{"role_id": rid, "adjustment_code": c}
                                 for c in rng.sample(adjustments, rng.randint(0, 4))]
            labels = [getattr(ref[(cat, code)], f"label_{lang}") for cat, code in
                      (("occupations", occ), ("municipalities", muni)) for lang in ("fi", "sv", "en")]
            terms = role_terms([title, tasks, description, *labels, *names])
            role_terms_rows += [{"role_id": rid, "term": t} for t in terms]
            vocabulary.update(terms)
        for table, rows in ((JobRole, roles), (JobRoleSkill, role_skills), (JobRoleAdjustment, role_adjustments),
                            (JobRoleTerm, role_terms_rows)):
            for i in range(0, len(rows), 5000):
                db.session.execute(insert(table), rows[i:i + 5000])
        add_to_vocabulary(sorted(vocabulary))
        db.session.commit()
        # A bulk load leaves the planner's statistics stale (PostgreSQL's autovacuum would
        # refresh them within a minute); gather them now, as a live database has them.
        db.session.execute(text("ANALYZE"))
        db.session.commit()


def measure(app, repeat: int) -> dict[str, tuple[float, int, int]]:
    """label -> (median ms of the page, SQL queries of the page, SQL queries of the API)."""
    from portal.extensions import db

    out = {}
    client = app.test_client()
    with app.app_context():
        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            for label, args in QUERIES:
                client.get("/roles", query_string=args)  # warm up
                times = []
                for _ in range(repeat):
                    statements.clear()
                    started = time.perf_counter()
                    response = client.get("/roles", query_string=args)
                    times.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200
                page_queries = len(statements)
                statements.clear()
                assert client.get("/api/v1/roles", query_string=args).status_code == 200
                out[label] = (statistics.median(times), page_queries, len(statements))
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roles", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=11)
    opts = parser.parse_args()
    rng = random.Random(4)
    url = os.environ.get("BENCH_DATABASE_URL")
    if url and "bench" not in url.rsplit("/", 1)[-1]:
        raise SystemExit("BENCH_DATABASE_URL must name a database whose name contains 'bench'")
    tmp = tempfile.mkdtemp(prefix="role-search-")
    app = build_app(url or f"sqlite:///{tmp}/bench.db")
    small = opts.roles // 10
    add_roles(app, small, 0, rng)
    before = measure(app, max(3, opts.repeat // 3))
    started = time.perf_counter()
    add_roles(app, opts.roles - small, small, rng)
    print(f"database: {'PostgreSQL' if url else 'SQLite'}; {opts.roles:,} published roles "
          f"(built in {time.perf_counter() - started:.1f} s); median of {opts.repeat} requests each")
    after = measure(app, opts.repeat)
    print(f"{'search':28} {'median ms':>10} {'SQL/page':>9} {'SQL/API':>8} {'SQL/page at ' + f'{small:,}':>18}")
    for label, _args in QUERIES:
        ms, page_q, api_q = after[label]
        print(f"{label:28} {ms:10.1f} {page_q:9d} {api_q:8d} {before[label][1]:18d}")
    overall = statistics.median(v[0] for v in after.values())
    same = all(after[k][1] == before[k][1] and after[k][2] == before[k][2] for k in after)
    print(f"median over the searches: {overall:.1f} ms (target < 200 ms): {'OK' if overall < 200 else 'MISSED'}")
    print(f"SQL queries per page independent of the number of roles: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
