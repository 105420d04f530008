"""Change counters (portal.versions), raised in the committing transaction, and the cache they key (portal.cache)."""
from __future__ import annotations

import re
from datetime import timedelta

from portal.accounts.models import User
from portal.cache import cached
from portal.clock import today
from portal.extensions import db as _db
from portal.versions import note, version
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org


def _progress(page: str) -> list[int]:
    return [int(v) for v in re.findall(r'<progress max="100" value="(\d+)"', page)]


def _clause_of(officer, quantity=6):
    start = today() - timedelta(days=200)
    item = make_procurement(officer.organisation, make_org("employer", name="Toimittaja Oy"), start=start,
                            end=start + timedelta(days=900))
    clause = make_clause(item, quantity=quantity, deadline=start + timedelta(days=700))
    _db.session.commit()
    return item, clause


def test_every_committed_ledger_insert_change_and_delete_raises_the_counter(app, db, login_as):
    officer = login_as("officer")
    _, clause = _clause_of(officer)
    before = version("ledger")[0]
    entry = make_entry(clause)
    assert version("ledger")[0] == before  # counted at the commit, not at the flush
    db.session.commit()
    after_insert = version("ledger")[0]
    assert after_insert == before + 1
    entry.work_share = entry.work_share / 2
    db.session.commit()
    after_change = version("ledger")[0]
    assert after_change == after_insert + 1
    db.session.delete(entry)
    db.session.commit()
    assert version("ledger")[0] == after_change + 1


def test_unrelated_writes_and_writes_that_change_nothing_leave_the_counter_alone(app, db, login_as):
    officer = login_as("officer")
    _, clause = _clause_of(officer)
    db.session.commit()
    before = version("ledger")
    user = db.session.get(User, officer.id)
    user.name = "Uusi Nimi"
    clause.quantity = clause.quantity  # assigned, not changed
    db.session.commit()
    assert version("ledger") == before


def test_emptying_a_collection_counts_though_its_rows_go_only_during_the_flush(app, db, login_as):
    from tests.access.employers import make_role

    role = make_role(make_org("employer"), adjustments=["quiet_workspace"])
    db.session.commit()
    assert role.adjustments
    before = version("roles")
    role.adjustments = []
    db.session.commit()
    assert version("roles")[0] == before[0] + 1


def test_a_rolled_back_write_does_not_count(app, db, login_as):
    officer = login_as("officer")
    _, clause = _clause_of(officer)
    db.session.commit()
    before = version("ledger")
    make_entry(clause)
    db.session.rollback()
    db.session.commit()
    assert version("ledger") == before


def test_a_released_savepoint_counts_only_with_its_outer_commit(app, db, login_as, caplog):
    """A savepoint's release is no commit (proposals use one): counting it early made `flask seed demo`
    on SQLite wait 5 s on its own open transaction and print "database is locked"."""
    officer = login_as("officer")
    _, clause = _clause_of(officer)
    before = version("ledger")[0]
    with db.session.begin_nested():
        make_entry(clause)
    assert version("ledger")[0] == before  # released, not committed
    db.session.commit()
    assert version("ledger")[0] == before + 1
    assert "not raised" not in caplog.text


def test_a_rolled_back_savepoint_does_not_count_but_the_rest_of_its_transaction_does(app, db, login_as):
    from tests.access.employers import make_role

    officer = login_as("officer")
    _, clause = _clause_of(officer)
    employer = make_org("employer")  # organisations count as ledger data too (a supplier's name)
    db.session.commit()
    before = version("ledger", "roles")
    savepoint = db.session.begin_nested()
    make_entry(clause)
    savepoint.rollback()
    make_role(employer)
    db.session.commit()
    assert version("ledger", "roles") == (before[0], before[1] + 1)


def test_the_counter_commits_with_the_data_or_not_at_all(app, db, login_as):
    import pytest
    from sqlalchemy import event
    from sqlalchemy.exc import IntegrityError

    officer = login_as("officer")
    _, clause = _clause_of(officer)
    before = version("ledger")
    with _db.engine.connect() as other:  # another connection sees neither before the commit
        make_entry(clause)
        _db.session.flush()
        assert other.execute(_db.text("SELECT value FROM data_version WHERE name = 'ledger'")).scalar() == before[0]

    def fail_the_commit(session):
        raise IntegrityError("COMMIT", {}, Exception("refused"))

    make_entry(clause, person="EO-4321")
    event.listen(type(_db.session()), "before_commit", fail_the_commit)
    try:
        with pytest.raises(IntegrityError):
            _db.session.commit()
    finally:
        event.remove(type(_db.session()), "before_commit", fail_the_commit)
    _db.session.rollback()
    assert version("ledger") == before


def test_writers_of_a_kind_never_wait_on_its_counter_before_they_commit(app, db, login_as):
    import pytest
    from sqlalchemy import text, update

    from portal.versions import DataVersion

    if db.engine.dialect.name != "postgresql":
        pytest.skip("row locks: SQLite locks the whole file for any writer")
    officer = login_as("officer")
    _, clause = _clause_of(officer)
    db.session.commit()
    make_entry(clause)
    db.session.flush()
    # The counter's row is not touched by the open transaction: another connection may raise it at once.
    with db.engine.begin() as other:
        other.execute(text("SET LOCAL lock_timeout = '2s'"))  # a wait would fail here, not hang
        other.execute(update(DataVersion).where(DataVersion.name == "ledger").values(value=DataVersion.value + 1))
    db.session.commit()


