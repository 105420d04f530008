"""Excel out and in at scale, beside bare openpyxl, and the outcome dashboard on a large region.

1. Exports the placements ledger of 100,000 placements (query, labels,
   formula-safe typed cells, write-only workbook in a temporary file) and,
   in the same run, bare openpyxl writing the same 100,000 rows (already in
   memory) in write-only mode.
2. Imports 20,000 candidate rows through the import mechanism (upload checks,
   every row checked, all written in one transaction) and, beside it, bare
   openpyxl only reading the same file in read-only mode.
3. Adds placements up to 200,000 for 50,000 candidates, refreshes the
   summaries, and times the dashboard for an administrator, an officer and
   a coach (median and 95th percentile of 30 requests, and its queries).

Time is measured without tracemalloc; peak memory (Python allocations, by
tracemalloc) in a second pass of the same work. Builds a fresh SQLite
database in a temporary folder (or uses BENCH_DATABASE_URL). Prints the
figures; asserts nothing.
"""
from __future__ import annotations

import io
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal import clock

CANDIDATES, PLACEMENTS, EXPORT_ROWS, IMPORT_ROWS, RUNS = 50_000, 200_000, 100_000, 20_000, 30
STATUSES = ["intake", "job_search", "work_trial", "employed", "education", "rehabilitation", "paused", "exited"]
# Codes of the reference catalogue (seeds/reference/municipalities.yaml): an unknown one would make the import refuse.
MUNICIPALITIES = ["091", "837", "564", "853", "179", "398", "297", "109", "167", "049"]


