"""Error pages in the user's language; JSON answers under /api/."""
from __future__ import annotations

import json
import logging
import secrets
from html import escape

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from jinja2 import pass_context
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError
from wtforms import Form

from portal.extensions import db

log = logging.getLogger(__name__)

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Please go back and try again.")),
    403: (_l("No access"), _l("You do not have access to this page.")),
    404: (_l("Page not found"), _l("The page you asked for does not exist or is not available to you.")),
    405: (_l("Method not allowed"), _l("This address does not accept that kind of request.")),
    413: (_l("File too large"), _l("The data you sent is larger than the portal accepts.")),
    429: (_l("Too many attempts"), _l("There have been too many attempts. Please wait a while and try again.")),
    500: (_l("Something went wrong"), _l("An error occurred on our side. It has been logged; please try again later.")),
    503: (_l("Service unavailable"), _l("The service is temporarily unavailable. Please try again shortly.")),
}
CSRF_MESSAGE = _l("The form had expired or was sent from elsewhere. Please reload the page and send it again.")


class ServiceError(Exception):
    """A business action refused; `message` is shown to the user, `field` names the input.

    `errors` holds every refused input (field name, or "" for the whole form -> message),
    so one helper, show_refusal, shows any refusal.
    """

    def __init__(self, message, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.errors = {field or "": message}


class FieldErrors(ServiceError):
    """Several inputs refused at once: field name (or "" for the form) -> message."""

    def __init__(self, errors: dict[str, str]):
        field, message = next(iter(errors.items()))
        super().__init__(message, field or None)
        self.errors = dict(errors)


def show_refusal(form, exc: ServiceError) -> None:
    """Undo what the refused action half-wrote and put each message on its field (or on the form)."""
    db.session.rollback()
    for name, message in exc.errors.items():
        target = getattr(form, name, None) if name else None
        (target.errors if target is not None else form.form_errors).append(message)


@pass_context
def page_refused(context) -> bool:
    """Whether the page shows a refused form or file (any form in it with errors), for the title's "Error:".

    The layout renders the title before the page's content, so it asks the page's data, not its markup.
    """
    values = context.get_all().values()
    return any(isinstance(v, Form) and bool(v.errors) for v in values) or bool(context.get("rejected"))


# The page when the usual one cannot be made (a template, the session or a translation failed): no
# template, no lookups, every value escaped. The security headers are added after it like after any answer.
PLAIN_PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body><main><h1>{title}</h1><p>{detail}</p><p>{code_line}</p><p>{reference_line}</p>
<p><a href="/">OTE</a></p></main></body>
</html>
"""


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _render(code: int, detail=None, reference: str | None = None):
    """The error page (JSON under /api/); a plain page with a logged reference if the usual one fails."""
    try:
        title, text = MESSAGES.get(code, MESSAGES[500])
        detail = detail or text
        if _wants_json():
            extra = {"reference": reference} if reference else {}
            return jsonify(error=str(title), detail=str(detail), status=code, **extra), code
        return render_template("errors/error.html", code=code, title=title, detail=detail,
                               reference=reference), code
    except Exception:  # the last page there is: it must not fail
        reference = reference or secrets.token_hex(4)
        log.exception("error reference %s: the %s page could not be made for %s %r; answered with the plain one",
                      reference, code, request.method, request.path)
        return _plain(code, detail, reference)


def _text(value, fallback: str) -> str:
    try:
        return str(value)
    except Exception:  # noqa: BLE001 (a translation that fails leaves the English words)
        return fallback


def _plain(code: int, detail, reference: str):
    """An error answer built from strings alone."""
    title, text = MESSAGES.get(code, MESSAGES[500])
    title = _text(title, "Error")
    detail = _text(detail or text, "")
    if request.path.startswith("/api/"):
        body = json.dumps({"error": title, "detail": detail, "status": code, "reference": reference})
        return current_app.response_class(body, status=code, mimetype="application/json")
    page = PLAIN_PAGE.format(
        lang="en", title=escape(title), detail=escape(detail), code_line=f"Error code {code}",
        reference_line=f"Error reference {escape(reference)}")
    return current_app.response_class(page, status=code, mimetype="text/html")


def handle_http(exc: HTTPException):
    """Render any HTTP error with our page."""
    return _render(exc.code or 500)


def handle_refused_host(exc: SecurityError):
    """A Host header that is malformed or not in TRUSTED_HOSTS: 400, logged (a misconfigured proxy shows here)."""
    log.warning("refused host %.100r: %s %r", request.headers.get("Host"), request.method, request.path)
    return _render(400)


def handle_csrf(exc: CSRFError):
    """A missing or stale CSRF token: 400 with a clear reason (logged: it may be a forged request)."""
    log.warning("CSRF check failed (%s): %s %r", exc.description, request.method, request.path)
    return _render(400, CSRF_MESSAGE)


def handle_500(exc: Exception):
    """Roll back whatever was half-done, then show the 500 page with a reference to quote to support."""
    reference = secrets.token_hex(4)
    try:
        db.session.rollback()
    except Exception:  # a dead connection must not cost the user the page
        log.exception("error reference %s: the rollback failed", reference)
    # Flask has just logged the traceback; this line ties it to what the user sees.
    # %r: a path is decoded, and a newline in it must not forge a log line.
    log.error("error reference %s: %s %r", reference, request.method, request.path)
    return _render(500, reference=reference)


def handle_database_error(exc: DBAPIError):
    """A lost database connection is a 503 (the pool replaces it for the next request); other errors stay 500s."""
    if not exc.connection_invalidated:
        raise exc
    log.warning("database connection lost during %s %s; answered 503", request.method, request.path,
                exc_info=exc)
    db.session.rollback()
    return _render(503)


def release_session(exc):
    """Teardown: end the request's session even when its connection died after the answer was made.

    Without this the failed ROLLBACK of a killed connection escapes from the
    teardown and loses an answer that was already complete; the pool has
    invalidated the connection, and the next request gets a new one.
    """
    try:
        db.session.remove()
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        log.warning("database connection lost while ending a request; its session was discarded")
        db.session.registry.clear()


def init_app(app: Flask) -> None:
    """Register the handlers."""
    # Registered after Flask-SQLAlchemy's own teardown, so it runs before it (teardowns run in reverse).
    app.teardown_appcontext(release_session)
    app.register_error_handler(DBAPIError, handle_database_error)
    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(SecurityError, handle_refused_host)
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(InternalServerError, handle_500)
    app.add_template_global(page_refused)
