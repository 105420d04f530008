"""portal.cache: one computation per worker for many threads, and the worker's unpickled copies bounded."""
from __future__ import annotations

import threading
import time

from portal.cache import cached


def test_threads_asking_at_once_on_a_cold_worker_compute_once(app, db):
    calls, answers = [], []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return "figures"

    def ask():
        with app.app_context():
            answers.append(cached("slow", (1,), ("ledger",), slow))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == ["figures"] * 6
    assert len(calls) == 1


def test_the_worker_holds_at_most_cache_held_answers_the_latest_used_kept(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "CACHE_HELD", 2)
    for n in range(3):
        cached("k", (n,), ("ledger",), lambda n=n: n)
    cached("k", (1,), ("ledger",), lambda: "computed again")  # still held: not computed
    held = app.extensions["cache_held"]
    assert len(held) == 2
    assert list(held.values()) == [2, 1]


def test_the_officers_board_is_rendered_once_until_its_data_or_address_changes(app, client, login_as, db,
                                                                                count_queries, monkeypatch):
    from datetime import timedelta

    from portal.clock import today
    from tests.access.procurements import make_clause, make_procurement
    from tests.factories import make_org

    officer = login_as("officer", language="en")
    start = today() - timedelta(days=100)
    item = make_procurement(officer.organisation, make_org("employer", name="Toimittaja Oy"), start=start,
                            end=start + timedelta(days=900))
    make_clause(item)
    db.session.commit()
    first = client.get("/procurements/").get_data(as_text=True)
    statements = count_queries()
    again = client.get("/procurements/").get_data(as_text=True)
    assert again == first
    assert not any(t in q for q in statements for t in ("employment_clause", "organisation.name")), statements
    assert "Toimittaja Oy" in client.get("/procurements/?sort=supplier").get_data(as_text=True)  # its own address
    item.supplier.name = "Uusi Nimi Oy"
    db.session.commit()
    assert "Uusi Nimi Oy" in client.get("/procurements/").get_data(as_text=True)
    assert any(key.startswith("board:") for key in app.extensions["cache_held"])
    monkeypatch.setitem(app.config, "HTTP_CACHE", False)  # development: rendered at every visit, never kept
    app.extensions["cache_held"].clear()
    assert "Uusi Nimi Oy" in client.get("/procurements/").get_data(as_text=True)
    assert not any(key.startswith("board:") for key in app.extensions["cache_held"])


def test_the_cache_clear_command_empties_the_cache_after_a_restore_by_hand(app, db):
    from portal.cache import cache

    cached("k", (1,), ("ledger",), lambda: "old answer")
    cache.set("left by the old data", 1)
    result = app.test_cli_runner().invoke(args=["cache-clear"])
    assert result.exit_code == 0 and "cleared" in result.output
    assert cache.get("left by the old data") is None and not app.extensions.get("cache_held")
