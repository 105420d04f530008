"""Access rules of the Excel imports: employers import roles, coaches candidates; each sees only their own jobs.

A job page or its progress belongs to the user who sent the file: the other
home user of an allowed role gets 404 like users of other organisations.
The browser run checks the job pages in tests/browser/test_reports_imports.py,
where each is opened by its owner.
"""
from __future__ import annotations

from portal.extensions import db
from portal.imports.models import ImportJob
from tests.access import Route

USERS = ("employer", "coach")


def _job(world, who: str, kind: str, **fields) -> ImportJob:
    job = ImportJob(token=f"token-{who}-{kind}", kind=kind, organisation_id=world.users[who].organisation_id,
                    user_id=world.users[who].id, filename=f"{kind}.xlsx", **fields)
    db.session.add(job)
    db.session.flush()
    return job


def build(world) -> None:
    """A rejected roles import of the employer and a finished candidates import of the coach."""
    rejected = _job(world, "employer", "roles", state="rejected", rows_read=2, problem_count=1,
                    problems=[{"row": 2, "column": "title", "code": "required", "params": {}}])
    done = _job(world, "coach", "candidates", state="done", rows_read=3, imported=3)
    world.ids.update(employer_job=rejected.id, coach_job=done.id)


def _employer_job(w):
    return {"job_id": w.ids["employer_job"]}


def _coach_job(w):
    return {"job_id": w.ids["coach_job"]}


ROUTES = [
    Route("imports.index", USERS),
    Route("imports.index", USERS, query=lambda w: {"sort": "kind"}),
    Route("imports.roles_upload", ("employer",)),
    Route("imports.roles_upload", ("employer",), method="POST"),
    Route("imports.roles_template", ("employer",), kind="file"),
    Route("imports.candidates_upload", ("coach",)),
    Route("imports.candidates_upload", ("coach",), method="POST"),
    Route("imports.candidates_template", ("coach",), kind="file"),
    Route("imports.job", USERS, params=_employer_job, scoped=True, not_for=("coach", "second_coach"),
          browser=False),
    Route("imports.job", USERS, params=_coach_job, scoped=True, not_for=("employer", "second_coach"), browser=False),
    Route("imports.progress", USERS, params=lambda w: {"token": "token-coach-candidates"}, scoped=True,
          not_for=("employer", "second_coach"), kind="json"),
]
