"""CPU time the portal spends per request, beside bench/load.py's rates: a figure the machine's other load
does not change much, where rates and latencies on a shared machine depend on what else runs.

Counts the gunicorn master and workers and the PostgreSQL backends serving the bench database, from
/proc (Linux): user and system time before and after a measurement.
"""
from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: str) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, or None once it has gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def snapshot(master: int, database: str) -> dict[str, float]:
    """"app:pid" or "db:pid" -> CPU seconds of the gunicorn master and workers, the database's backends."""
    found = {}
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        stat = _stat(pid)
        if stat is None:
            continue
        parent, seconds = stat
        if int(pid) == master or parent == master:
            found[f"app:{pid}"] = seconds
        elif f" {database} " in _cmdline(pid):
            found[f"db:{pid}"] = seconds
    return found


def spent(before: dict[str, float], after: dict[str, float], part: str = "") -> float:
    """CPU seconds spent between two snapshots, by every process or those of a part ("app", "db").

    A process started in between counts from zero.
    """
    return sum(seconds - before.get(key, 0.0) for key, seconds in after.items() if key.startswith(part))
