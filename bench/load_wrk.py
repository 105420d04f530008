"""wrk driver of bench/load.py: a Lua script that takes the paths in turn and counts every answer but 200.

Anonymous public pages are asked for as a revalidating browser (or the documented proxy) asks: with the
page's ETag in If-None-Match, so an unchanged page answers 304, which counts as served, not as an error.
"""
from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from bench.load_cpu import snapshot, spent

LUA = """
local threads, counter = {}, 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7)
  table.insert(threads, thread)
end
paths = {%(paths)s}
etags = {%(etags)s}
bad, revalidated = 0, 0
function init(args)
  i = offset or 0
end
function request()
  i = i + 1
  local path = paths[(i %% #paths) + 1]
  if etags[path] then return wrk.format("GET", path, {["If-None-Match"] = etags[path]}) end
  return wrk.format("GET", path)
end
function response(status, headers, body)
  if status == 304 then revalidated = revalidated + 1
  elseif status ~= 200 then bad = bad + 1
  elseif #paths == 1 and headers["ETag"] and etags[paths[1]] then etags[paths[1]] = headers["ETag"] end
end
function done(summary, latency, requests)
  local not_ok, fresh = 0, 0
  for _, t in ipairs(threads) do not_ok = not_ok + t:get("bad"); fresh = fresh + t:get("revalidated") end
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, not_ok, fresh))
end
"""


def run_wrk(wrk: str, base: str, paths: list[str], cookie: str | None, opts, cpu: tuple[int, str],
            etags: dict[str, str] | None = None) -> dict:
    """Drive the paths for opts.duration seconds after a short warm-up; rates and latencies in ms.

    etags: path -> ETag sent in If-None-Match (anonymous public pages); "revalidated" is the share of 304s.

    cpu is (gunicorn master pid, database name): the CPU time they spend in the measured run, per request.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % {"paths": ", ".join(f'"{p}"' for p in paths),
                            "etags": ", ".join(f'["{p}"] = \'{t}\'' for p, t in (etags or {}).items())})
    try:
        command = [wrk, "-t", "2", "-c", str(opts.connections), "--timeout", "10s", "-s", script.name]
        if cookie:
            command += ["-H", f"Cookie: {cookie}"]
        subprocess.run(command + ["-d", "3s", base], check=True, capture_output=True, text=True)  # warm-up
        before = snapshot(*cpu)
        out = subprocess.run(command + ["-d", f"{opts.duration}s", base], check=True, capture_output=True,
                             text=True).stdout
        after = snapshot(*cpu)
        cpu_seconds, db_seconds = spent(before, after), spent(before, after, "db:")
    finally:
        Path(script.name).unlink()
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if match is None:
        raise SystemExit(f"wrk printed no result:\n{out}")
    requests, duration_us, p50, p95, p99, socket_errors, not_ok, fresh = map(int, match.groups())
    return {"rps": requests / (duration_us / 1e6), "p50": p50 / 1000, "p95": p95 / 1000, "p99": p99 / 1000,
            "errors": socket_errors + not_ok, "requests": requests, "revalidated": fresh / requests if requests else 0,
            "cpu_ms": cpu_seconds * 1000 / requests if requests else 0.0,
            "db_ms": db_seconds * 1000 / requests if requests else 0.0}
