"""Change counters: a number per kind of data that every committed write of that data raises.

Answers that take long to compute (the officer dashboard's figures, the
open roles' matching profiles) and the ETags of public pages are keyed by
the counters of the data they read, so a new write gives them a new key.
Writes are noted in the session's before_flush (every ORM write path; a
Core statement calls note() itself) and counted in the committing
transaction itself, just before its COMMIT: the counter and the data commit
together or not at all, a rolled-back write is never counted, and SQLite
never waits on a second connection of our own. A savepoint's writes count
only with the outer commit, and not at all when the savepoint rolls back.
"""
from __future__ import annotations

from flask import current_app, has_request_context, request
from sqlalchemy import Integer, String, event, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column

from portal.extensions import db

PENDING = "portal.versions.pending"  # session.info: {transaction: names written in it, not yet committed}
READ = "portal.versions.read"  # request.environ: the counters as this request read them
_watched: dict[type, set[str]] = {}
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
    session = session or db.session()
    innermost = session.get_nested_transaction() or session.get_transaction()
    session.info.setdefault(PENDING, {}).setdefault(innermost, set()).update(names)


def pending(session: Session | None = None) -> set[str]:
    """The kinds the session has written and not yet committed."""
    return set().union(*(session or db.session).info.get(PENDING, {}).values())


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


@event.listens_for(Session, "before_commit")
def _count_in_the_commit(session: Session) -> None:
    # Fired for a savepoint's release too: its writes are committed only with the outer transaction.
    if session.in_nested_transaction():
        return
    session.flush()  # what is still to be written is noted by before_flush now, not after the counting
    names = pending(session)
    session.info.pop(PENDING, None)
    if names and _available(session):
        connection = session.connection()
        upsert = _UPSERT[connection.dialect.name]
        for name in sorted(names):  # one order: two committing writers never wait on each other in a circle
            # One statement, so two first writers of a kind never collide on its insert.
            connection.execute(upsert(DataVersion).values(name=name, value=1).on_conflict_do_update(
                index_elements=[DataVersion.name], set_={"value": DataVersion.value + 1}))


@event.listens_for(Session, "after_rollback")
def _forget_a_rolled_back_savepoint(session: Session) -> None:
    savepoint = session.get_nested_transaction()  # fired while the savepoint rolled back is still current
    if savepoint is not None:
        session.info.get(PENDING, {}).pop(savepoint, None)


@event.listens_for(Session, "after_transaction_end")
def _pass_a_released_savepoint_up(session: Session, transaction: SessionTransaction) -> None:
    found = session.info.get(PENDING, {})
    names = found.pop(transaction, None)
    if names and transaction.nested and transaction.parent is not None:
        found.setdefault(transaction.parent, set()).update(names)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous: SessionTransaction) -> None:
    if previous.parent is None:  # the whole transaction
        session.info.pop(PENDING, None)


def _available(session: Session) -> bool:
    """Whether the counters' table exists (before `flask db upgrade` writes are not counted)."""
    found = current_app.extensions.get("versions_available")
    if not found:  # asked again until it is there: `flask db upgrade` may run in the same process
        found = inspect(session.connection()).has_table(DataVersion.__tablename__)
        current_app.extensions["versions_available"] = found
    return found


def current(*names: str) -> tuple[int, ...] | None:
    """The counters as committed now, or None when no cached answer may be used in this request.

    None while the request's own session holds writes not yet committed: a
    cached answer would not show them, and an answer computed from them
    must not be cached (they may roll back).
    """
    session = db.session
    if pending(session) or session.new or session.dirty or session.deleted or not _available(session):
        return None
    return version(*names)


def version(*names: str) -> tuple[int, ...]:
    """The counters as committed now (0 for a kind never written)."""
    counters = _read()
    return tuple(counters.get(name, 0) for name in names)


def _read() -> dict[str, int]:
    # All counters in one small query, once per request: a public page's ETag and the cached figures it
    # shows then agree, and cost one statement between them. A commit of the request forgets them.
    held = request.environ if has_request_context() else {}
    if READ not in held:
        held[READ] = dict(db.session.execute(select(DataVersion.name, DataVersion.value)).all())
    return held[READ]


@event.listens_for(Session, "after_commit")
def _forget_read(session: Session) -> None:
    if has_request_context() and not session.in_nested_transaction():  # a savepoint's release commits nothing
        request.environ.pop(READ, None)
