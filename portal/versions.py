"""Change counters: a number per kind of data that every write of that data raises, in the same transaction.

A page whose figures take long to compute (the officer dashboard, a
candidate's matches) keeps its answer per worker together with the counter
it was computed under, and computes again as soon as the counter differs:
the answer is never older than the last committed write. Writes are seen in
the session's before_flush, so every ORM write path counts, present and
future; bulk Core statements do not pass there and call bump() themselves.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from typing import TypeVar

from flask import current_app
from sqlalchemy import Integer, String, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from portal.extensions import db

T = TypeVar("T")
_watched: dict[type, set[str]] = {}
_lock = threading.Lock()
_UPSERT = {"postgresql": pg_insert, "sqlite": sqlite_insert}


class DataVersion(db.Model):
    """How many times data of one kind has been written (ledger, roles, ...)."""

    __tablename__ = "data_version"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


def watch(name: str, *models: type) -> None:
    """Count every insert, change and delete of these models under the name."""
    for model in models:
        _watched.setdefault(model, set()).add(name)


def _names(session: Session) -> set[str]:
    found: set[str] = set()
    for obj in (*session.new, *session.deleted):
        found |= _watched.get(type(obj), set())
    for obj in session.dirty:
        names = _watched.get(type(obj))
        if names and session.is_modified(obj, include_collections=False):
            found |= names
    return found


@event.listens_for(Session, "before_flush")
def _count_writes(session: Session, flush_context, instances) -> None:
    names = _names(session)
    if names:
        bump(*names, session=session)


def bump(*names: str, session: Session | None = None) -> None:
    """Raise the counters (in the caller's transaction, so they count only if it commits)."""
    connection = (session or db.session).connection()
    upsert = _UPSERT[connection.dialect.name]
    for name in sorted(names):  # a fixed order: two writers never wait on each other crosswise
        # One statement, so two first writers of a kind never collide on its insert.
        connection.execute(upsert(DataVersion).values(name=name, value=1).on_conflict_do_update(
            index_elements=[DataVersion.name], set_={"value": DataVersion.value + 1}))


def version(*names: str) -> tuple[int, ...]:
    """The counters as committed now (0 for a kind never written)."""
    rows = dict(db.session.execute(select(DataVersion.name, DataVersion.value)
                                   .where(DataVersion.name.in_(names))).all())
    return tuple(rows.get(name, 0) for name in names)


def kept_while_unchanged(key: Hashable, names: tuple[str, ...], compute: Callable[[], T],
                         setting: str = "VERSIONED_SECONDS", seconds: float = 600) -> T:
    """compute()'s answer, kept by this worker until a counter of `names` moves (or `seconds` pass).

    The counters are read before computing: a write that lands meanwhile
    moves them past the kept number, so the next request computes again.
    """
    limit = current_app.config.get(setting, seconds)
    if limit <= 0:
        return compute()
    now = version(*names)
    # Per application: a test's fresh database starts its counters at 0 again.
    kept = current_app.extensions.setdefault("versioned", OrderedDict())
    found = _lookup(kept, key, now)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    with _computing(key):
        # One thread of the worker computes; the others that asked meanwhile wait for its answer.
        found = _lookup(kept, key, now)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = compute()
        with _lock:
            held = kept.get(key)
            if held is None or held[0] <= now:  # never replace a newer answer with an older one
                kept[key] = (now, time.monotonic() + limit, value)
                kept.move_to_end(key)
            while len(kept) > current_app.config.get("VERSIONED_ENTRIES", 256):
                kept.popitem(last=False)
    return value


_MISSING = object()


def _lookup(kept: OrderedDict, key: Hashable, now: tuple[int, ...]):
    with _lock:
        hit = kept.get(key)
        if hit is not None and hit[0] == now and hit[1] > time.monotonic():
            kept.move_to_end(key)
            return hit[2]
    return _MISSING


@contextmanager
def _computing(key: Hashable):
    locks = current_app.extensions.setdefault("versioned_locks", {})
    with _lock:
        lock = locks.setdefault(key, threading.Lock())
    with lock:
        yield
    with _lock:
        if locks.get(key) is lock:
            locks.pop(key, None)


def forget_all() -> None:
    """Drop every answer this application keeps (after a restore; tests)."""
    with _lock:
        current_app.extensions.get("versioned", OrderedDict()).clear()
