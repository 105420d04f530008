"""Faults: PostgreSQL connections killed under the portal, and a failure in the middle of a transaction.

The connection tests run only on PostgreSQL (TEST_DATABASE_URL, as `make test`
and CI set it): a second connection terminates the portal's backends with
``pg_terminate_backend``, between requests and during them. The portal must
answer again within five seconds without anybody restarting it, and every
write that was answered as done must still be there. The Redis fault is in
tests/web/test_rate_limit_storage.py; the mid-transaction failures are in
tests/web/test_faults_transactions.py and run on both databases.
"""
from __future__ import annotations

import os
import threading
import time
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url

from portal.audit.models import AuditEvent
from portal.db_types import utcnow
from portal.events.models import Event, Registration
from portal.extensions import db as _db
from tests.conftest import make_test_app
from tests.factories import make_org, make_user

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
                       reason="terminating backends needs PostgreSQL (TEST_DATABASE_URL)"),
]
RECOVERY_SECONDS = 5


def _admin_connection(database_url: str) -> psycopg.Connection:
    """A connection of its own to the test database, outside the portal's pool."""
    url = make_url(database_url)
    return psycopg.connect(host=url.host, port=url.port or 5432, user=url.username, password=url.password,
                           dbname=url.database, autocommit=True)


def _terminate_others(conn: psycopg.Connection) -> int:
    """Terminate every other backend of this database; how many were terminated."""
    rows = conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchall()
    return sum(1 for (done,) in rows if done)


def _event(capacity: int = 2000) -> int:
    org = make_org("operator")
    admin = make_user("admin", org)
    start = utcnow().replace(microsecond=0) + timedelta(days=10)
    item = Event(organisation_id=org.id, created_by_id=admin.id, title_fi="Rekrytointiaamu",
                 description_fi="Tule tapaamaan.", starts_at=start, ends_at=start + timedelta(hours=2),
                 place="Kirjasto", capacity=capacity, taken=0, published=True)
    _db.session.add(item)
    _db.session.commit()
    event_id = item.id
    # Hand the test's own connection back to the pool: killed there, pool_pre_ping replaces it.
    _db.session.commit()
    return event_id


def _register(client, event_id: int, n: int):
    return client.post(f"/events/{event_id}", data={"name": f"Kävijä {n}", "email": f"v{n}@example.com"})


def _answers_within(client, path: str, seconds: float) -> float:
    """Seconds until `path` answered 200 (polled every 50 ms); fails after `seconds`."""
    started = time.monotonic()
    while True:
        status = client.get(path).status_code
        elapsed = time.monotonic() - started
        if status == 200:
            return elapsed
        assert elapsed < seconds, f"{path} still answers {status} after {elapsed:.1f} s"
        time.sleep(0.05)


def _assert_whole(event_id: int, committed: set[str]) -> None:
    """Every answered sign-up is stored; seats, sign-ups and audit events agree (nothing half-written).

    A sign-up is pending until its email is confirmed: it is audited when made, and holds no seat.
    """
    _db.session.expire_all()
    emails = set(_db.session.scalars(select(Registration.email).where(Registration.event_id == event_id)))
    assert committed <= emails, f"answered as done but lost: {sorted(committed - emails)}"
    taken = _db.session.scalar(select(Event.taken).where(Event.id == event_id))
    audited = _db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "event_registration_requested", AuditEvent.object_id == event_id))
    seats = _db.session.scalar(select(func.count()).select_from(Registration).where(
        Registration.event_id == event_id, Registration.confirmed_at.is_not(None)))
    assert len(emails) == audited and taken == seats == 0


@pytest.fixture
def portal(database_url, db):
    """A portal that answers errors with its pages (as in production) instead of raising them in the test.

    Its sign-up limits per address are out of the way: these tests send hundreds from one test client.
    """
    return make_test_app(database_url, PROPAGATE_EXCEPTIONS=False, EVENT_SIGNUP_LIMIT="100000 per hour",
                         EVENT_SIGNUP_EVENT_LIMIT="100000 per hour")