def measure(work):
    """(wall seconds, CPU seconds, peak MB): timed once without tracemalloc, then once more under it for the peak.

    CPU time is printed beside the wall clock because a shared machine's load
    stretches the wall clock of both sides of a comparison unevenly.
    """
    started, cpu = time.perf_counter(), time.process_time()
    work()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return seconds, cpu, peak


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), printed with the figures."""
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def build_region(app, rnd):
    """Organisations, users, roles, clauses and 50,000 candidates with histories; returns ids."""
    from flask_migrate import upgrade

    from portal.accounts.models import Membership, Organisation, User
    from portal.coaching.models import Candidate, CandidateCoach, EmployerContact, StatusChange
    from portal.db_types import utcnow
    from portal.domain.profile import new_code
    from portal.employers.models import JobRole
    from portal.extensions import db
    from portal.procurements.models import EmploymentClause, Procurement
    from portal.reference.services import load_reference

    with app.app_context():
        upgrade()
        load_reference()
        orgs = {kind: [Organisation(name=f"{kind} {i}", kind=kind) for i in range(n)]
                for kind, n in (("provider", 20), ("buyer", 10), ("employer", 200), ("operator", 1))}
        db.session.add_all([o for group in orgs.values() for o in group])
        db.session.flush()
        users = {"admin": User(email="admin@bench.example", name="Admin"),
                 "officer": User(email="officer@bench.example", name="Officer")}
        users["admin"].memberships.append(Membership(organisation=orgs["operator"][0], role="admin"))
        users["officer"].memberships.append(Membership(organisation=orgs["buyer"][0], role="officer"))
        coaches = []
        for i in range(100):
            coach = User(email=f"coach{i}@bench.example", name=f"Coach {i}")
            coach.memberships.append(Membership(organisation=orgs["provider"][i % 20], role="coach"))
            coaches.append(coach)
        db.session.add_all(list(users.values()) + coaches)
        db.session.flush()
        now, today = utcnow(), clock.today()
        db.session.execute(JobRole.__table__.insert(), [dict(
            organisation_id=orgs["employer"][i % 200].id, status="published", kind="job", title=f"Tehtävä {i}",
            tasks="", description="", address_area="", remote="none", schedule="agreed", positions=5,
            wage_subsidy_interest=False, created_at=now, updated_at=now) for i in range(500)])
        procurements = [Procurement(buyer_id=orgs["buyer"][i % 10].id, supplier_id=orgs["employer"][i].id,
                                    reference=f"B-{i}", title=f"Hankinta {i}", cpv_code="90910000-9",
                                    contract_start=today - timedelta(days=900),
                                    contract_end=today + timedelta(days=400),
                                    status="in_force") for i in range(30)]
        db.session.add_all(procurements)
        db.session.flush()
        db.session.execute(EmploymentClause.__table__.insert(), [dict(
            procurement_id=p.id, template_code="person_months", kind="person_months", quantity=120,
            target_groups=["partial_work_ability"], reporting_interval=3, deadline=today + timedelta(days=300),
            text_fi="T", text_sv="T", text_en="T", created_at=now, updated_at=now) for p in procurements * 2])
        intakes = [today - timedelta(days=rnd.randint(0, 1000)) for _ in range(CANDIDATES)]
        rows, codes = [], set()
        while len(codes) < CANDIDATES:
            codes.add(new_code())
        for i, (intake, code) in enumerate(zip(intakes, sorted(codes), strict=True)):
            coach = coaches[i % 100]
            rows.append(dict(code=code, organisation_id=coach.memberships[0].organisation_id,
                             name=f"Henkilö {i}", municipality_code=rnd.choice(MUNICIPALITIES), education="",
                             work_history="", skills_text="", skills_folded="", desired_work_text="",
                             desired_work_folded="", limits_note="", support_intensity="light", peer_coach="",
                             status="intake", status_since=intake, intake_on=intake, created_at=now, updated_at=now))
        db.session.execute(Candidate.__table__.insert(), rows)
        ids = list(db.session.scalars(db.select(Candidate.id).order_by(Candidate.id)))
        db.session.execute(CandidateCoach.__table__.insert(), [
            dict(candidate_id=cid, user_id=coaches[i % 100].id, added_at=now) for i, cid in enumerate(ids)])
        steps, contacts, last = [], [], {}
        for cid, intake in zip(ids, intakes, strict=True):
            day, status = intake, "intake"
            steps.append(dict(candidate_id=cid, status=status, since=day, note="", changed_at=now))
            for _ in range(rnd.randint(1, 3)):
                day = min(today, day + timedelta(days=rnd.randint(5, 200)))
                status = rnd.choice([s for s in STATUSES if s != status])
                steps.append(dict(candidate_id=cid, status=status, since=day, note="", changed_at=now))
            last[cid] = (status, day)
            if rnd.random() < 0.8:
                contact_on = min(today, intake + timedelta(days=rnd.randint(0, 120)))
                contacts.append(dict(candidate_id=cid, contact_on=contact_on, note="", created_at=now))
        db.session.execute(StatusChange.__table__.insert(), steps)
        db.session.execute(EmployerContact.__table__.insert(), contacts)
        db.session.execute(Candidate.__table__.update().where(Candidate.id == db.bindparam("cid")).values(
            status=db.bindparam("st"), status_since=db.bindparam("since")),
            [dict(cid=c, st=s, since=d) for c, (s, d) in last.items()])
        db.session.commit()
        roles = list(db.session.execute(db.select(JobRole.id, JobRole.organisation_id)))
        clauses = list(db.session.scalars(db.select(EmploymentClause.id)))
        providers = dict(db.session.execute(db.select(Candidate.id, Candidate.organisation_id)).all())
        return dict(admin=users["admin"].id, officer=users["officer"].id, coach=coaches[0].id, ids=ids,
                    roles=roles, clauses=clauses, providers=providers)


def add_placements(app, rnd, world, count):
    """count placements of random candidates in random roles over the last three years."""
    from portal.db_types import utcnow
    from portal.extensions import db
    from portal.placements.models import Placement

    today, now, rows = clock.today(), utcnow(), []
    for _ in range(count):
        cid = rnd.choice(world["ids"])
        role_id, employer = rnd.choice(world["roles"])
        kind = rnd.choices(["work_trial", "job", "apprenticeship"], [4, 5, 1])[0]
        start = today - timedelta(days=rnd.randint(0, 1100))
        state = rnd.choices(["started", "ended", "converted" if kind == "work_trial" else "ended"], [3, 5, 2])[0]
        end = start + timedelta(days=rnd.randint(30, 400)) if state != "started" or kind == "work_trial" else None
        rows.append(dict(candidate_id=cid, role_id=role_id, organisation_id=employer,
                         provider_id=world["providers"][cid], kind=kind, state=state, start_on=start, end_on=end,
                         work_share=0.8, wage_subsidy=rnd.random() < 0.3,
                         clause_id=rnd.choice(world["clauses"]) if rnd.random() < 0.3 else None,
                         created_at=now, updated_at=now))
    with app.app_context():
        for start in range(0, len(rows), 20_000):
            db.session.execute(Placement.__table__.insert(), rows[start:start + 20_000])
        db.session.commit()


def bench_export(app, world):
    from openpyxl import Workbook

    from portal.accounts.models import User
    from portal.extensions import db
    from portal.reports.ledger_export import placement_rows, placement_sheets
    from portal.reports.scope import Filters, scope_for
    from portal.reports.streaming import workbook_file

    with app.test_request_context("/?lang=fi"):
        admin = db.session.get(User, world["admin"])
        scope, filters = scope_for(admin), Filters(date(2020, 1, 1), clock.today().replace(day=1))
        sizes = []

        def ours():
            handle = workbook_file(placement_sheets(scope, filters))
            sizes.append(handle.seek(0, 2))
            handle.close()

        rows = list(placement_rows(scope, filters))
        headers = placement_sheets(scope, filters)[0].headers

        def bare():
            workbook = Workbook(write_only=True)
            ws = workbook.create_sheet("Placements")
            ws.append(headers)
            for row in rows:
                ws.append(row)
            with tempfile.TemporaryFile() as handle:
                workbook.save(handle)

        t_ours, c_ours, m_ours = measure(ours)
        t_bare, c_bare, m_bare = measure(bare)
    print(f"export of {len(rows):,} placement rows ({sizes[0] / 1024 / 1024:.1f} MB workbook), {load()}:")
    print(f"  portal (query, labels, safe typed cells, temp file): {t_ours:6.2f} s (CPU {c_ours:6.2f} s), "
          f"peak {m_ours:6.1f} MB")
    print(f"  bare openpyxl write-only, rows already in memory:    {t_bare:6.2f} s (CPU {c_bare:6.2f} s), "
          f"peak {m_bare:6.1f} MB (the rows themselves hold {rows_size(rows):.0f} MB more)")
    print(f"  ratio portal / bare: {t_ours / t_bare:.2f} wall, {c_ours / c_bare:.2f} CPU  "
          "(targets: < 15 s, < 150 MB, ratio <= 1.5)")


def rows_size(rows) -> float:
    tracemalloc.start()
    copy = [list(r) for r in rows]
    size = tracemalloc.get_traced_memory()[0] / 1024 / 1024
    tracemalloc.stop()
    del copy
    return size


def candidate_file(app) -> bytes:
    from openpyxl import Workbook

    from portal.imports import registry

    with app.test_request_context("/?lang=en"):
        kind = registry.get("candidates")
        headers = kind.headers_in("en")
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Candidates")
    ws.append(headers)
    today = clock.today()
    for i in range(IMPORT_ROWS):
        ws.append([f"Tuotu Henkilö {i}", f"tuotu{i}@example.fi", "0401234567", MUNICIPALITIES[i % 10],
                   today - timedelta(days=i % 400), "Job search", None, 10, 30, "", "Varastotyö", "", "", None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bench_import(app, world):
    from openpyxl import load_workbook
    from sqlalchemy import delete, func, select

    from portal.accounts.models import User
    from portal.coaching.models import Candidate, CandidateCoach, StatusChange
    from portal.extensions import db
    from portal.imports.runner import run

    data = candidate_file(app)
    results = []

    def ours():
        with app.test_request_context("/?lang=en"):
            coach = db.session.get(User, world["coach"])
            job = run("candidates", data, coach, filename="bench.xlsx")
            results.append((job.state, job.imported))
            # Undo, so the second (measured) pass imports the same rows again instead of finding duplicates.
            new = select(Candidate.id).where(Candidate.email.like("tuotu%"))
            db.session.execute(delete(StatusChange).where(StatusChange.candidate_id.in_(new)))
            db.session.execute(delete(CandidateCoach).where(CandidateCoach.candidate_id.in_(new)))
            db.session.execute(delete(Candidate).where(Candidate.email.like("tuotu%")))
            db.session.commit()

    def bare():
        workbook = load_workbook(io.BytesIO(data), read_only=True)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        return len(rows)

    t_ours, c_ours, m_ours = measure(ours)
    t_bare, c_bare, m_bare = measure(bare)
    with app.app_context():
        total = db.session.scalar(select(func.count()).select_from(Candidate))
    print(f"import of {IMPORT_ROWS:,} candidate rows ({len(data) / 1024 / 1024:.1f} MB file), result {results[0]}, "
          f"{load()}:")
    print(f"  portal (checks, every row validated, one transaction): {t_ours:6.2f} s (CPU {c_ours:6.2f} s), "
          f"peak {m_ours:6.1f} MB")
    print(f"  bare openpyxl read-only, reading the rows only:        {t_bare:6.2f} s (CPU {c_bare:6.2f} s), "
          f"peak {m_bare:6.1f} MB")
    print(f"  (target: < 30 s; {total:,} candidates in the database afterwards)")


def bench_dashboard(app, world):
    from sqlalchemy import func, select

    from portal.accounts.models import User
    from portal.coaching.models import Candidate
    from portal.extensions import db
    from portal.placements.models import Placement
    from portal.reports.refresh import refresh
    from tests.conftest import sign_in

    with app.app_context():
        started = time.perf_counter()
        generation = refresh()
        took = time.perf_counter() - started
        people = db.session.scalar(select(func.count()).select_from(Candidate))
        placements = db.session.scalar(select(func.count()).select_from(Placement))
        print(f"refresh of {people:,} candidates and {placements:,} placements: {took:.1f} s, "
              f"{generation.cells:,} summary cells")
    client = app.test_client()
    for who, url in (("admin", "/reports/"), ("admin", "/reports/?municipality=837&from=2025-01&to=2025-12"),
                     ("officer", "/reports/"), ("coach", "/reports/")):
        with app.app_context():
            sign_in(client, db.session.get(User, world[who]))
        median, p95, cpu, queries = timed(app, client, url)
        print(f"  dashboard as {who:<7} {url:<52} median {median:6.1f} ms (CPU {cpu:6.1f} ms), p95 {p95:6.1f} ms, "
              f"{queries} queries")
    print(f"  (target: median < 200 ms; {load()})")


def timed(app, client, url):
    from sqlalchemy import event

    from portal.extensions import db

    client.get(url)
    times, cpu = [], []
    for _ in range(RUNS):
        start, cpu_start = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - cpu_start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    statements = []
    with app.app_context():
        engine = db.engine
    listener = lambda *a: statements.append(a[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    client.get(url)
    event.remove(engine, "before_cursor_execute", listener)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], statistics.median(cpu), len(statements)


def main() -> None:
    from portal import create_app
    from portal.config import testing_overrides

    tmp = tempfile.mkdtemp()
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.db"
    app = create_app({**testing_overrides(), "DATABASE_URL": url})
    rnd = random.Random(8)
    started = time.perf_counter()
    world = build_region(app, rnd)
    add_placements(app, rnd, world, EXPORT_ROWS)
    print(f"excel bench: {CANDIDATES:,} candidates, {EXPORT_ROWS:,} placements built in "
          f"{time.perf_counter() - started:.1f} s ({url.split(':')[0]})")
    bench_export(app, world)
    bench_import(app, world)
    add_placements(app, rnd, world, PLACEMENTS - EXPORT_ROWS)
    bench_dashboard(app, world)


if __name__ == "__main__":
    main()
