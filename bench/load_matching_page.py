"""The coach's candidate matches page (/matching/candidates/<id>) rendered in process: CPU ms per request.

Production settings through the WSGI app's test client, on a generated region made by
`flask bench generate --targets FILE` (the page writes an audit event per read: give it a copy of the
region, not one another run must keep unchanged). Warms the open roles' profiles first, then renders the
page for the targets' candidates in turn, PASSES times, and prints the CPU and wall milliseconds a request
(CPU: the process's; other load on a shared machine still moves it, less than the wall time: compare runs
made alternately). --profile runs one pass under cProfile and prints its top items by cumulative and by own
time. Named load_* as bench/load.py's helpers are: it needs a generated database, so `make bench-scripts`
(which runs the others without arguments) leaves it out.

Run: .venv/bin/python bench/load_matching_page.py --database postgresql://postgres@127.0.0.1/ote_bench_x
     --targets targets.json [--candidates 50] [--passes 3] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BASE = "https://localhost"


def client_for(database: str, coach_email: str):
    """The app in production settings and a test client signed in as the coach (a session row is written)."""
    from sqlalchemy import select

    from portal import create_app
    from portal.accounts.models import User, UserSession
    from portal.accounts.sessions import SESSION_KEY, token_hash
    from portal.extensions import db

    app = create_app({"PORTAL_ENV": "production", "SECRET_KEY": secrets.token_hex(32), "DATABASE_URL": database,
                      "PUBLIC_URL": BASE})
    client = app.test_client()
    token = secrets.token_urlsafe(32)
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == coach_email))
        db.session.add(UserSession(token_hash=token_hash(token), user_id=user.id))
        db.session.commit()
    with client.session_transaction(base_url=BASE) as sess:
        sess[SESSION_KEY] = token
    return app, client


def one_pass(client, paths: list[str]) -> tuple[float, float]:
    """(CPU ms, wall ms) a request, over every path once."""
    cpu, wall = time.process_time(), time.perf_counter()
    for path in paths:
        response = client.get(path, base_url=BASE)
        assert response.status_code == 200, (path, response.status_code)
    n = len(paths)
    return (time.process_time() - cpu) * 1000 / n, (time.perf_counter() - wall) * 1000 / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--targets", required=True)
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    opts = parser.parse_args()
    targets = json.loads(Path(opts.targets).read_text())
    app, client = client_for(opts.database, targets["logins"]["coach"])
    paths = [f"/matching/candidates/{i}" for i in targets["candidate_ids"][:opts.candidates]]
    one_pass(client, paths[:3])  # the open roles' profiles are built once, not measured
    passes = [one_pass(client, paths) for _ in range(opts.passes)]
    for cpu, wall in passes:
        print(f"  {len(paths)} pages: CPU {cpu:6.1f} ms a request, wall {wall:6.1f} ms")
    print(f"median of {opts.passes} passes: CPU {statistics.median(p[0] for p in passes):.1f} ms, "
          f"wall {statistics.median(p[1] for p in passes):.1f} ms a request")
    if opts.profile:
        profile = cProfile.Profile()
        profile.runcall(one_pass, client, paths)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(opts.top)
        pstats.Stats(profile).sort_stats("tottime").print_stats(opts.top)


if __name__ == "__main__":
    main()
