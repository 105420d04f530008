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
