"""A form is filled, the transaction fails half-way, and nothing of it is found afterwards.

The failure is injected into the session: the first flush that would write
the audit event (services record it last, after their own rows are flushed)
raises. The request then answers 500, and every table holds exactly what it
held before. The same post without the failure succeeds, so the form was a
valid one. Runs on SQLite and on PostgreSQL.
"""
from __future__ import annotations

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from portal import clock
from portal.audit.models import AuditEvent
from portal.extensions import db as _db
from tests.conftest import make_test_app, sign_in
from tests.factories import PASSWORD
from tests.web.test_coaching import PROFILE
from tests.web.test_employers import FULL as ROLE
from tests.web.test_suppliers import ENTRY

# Changed by any request (a signed-in session is touched); not part of what a form writes.
NOT_COMPARED = {"user_session"}
TODAY = clock.today().isoformat()


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table (but NOT_COMPARED), as sorted text tuples."""
    _db.session.expire_all()
    rows = {}
    for table in _db.metadata.sorted_tables:
        if table.name in NOT_COMPARED:
            continue
        result = _db.session.execute(select(table))
        rows[table.name] = sorted(tuple(str(v) for v in row) for row in result)
    _db.session.commit()
    return rows


class FailingFlush:
    """Make the first flush that writes a new `model` raise; count the writes that went before it."""

    def __init__(self, model, engine):
        self.model, self.engine = model, engine
        self.writes_before = 0
        self.failed = False

    def _before_flush(self, session, flush_context, instances):
        if not self.failed and any(isinstance(o, self.model) for o in session.new):
            self.failed = True
            raise RuntimeError("injected failure in the middle of the transaction")

    def _count(self, conn, cursor, statement, *args):
        if not self.failed and statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self.writes_before += 1

    def __enter__(self):
        event.listen(Session, "before_flush", self._before_flush)
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc):
        event.remove(Session, "before_flush", self._before_flush)
        event.remove(self.engine, "before_cursor_execute", self._count)


def _coach_takes_in_a_candidate(world):
    return world.users["coach"], "/coaching/candidates/new", PROFILE


def _employer_publishes_a_role(world):
    return world.users["employer"], "/employer/roles/new", ROLE


def _supplier_records_a_ledger_entry(world):
    return world.users["employer"], f"/supplier/clauses/{world.ids['clause']}/entries/new", ENTRY


def _coach_places_a_candidate(world):
    data = {"kind": "job", "start_on": TODAY, "work_share": "100", "clause_id": str(world.ids["clause"])}
    return world.users["coach"], f"/placements/new/{world.ids['proposal_accepted']}", data


def _visitor_signs_up_for_an_event(world):
    return None, f"/events/{world.ids['event']}", {"name": "Kävijä", "email": "kavija@example.com"}


def _user_changes_the_password(world):
    return world.users["officer"], "/account/password", {"current": PASSWORD, "new": "Uusi-pitka-salasana-77",
                                                        "confirm": "Uusi-pitka-salasana-77"}


CASES = [_coach_takes_in_a_candidate, _employer_publishes_a_role, _supplier_records_a_ledger_entry,
         _coach_places_a_candidate, _visitor_signs_up_for_an_event, _user_changes_the_password]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__.strip("_"))
def test_a_failure_half_way_through_a_form_leaves_nothing_written(database_url, world, case):
    portal = make_test_app(database_url, PROPAGATE_EXCEPTIONS=False)
    user, url, data = case(world)
    client = portal.test_client()
    if user is not None:
        sign_in(client, user)
    before = snapshot()

    with portal.app_context():
        engine = _db.engine
    with FailingFlush(AuditEvent, engine) as failure:
        response = client.post(url, data=data)
    assert failure.failed, "the form never reached the audit event: the case is not testing anything"
    assert failure.writes_before > 0, "nothing was written before the failure: not a half-done transaction"
    assert response.status_code == 500
    assert "injected" not in response.get_data(as_text=True)
    assert snapshot() == before

    # The same form without the failure goes through: it was a valid one.
    assert client.post(url, data=data).status_code == 302
    assert snapshot() != before

