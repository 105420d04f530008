"""Load test of the key pages: gunicorn on PostgreSQL with a generated region, driven by wrk (make bench).

Creates its own database (ote_bench_*, dropped afterwards), migrates it,
generates the region (`flask bench generate --scale SCALE`), starts the
portal under gunicorn (gthread workers, production settings, 127.0.0.1
only), signs in once per role through the real login form (CSRF token and
all) and hands the session cookie to wrk, which keeps CONNECTIONS
connections busy on each page for DURATION seconds. Prints, per page,
requests per second, p50, p95 and p99 and the errors (any answer but 200),
beside /healthz measured in the same run: the framework's floor; and the CPU
time a request costs the portal and its database (bench/load_cpu.py), which
other load on a shared machine changes far less than rates and latencies.

Targets: no errors; p95 under 150 ms on every key page; every key page at
least a fifth of /healthz's throughput.

Run: .venv/bin/python bench/load.py [--scale 1] [--duration 15] [--connections 16]
     [--database ote_bench_x --targets file.json]  (reuse a generated database, keep it)
     [--pages "role page,clause page"]
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load_http import etags_of, sign_in, wait_for
from bench.load_wrk import run_wrk

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PG = {"host": os.environ.get("PG_HOST", "127.0.0.1"), "port": int(os.environ.get("PG_PORT", 5432)),
      "user": os.environ.get("PG_USER", "postgres")}
P95_TARGET_MS, FLOOR_SHARE = 150.0, 0.2


def pages(t: dict) -> list[tuple[str, list[str], str | None]]:
    """(name, paths taken in turn, signed-in role) of every key page."""
    return [
        ("home page", ["/"], None),
        ("role search", ["/roles?q=siivooja", "/roles?q=varastotyontekija", "/roles?q=keittioapulainen&hours_max=30",
                         "/roles", "/roles?sort=title&page=3", "/roles?q=asiakaspalvelija+helsinki"], None),
        ("role page", [f"/roles/{i}" for i in t["role_ids"]], None),
        ("api roles", ["/api/v1/roles", "/api/v1/roles?q=siivooja", "/api/v1/roles?page=2"], None),
        ("officer dashboard", ["/procurements/"], "officer"),
        ("clause page", [f"/procurements/clauses/{i}" for i in t["clause_ids"]], "officer"),
        ("coach caseload", ["/coaching/"], "coach"),
        ("candidate matches", [f"/matching/candidates/{i}" for i in t["candidate_ids"][:50]], "coach"),
    ]


def ensure_wrk() -> str:
    """wrk's path; bench/ensure_wrk.sh installs Debian's package when it is missing and it may."""
    if shutil.which("wrk") is None:
        subprocess.run([str(ROOT / "bench" / "ensure_wrk.sh")], check=False)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is missing and could not be installed (apt-get install wrk)")
    return found


def admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(**PG, dbname="postgres", autocommit=True) as conn:
        conn.execute(sql)


def flask(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "flask"), *args], cwd=ROOT, env=env, check=True)


def machine() -> str:
    mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return f"{os.cpu_count()} cores, {int(mem.split()[1]) // 1024:,} MiB memory"


def load_now() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def start_portal(env: dict, port: int, workers: int, threads: int) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "gunicorn"), "--worker-class", "gthread", "--workers", str(workers), "--threads", str(threads),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def report(results: list[tuple[str, dict]], floor: dict) -> bool:
    print(f"\n{'page':20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
          f"{'of floor':>9} {'cpu ms':>7} {'in db':>6} {'idle req/s':>10}  targets")
    met = True
    for name, r in results:
        share = r["rps"] / floor["rps"] if floor["rps"] else 0
        key = not name.startswith("/healthz")
        ok = r["errors"] == 0 and (not key or (r["p95"] < P95_TARGET_MS and share >= FLOOR_SHARE))
        met &= ok
        ceiling = (os.cpu_count() or 1) * 1000 / r["cpu_ms"] if r["cpu_ms"] else 0
        print(f"{name:20} {r['rps']:8.1f} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} {r['errors']:7d} "
              f"{share:8.0%} {r['cpu_ms']:7.1f} {r['db_ms']:6.1f} {ceiling:10.0f}  {'met' if ok else 'MISSED'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("SCALE", 1)))
    parser.add_argument("--duration", type=int, default=int(os.environ.get("DURATION", 15)))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 4)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("THREADS", 4)))
    parser.add_argument("--database", help="an existing ote_bench_* database to reuse (kept afterwards)")
    parser.add_argument("--targets", help="the targets file written when that database was generated")
    parser.add_argument("--pages", default="", help="comma-separated page names to measure (default: all)")
    opts = parser.parse_args()
    wrk = ensure_wrk()
    reuse = opts.database is not None
    name = opts.database or f"ote_bench_{os.getpid()}_{secrets.token_hex(3)}"
    if not name.startswith("ote_bench_") or not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing database name {name!r}")
    work = Path(tempfile.mkdtemp(prefix="ote-bench-"))
    targets_file = Path(opts.targets) if opts.targets else work / "targets.json"
    env = {**os.environ, "FLASK_APP": "wsgi", "PORTAL_ENV": "production", "SECRET_KEY": secrets.token_hex(32),
           "DATABASE_URL": f"postgresql://{PG['user']}@{PG['host']}:{PG['port']}/{name}"}
    env.pop("REDIS_URL", None)
    print(f"machine: {machine()}; load average before: {load_now()}", flush=True)
    portal = None
    try:
        if not reuse:
            admin_sql(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
            # The generator refuses a production configuration: it fills the database as development.
            setup = {**env, "PORTAL_ENV": "development"}
            flask(setup, "db", "upgrade")
            flask(setup, "bench", "generate", "--scale", f"{opts.scale:g}", "--targets", str(targets_file))
        targets = json.loads(targets_file.read_text())
        port = 18000 + os.getpid() % 1000
        base = f"http://127.0.0.1:{port}"
        env["PUBLIC_URL"] = base  # production requires it; wrk asks for this host
        portal = start_portal(env, port, opts.workers, opts.threads)
        wait_for(base + "/healthz", 180, portal)
        cookies = {role: sign_in(base, targets["logins"][role], targets["password"]) for role in ("officer", "coach")}
        chosen = [p for p in pages(targets) if not opts.pages or p[0] in opts.pages.split(",")]
        print(f"gunicorn: {opts.workers} gthread workers x {opts.threads} threads on {base}; wrk: "
              f"{opts.connections} connections, {opts.duration} s a page; load average now: {load_now()}", flush=True)
        cpu = (portal.pid, name)
        results = [("/healthz (floor)", run_wrk(wrk, base, ["/healthz"], None, opts, cpu))]
        for page, paths, role in chosen:
            # Anonymous public pages as a revalidating browser (or the documented nginx) asks: If-None-Match.
            etags = etags_of(base, paths) if role is None else None
            results.append((page + (" (304)" if etags else ""),
                            run_wrk(wrk, base, paths, cookies.get(role), opts, cpu, etags)))
            print(f"  measured {page}: {results[-1][1]['rps']:.0f} req/s; load average {load_now()}", flush=True)
        results.append(("/healthz (again)", run_wrk(wrk, base, ["/healthz"], None, opts, cpu)))
        met = report(results, results[0][1])
        print(f"\nload average after: {load_now()} (1, 5, 15 min; {os.cpu_count()} cores)")
        print(f"targets (no errors, p95 < {P95_TARGET_MS:.0f} ms, >= {FLOOR_SHARE:.0%} of /healthz): "
              f"{'all met' if met else 'NOT all met'}")
        print("(304): anonymous public pages asked with If-None-Match holding the page's ETag, as a revalidating "
              "browser or the nginx proxy_cache of the README asks; 304 counts as served, "
              + ", ".join(f"{n}: {r['revalidated']:.0%} 304" for n, r in results if n.endswith("(304)")))
        print("cpu ms: CPU time of gunicorn and the database's PostgreSQL backends per request (in db: the "
              "backends' part); idle req/s: what the cores could serve at that cost with nothing else running")
    finally:
        if portal is not None:
            os.killpg(portal.pid, 15)
            portal.wait(timeout=30)
        if not reuse:
            admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
