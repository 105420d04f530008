"""Running an import: read and check every row, then write all of them in one transaction, or none.

The job row is committed while the file is read, every PROGRESS_EVERY rows,
so the progress page (polled by static/js/imports.js) sees how far it got;
nothing else is pending in the session while rows are only checked. The
rows are written only after the last one passed, in the same transaction
that marks the job done: a refusal or an error leaves no row behind. This is
the one service that commits by itself, because of that progress.
"""
from __future__ import annotations

import itertools
import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from portal.db_types import utcnow
from portal.excel import ExcelRejected, check_upload, declared_rows, read_rows
from portal.extensions import db
from portal.i18n import current_language
from portal.imports import messages, registry
from portal.imports.models import ImportJob

log = logging.getLogger(__name__)
PROGRESS_EVERY = 500
KEPT_PROBLEMS = 1000


def _rows(kind: registry.ImportKind, data: bytes):
    """The rows under the template's headers, in whichever language the file's template is in."""
    lang = current_language()
    attempts = [kind.headers_in(x) for x in [lang] + [x for x in registry.LANGS if x != lang]]
    for names in attempts + [list(h) for h in kind.former_headers]:
        rows = read_rows(data, names, max_rows=kind.max_rows)
        try:
            first = next(rows, None)
        except ExcelRejected as exc:
            if exc.code == "wrong_template":
                continue
            raise
        return itertools.chain([first] if first is not None else [], rows)
    raise ExcelRejected("wrong_template")


def new_job(kind: str, user, target_id: int | None, token: str | None, filename: str) -> ImportJob:
    """The job row, committed so that the progress answers at once."""
    if not token or db.session.scalar(select(ImportJob.id).where(ImportJob.token == token)) is not None:
        token = secrets.token_urlsafe(16)
    job = ImportJob(token=token, kind=kind, organisation_id=user.organisation_id, user_id=user.id,
                    target_id=target_id, filename=(filename or "")[:200], state="reading")
    db.session.add(job)
    db.session.commit()
    return job


def run(kind_name: str, data: bytes, user, target=None, token: str | None = None, filename: str = "") -> ImportJob:
    """Import a file of a kind for the user (into the target, e.g. a clause); returns the finished job."""
    kind = registry.get(kind_name)
    job = new_job(kind_name, user, getattr(target, "id", None), token, filename)
    job_id = job.id
    try:
        _check_and_write(kind, job, data, user, target)
    except Exception:
        log.exception("import %s of kind %s failed", job_id, kind_name)
        db.session.rollback()
        job = db.session.get(ImportJob, job_id)
        job.state, job.file_problem, job.finished_at = "failed", "failed", utcnow()
        db.session.commit()
    return job


def _finish(job: ImportJob, state: str, **fields) -> None:
    job.state, job.finished_at = state, utcnow()
    for name, value in fields.items():
        setattr(job, name, value)


def _check_and_write(kind, job: ImportJob, data: bytes, user, target) -> None:
    try:
        check_upload(data)
        job.rows_total = declared_rows(data)
        db.session.commit()
        items, problems = _check_rows(kind, job, _rows(kind, data), kind.prepare(user, target))
    except ExcelRejected as exc:
        _finish(job, "rejected", file_problem=exc.code)
        db.session.commit()
        return
    if problems:
        _finish(job, "rejected", problem_count=len(problems), problems=problems[:KEPT_PROBLEMS])
    elif not items:
        _finish(job, "rejected", file_problem="no_rows")
    else:
        context = items.context
        job.state = "writing"
        count = kind.write(context, list(items), user)
        _finish(job, "done", imported=count)
    db.session.commit()


class Checked(list):
    """The checked items, with the context they were checked in (the writer needs it)."""

    context = None


def _check_rows(kind, job: ImportJob, rows, context) -> tuple[Checked, list[dict]]:
    items, problems = Checked(), []
    items.context = context
    existing = kind.existing_keys(context) if kind.existing_keys else set()
    seen: set = set()
    order = {c: i for i, c in enumerate(kind.columns)}
    for count, row in enumerate(rows, start=1):
        values = dict(zip(kind.columns, row.values.values(), strict=True))
        item, found = kind.check(context, values)
        key = kind.key(item) if kind.key and item is not None else None
        if key is not None and not found:
            if key in existing:
                found[kind.key_column] = ("duplicate", {})
            elif key in seen:
                found[kind.key_column] = ("duplicate_in_file", {})
        if key is not None:
            seen.add(key)
        problems += [{"row": row.number, "column": column, "code": code, "params": params}
                     for column, (code, params) in sorted(found.items(), key=lambda i: order.get(i[0], 99))]
        items.append(item)
        if count % PROGRESS_EVERY == 0:
            job.rows_read = count
            db.session.commit()
    job.rows_read = len(items)
    return items, problems


@dataclass(frozen=True)
class RowError:
    """A problem of an imported file: Excel row number, column name and message, in the reader's language."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class Rejection:
    """Why nothing was imported: a headline and the problems by row and column."""

    message: str
    errors: list[RowError]


def rejection(job: ImportJob) -> Rejection | None:
    """A rejected or failed job's problems in the user's language; None for a job that imported."""
    if job.state not in ("rejected", "failed"):
        return None
    kind = registry.get(job.kind)
    if job.file_problem:
        return Rejection(messages.file_message(job.file_problem, kind.file_messages, max=kind.max_rows), [])
    errors = [RowError(p["row"], kind.header(p["column"]) if p["column"] in kind.headers else "",
                       kind.message(p["code"], p["params"] or {})) for p in job.problems or []]
    return Rejection(messages.summary(job.problem_count), errors)
