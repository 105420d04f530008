"""schemathesis against /api/v1/openapi.json through the WSGI app: every answer keeps the document's promises.

schemathesis reads the document from the app itself and runs its engine as
its command line would, without a server: the document's examples, the
boundaries of every parameter (coverage), then generated valid and invalid
requests (fuzzing). Every answer must not be a 5xx, must conform to the
document (status code, content type, headers, body schema), must accept
what the document calls valid and refuse what it calls invalid. A few
published roles make the listing's items real. API_EXAMPLES sets the
generated examples per operation (default 40), API_SEED the seed.
"""
from __future__ import annotations

import contextvars
import os

import schemathesis
from schemathesis import engine
from schemathesis.engine import Status, events

from tests.access.employers import make_role
from tests.factories import make_org

EXAMPLES = int(os.environ.get("API_EXAMPLES", "40"))
SEED = int(os.environ.get("API_SEED", "2026"))  # the same requests on every run; another seed for a new hunt


def _market(db) -> None:
    a, b = make_org("employer", name="Siisti Oy"), make_org("employer", name="Varasto Ab")
    make_role(a, title="Toimistosiivooja", tasks="Toimistojen siivous aamuisin.", occupation_code="9112",
              hours_min=15, hours_max=25, adjustments=["part_time"])
    make_role(b, title="IT-tukihenkilö", kind="apprenticeship", municipality_code="091", hours_min=20,
              hours_max=30, remote="partly", adjustments=["remote_days", "quiet_workspace"])
    make_role(a, title="Keittiön työkokeilu", kind="work_trial", trial_weeks=8, hours_min=20, hours_max=30)
    db.session.commit()


def _failures(event) -> list[str]:
    """What went wrong in one finished scenario, one line per failed check."""
    lines = []
    for case_id, checks in event.recorder.checks.items():
        case = event.recorder.cases[case_id].value
        for check in checks:
            if check.failure_info is not None:
                failure = check.failure_info.failure
                lines.append(f"{event.phase}: {check.name}: {failure.title} ({failure.message.strip()[:200]}) "
                             f"for {case.method} {case.formatted_path} {case.query}")
    return lines or [f"{event.phase} {event.label}: {event.status}"]


def test_the_api_keeps_the_promises_of_its_openapi_document(app, db):
    _market(db)

    def isolated(environ, start_response):
        # Each request in an empty context, as in production (see tests.conftest.IsolatedClient).
        return contextvars.Context().run(app, environ, start_response)

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", isolated)
    schema.config.generation.update(max_examples=EXAMPLES, modes=["positive", "negative"])
    schema.config.seed = SEED
    problems, tested = [], set()
    for event in engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            if event.status != Status.SKIP:
                tested.add(event.label)
            if event.status in (Status.FAILURE, Status.ERROR):
                problems += _failures(event)
        elif isinstance(event, (events.NonFatalError, events.FatalError)):
            problems.append(f"schemathesis could not run: {event!r:.300}")
    assert "GET /api/v1/roles" in tested
    assert not problems, "\n".join(problems)