def test_a_cached_answer_is_not_used_nor_stored_while_the_request_holds_uncommitted_writes(app, db, login_as):
    officer = login_as("officer")
    _, clause = _clause_of(officer)
    db.session.commit()
    assert cached("t2", (), ("ledger",), lambda: "before") == "before"
    make_entry(clause)
    assert cached("t2", (), ("ledger",), lambda: "uncommitted") == "uncommitted"
    db.session.rollback()
    assert cached("t2", (), ("ledger",), lambda: "again") == "before"


def test_a_write_counted_by_hand_counts_a_kind_never_written_before(app, db):
    assert version("never-seen", "other") == (0, 0)
    for _ in range(2):
        note("never-seen")
        db.session.commit()
    assert version("never-seen", "other") == (2, 0)


def test_a_request_reads_the_counters_once_and_again_only_after_its_own_commit(app, db, count_queries):
    with app.test_request_context("/"):
        statements = count_queries()
        first = version("ledger", "roles")
        assert version("roles") == first[1:]
        assert sum("data_version" in q for q in statements) == 1
        note("ledger")
        db.session.commit()  # the request's own write: what it reads next must show it
        assert version("ledger") == (first[0] + 1,)
        with db.session.begin_nested():
            note("roles")
        assert version("roles") == first[1:]  # a released savepoint commits nothing yet
        db.session.commit()
        assert version("roles") == (first[1] + 1,)


def test_a_cached_answer_is_computed_again_only_when_its_counter_moves(app, db):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cached("t", (1,), ("ledger",), compute) == 1
    assert cached("t", (1,), ("ledger",), compute) == 1
    note("ledger")
    db.session.commit()
    assert cached("t", (1,), ("ledger",), compute) == 2
    assert cached("t", (2,), ("ledger",), compute) == 3
    app.extensions.pop("cache_held", None)  # another worker: nothing held of its own
    assert cached("t", (2,), ("ledger",), compute) == 3 and len(calls) == 3  # from the shared cache


def test_the_dashboard_shows_a_new_entry_at_once_though_its_figures_are_cached(client, login_as, db):
    officer = login_as("officer", language="en")
    _, clause = _clause_of(officer, quantity=1)
    assert _progress(client.get("/procurements/").get_data(as_text=True)) == [0]
    assert _progress(client.get("/procurements/").get_data(as_text=True)) == [0]  # cached
    make_entry(clause, start=today() - timedelta(days=150))
    db.session.commit()
    page = client.get("/procurements/").get_data(as_text=True)
    assert _progress(page) == [100] and "Met" in page


def test_the_dashboard_shows_a_renamed_supplier_and_a_deleted_clause_at_once(client, login_as, db):
    officer = login_as("officer", language="en")
    item, clause = _clause_of(officer)
    assert "Toimittaja Oy" in client.get("/procurements/").get_data(as_text=True)
    item.supplier.name = "Uusi Toimittaja Oy"
    db.session.commit()
    assert "Uusi Toimittaja Oy" in client.get("/procurements/").get_data(as_text=True)
    db.session.delete(clause)
    db.session.commit()
    assert _progress(client.get("/procurements/").get_data(as_text=True)) == []


def test_two_buyers_never_see_each_others_cached_figures(client, login_as, db):
    first = login_as("officer", language="en")
    _clause_of(first)
    assert len(_progress(client.get("/procurements/").get_data(as_text=True))) == 1
    second = login_as("officer", language="en", email="toinen@example.org")
    assert second.organisation_id != first.organisation_id
    assert _progress(client.get("/procurements/").get_data(as_text=True)) == []


def test_the_board_of_cached_figures_follows_the_readers_language(client, login_as, db):
    officer = login_as("officer", language="en")
    _clause_of(officer)
    assert "Clauses by state" in client.get("/procurements/").get_data(as_text=True)
    client.get("/start?lang=sv")  # the officer switches to Swedish; the dashboard's address stays the same
    page = client.get("/procurements/").get_data(as_text=True)
    assert "Villkor efter status" in page and "Clauses by state" not in page


def test_a_clause_page_follows_its_ledger_and_is_still_refused_to_another_buyer(client, login_as, db):
    officer = login_as("officer", language="en")
    _, clause = _clause_of(officer, quantity=1)
    url = f"/procurements/clauses/{clause.id}"
    assert "EO-1234" not in client.get(url).get_data(as_text=True)
    make_entry(clause, person="EO-1234", start=today() - timedelta(days=150))
    db.session.commit()
    assert "EO-1234" in client.get(url).get_data(as_text=True)
    login_as("officer", email="toinen.ostaja@example.org")  # another buyer's officer who knows the id
    assert client.get(url).status_code == 404


def test_pages_of_cached_figures_are_escaped_like_the_rest(client, login_as, db):
    officer = login_as("officer", language="en")
    item, clause = _clause_of(officer)
    item.supplier.name = "<script>alert(1)</script> Oy"
    db.session.commit()
    for url in ("/procurements/", f"/procurements/clauses/{clause.id}"):
        client.get(url)
        page = client.get(url).get_data(as_text=True)  # from the cached figures
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Oy" in page and "<script>alert" not in page


def test_a_seat_taken_or_freed_with_a_core_update_counts_for_the_front_page(app, db):
    from portal.events import services as events
    from tests.web.test_events import make_event

    event = make_event(make_org("operator"))
    _db.session.commit()
    before = version("public")[0]
    registration, _mail = events.register(event.id, "Maija", "maija@example.org", "fi")
    events.confirm(registration)  # the seat is taken when the sign-up is confirmed
    _db.session.commit()
    assert version("public")[0] == before + 1
    events.cancel(registration)
    _db.session.commit()
    assert version("public")[0] == before + 2
