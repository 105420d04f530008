"""Change counters: a number per kind of data that every committed write of that data raises.

A page whose figures take long to compute (the officer dashboard, a
candidate's matches) keeps its answer per worker together with the counters
it was computed under, and computes again as soon as they differ. Writes are
noted in the session's before_flush (every ORM write path, present and
future; a Core statement calls note() itself) and counted right after the
commit, in a short transaction of their own: a long import never holds a
counter's row lock, so writers of different data never wait on each other.
Between a commit and its count a reader may keep new data under the old
number; the count then sends the next reader to compute again.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from typing import TypeVar

from flask import current_app
from sqlalchemy import Integer, String, event, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column

from portal.extensions import db

log = logging.getLogger(__name__)
T = TypeVar("T")
PENDING = "portal.versions.pending"  # session.info: names written in the open transaction
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


def note(*names: str, session: Session | None = None) -> None:
    """Count these kinds when the session's transaction commits (for writes the ORM does not see)."""
    (session or db.session).info.setdefault(PENDING, set()).update(names)


@event.listens_for(Session, "before_flush")
def _note_writes(session: Session, flush_context, instances) -> None:
    found: set[str] = set()
    for obj in (*session.new, *session.deleted):
        found |= _watched.get(type(obj), set())
    for obj in session.dirty:
        names = _watched.get(type(obj))
        # Collections too: emptying a role's list of adjustments deletes its rows only during the flush.
        if names and session.is_modified(obj):
            found |= names
    if found:
        note(*found, session=session)


@event.listens_for(Session, "after_commit")
def _count_committed(session: Session) -> None:
    # SQLAlchemy fires after_commit for a released savepoint too: its writes are committed only with
    # the outer transaction (counting them earlier let a reader keep old data under the new number, and
    # on SQLite the counter's own connection waited on the still open transaction: "database is locked").
    if session.in_nested_transaction():
        return
    names = session.info.pop(PENDING, None)
    if names:
        bump(*names)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction; a savepoint's rollback may over-count, never under
        session.info.pop(PENDING, None)


def bump(*names: str) -> None:
    """Raise the counters now, in a transaction of their own; a failure is logged, not raised."""
    try:
        with db.engine.begin() as connection:
            upsert = _UPSERT[connection.dialect.name]
            for name in sorted(names):
                # One statement, so two first writers of a kind never collide on its insert.
                connection.execute(upsert(DataVersion).values(name=name, value=1).on_conflict_do_update(
                    index_elements=[DataVersion.name], set_={"value": DataVersion.value + 1}))
    except (SQLAlchemyError, RuntimeError):  # RuntimeError: a commit outside an application context
        # The data is committed; kept answers may then lag until their seconds pass.
        log.warning("change counters %s not raised", sorted(names), exc_info=True)


def _available() -> bool:
    """Whether the counters' table exists (an app started before `flask db upgrade` keeps nothing)."""
    found = current_app.extensions.get("versions_available")
    if found is None:
        found = inspect(db.engine).has_table(DataVersion.__tablename__)
        if not found:
            log.warning("table data_version is missing (run `flask db upgrade`): nothing is kept")
        current_app.extensions["versions_available"] = found
    return found


def current(*names: str) -> tuple[int, ...] | None:
    """The counters as committed now, or None when no kept answer may be used in this request.

    None without the counters' table, and while the request's own session
    holds writes not yet committed: a kept answer would not show them, and
    an answer computed from them must not be kept (they may roll back).
    """
    session = db.session
    if session.info.get(PENDING) or session.new or session.dirty or session.deleted or not _available():
        return None
    return version(*names)


def version(*names: str) -> tuple[int, ...]:
    """The counters as committed now (0 for a kind never written)."""
    rows = dict(db.session.execute(select(DataVersion.name, DataVersion.value)
                                   .where(DataVersion.name.in_(names))).all())
    return tuple(rows.get(name, 0) for name in names)


def kept_while_unchanged(key: tuple, names: tuple[str, ...], compute: Callable[[], T],
                         setting: str = "VERSIONED_SECONDS", seconds: float = 600) -> T:
    """compute()'s answer, kept by this worker until a counter of `names` moves (or `seconds` pass).

    key[0] names the kind of answer: each kind has its own store, so many
    answers of one kind never push out another's. The counters are read
    before computing: a write that lands meanwhile moves them past the kept
    number, so the next request computes again.
    """
    limit = current_app.config.get(setting, seconds)
    now = current(*names) if limit > 0 else None
    if now is None:
        return compute()
    # Per application: a test's fresh database starts its counters at 0 again.
    kept = current_app.extensions.setdefault("versioned", {}).setdefault(key[0], OrderedDict())
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
    try:
        with lock:
            yield
    finally:
        with _lock:
            if locks.get(key) is lock:
                locks.pop(key, None)
