"""Caseload page, candidate record and the provider's audit log, with a provider of 20,000 candidates.

Builds a fresh SQLite database in a temporary folder (or uses BENCH_DATABASE_URL),
loads candidates in bulk for many coaches of one provider, then times requests
through the WSGI app in process, and counts the SQL statements of each page.
The caseload page is timed for coaches with 20, 200 and 2,000 candidates: its
query count must stay the same. Prints the figures; asserts nothing.
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

TOTAL, SIZES, RUNS, EVENTS = 20_000, (20, 200, 2000), 40, 100_000


def build(app):
    """Coaches with the sizes above plus many others; returns (coach ids by size, a candidate id)."""
    from flask_migrate import upgrade

    from portal.accounts.models import Membership, Organisation, User
    from portal.audit.models import AuditEvent
    from portal.coaching.models import Candidate, CandidateCoach, EmployerContact, OrganisationAdmin
    from portal.db_types import utcnow
    from portal.domain.profile import new_code
    from portal.extensions import db
    from portal.reference.services import load_reference

    with app.app_context():
        upgrade()
        load_reference()
        org = Organisation(name="Bench provider", kind="provider")
        db.session.add(org)
        db.session.flush()
        coaches = []
        for i in range(len(SIZES) + 50):
            user = User(email=f"coach{i}@bench.example", name=f"Coach {i}")
            user.memberships.append(Membership(organisation=org, role="coach"))
            db.session.add(user)
            coaches.append(user)
        db.session.flush()
        rnd, today, now = random.Random(5), clock.today(), utcnow()
        owners = [coaches[i] for i, n in enumerate(SIZES) for _ in range(n)]
        owners += [coaches[len(SIZES) + rnd.randrange(50)] for _ in range(TOTAL - len(owners))]
        statuses = ["intake", "job_search", "work_trial", "employed", "paused"]
        db.session.execute(Candidate.__table__.insert(), [{
            "code": new_code(), "organisation_id": org.id, "name": f"Henkilö {i}", "education": "", "work_history": "",
            "skills_text": "", "skills_folded": "", "desired_work_text": "", "desired_work_folded": "",
            "limits_note": "", "support_intensity": "light", "peer_coach": "", "status": rnd.choice(statuses),
            "status_since": today, "intake_on": today - timedelta(days=rnd.randint(0, 500)),
            "next_follow_up": today + timedelta(days=rnd.randint(-10, 30)), "created_at": now, "updated_at": now}
            for i in range(TOTAL)])
        ids = [row[0] for row in db.session.execute(db.select(Candidate.id).order_by(Candidate.id))]
        db.session.execute(CandidateCoach.__table__.insert(),
                           [{"candidate_id": cid, "user_id": owner.id, "added_at": now}
                            for cid, owner in zip(ids, owners, strict=True)])
        db.session.execute(EmployerContact.__table__.insert(), [{
            "candidate_id": rnd.choice(ids), "contact_on": today - timedelta(days=rnd.randint(0, 90)), "note": "",
            "created_at": now} for _ in range(TOTAL * 3)])
        db.session.execute(AuditEvent.__table__.insert(), [{
            "at": now, "actor_id": coaches[0].id, "action": "candidate_read", "object_type": "candidate",
            "object_id": rnd.choice(ids), "organisation_id": org.id, "detail": {"part": "record"}}
            for _ in range(EVENTS)])
        db.session.add(OrganisationAdmin(organisation_id=org.id, user_id=coaches[0].id))
        db.session.commit()
        return {n: coaches[i].id for i, n in enumerate(SIZES)}, ids[0]


def timed(app, client, url, runs=RUNS):
    """Median and 95th percentile in ms, and the statements of one request."""
    from sqlalchemy import event

    from portal.extensions import db

    client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    statements = []
    with app.app_context():
        engine = db.engine
    listener = lambda *a: statements.append(a[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    client.get(url)
    event.remove(engine, "before_cursor_execute", listener)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(statements)


def main() -> None:
    from portal import create_app
    from portal.accounts.models import User
    from portal.config import testing_overrides
    from portal.extensions import db
    from tests.conftest import sign_in

    tmp = tempfile.mkdtemp()
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.db"
    app = create_app({**testing_overrides(), "DATABASE_URL": url})
    started = time.perf_counter()
    coach_ids, candidate_id = build(app)
    print(f"coaching bench: {TOTAL:,} candidates, {EVENTS:,} audit events; built in "
          f"{time.perf_counter() - started:.1f} s ({url.split(':')[0]})")
    client = app.test_client()
    for size, coach_id in coach_ids.items():
        with app.app_context():
            sign_in(client, db.session.get(User, coach_id))
        median, p95, queries = timed(app, client, "/coaching/")
        print(f"  caseload of {size:>5,}: median {median:6.1f} ms, p95 {p95:6.1f} ms, {queries} queries")
    with app.app_context():
        sign_in(client, db.session.get(User, coach_ids[SIZES[0]]))
    median, p95, queries = timed(app, client, f"/coaching/candidates/{candidate_id}")
    print(f"  candidate record:      median {median:6.1f} ms, p95 {p95:6.1f} ms, {queries} queries")
    median, p95, queries = timed(app, client, "/account")
    print(f"  (reference: the foundation's account page, same run: median {median:6.1f} ms, {queries} queries)")
    median, p95, queries = timed(app, client, "/coaching/audit")
    print(f"  provider audit log:    median {median:6.1f} ms, p95 {p95:6.1f} ms, {queries} queries "
          f"(grows by one event per read, as it should)")


if __name__ == "__main__":
    main()