def test_connections_killed_between_requests_are_replaced_at_once(portal, database_url, db):
    event_id = _event()
    client = portal.test_client()
    assert _register(client, event_id, 1).status_code == 302  # the pool now holds a live connection
    with _admin_connection(database_url) as admin:
        assert _terminate_others(admin) >= 1
    # pool_pre_ping finds the dead connection on checkout and opens a new one: no error at all.
    assert _register(client, event_id, 2).status_code == 302
    assert client.get(f"/events/{event_id}").status_code == 200
    _assert_whole(event_id, {"v1@example.com", "v2@example.com"})


def test_a_connection_killed_inside_a_request_costs_that_request_only(portal, database_url, db):
    event_id = _event()
    client = portal.test_client()
    assert _register(client, event_id, 1).status_code == 302
    with portal.app_context():
        engine = _db.engine
    admin = _admin_connection(database_url)
    killed = []

    def kill_on_insert(conn, cursor, statement, parameters, context, executemany):
        # The pending sign-up row is being inserted (lapsed ones deleted before it): kill the backend then.
        if not killed and statement.lstrip().upper().startswith("INSERT INTO EVENT_REGISTRATION"):
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            killed.append(admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0])

    event.listen(engine, "before_cursor_execute", kill_on_insert)
    try:
        failed = _register(client, event_id, 2)
    finally:
        event.remove(engine, "before_cursor_execute", kill_on_insert)
        admin.close()
    assert killed == [True]
    # The lost connection is a temporary outage, said as such, never a half-done sign-up.
    assert failed.status_code == 503
    assert "Palvelu ei ole käytettävissä" in failed.get_data(as_text=True)
    assert _answers_within(client, f"/events/{event_id}", RECOVERY_SECONDS) < RECOVERY_SECONDS
    assert _register(client, event_id, 3).status_code == 302
    _assert_whole(event_id, {"v1@example.com", "v3@example.com"})
    assert _db.session.scalar(select(func.count()).select_from(Registration)
                              .where(Registration.email == "v2@example.com")) == 0


def test_backends_killed_again_and_again_during_requests_lose_no_committed_write(portal, database_url, db):
    event_id = _event()
    committed: set[str] = set()
    statuses: list[int] = []
    escaped: list[str] = []  # exceptions that got out of the portal instead of becoming an answer
    stop = threading.Event()

    def sign_ups(worker: int):
        client = portal.test_client()
        n = 0
        while not stop.is_set():
            n += 1
            number = worker * 10_000 + n
            try:
                response = _register(client, event_id, number)
            except Exception as exc:  # noqa: BLE001  (recorded and asserted on below)
                escaped.append(repr(exc))
                continue
            statuses.append(response.status_code)
            if response.status_code == 302:
                committed.add(f"v{number}@example.com")

    workers = [threading.Thread(target=sign_ups, args=(w,)) for w in range(3)]
    for w in workers:
        w.start()
    killed = 0
    try:
        with _admin_connection(database_url) as admin:
            for _ in range(8):  # 2 s of killing, every 250 ms
                time.sleep(0.25)
                killed += _terminate_others(admin)
        time.sleep(1)  # and a second of quiet, in which every sign-up must go through
    finally:
        stop.set()
        for w in workers:
            w.join(timeout=30)
    assert killed > 0
    assert not escaped, escaped
    # A request whose connection died answers 503 (a temporary outage), never 500; none hangs.
    assert set(statuses) <= {302, 503}, sorted(set(statuses))
    assert statuses.count(302) > 0
    recovery = _answers_within(portal.test_client(), f"/events/{event_id}", RECOVERY_SECONDS)
    print(f"killed {killed} backends; {len(statuses)} sign-ups tried, {len(committed)} done; "
          f"answering again after {recovery:.2f} s")
    _assert_whole(event_id, committed)
