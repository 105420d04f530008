"""Access rules for every view, scoped fetching, and security headers.

Every view declares who may use it with ``@public`` or ``@roles(...)``. A
single ``before_request`` guard enforces the declaration, and refuses any
endpoint that has none: forgetting a rule closes a page, it never opens it.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, abort, current_app, g, has_request_context, request
from flask_login import current_user

from portal.domain.roles import Role
from portal.extensions import db, login_manager

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccessRule:
    """Who may call a view: anybody (public) or signed-in users with these roles."""

    public: bool
    roles: frozenset[str] = frozenset()

    def allows(self, role: str | None) -> bool:
        """Whether a user with this role (None: anonymous) passes the rule."""
        return self.public or (role is not None and role in self.roles)


PUBLIC_RULE = AccessRule(public=True)
# Flask's own static endpoint serves public files only.
BUILTIN_RULES = {"static": PUBLIC_RULE}


def public(view: Callable) -> Callable:
    """Mark a view as open to everybody, signed in or not."""
    view.access_rule = PUBLIC_RULE
    return view


def roles(*allowed: str | Role) -> Callable[[Callable], Callable]:
    """Mark a view as open to signed-in users holding one of these roles."""
    names = frozenset(str(Role(r)) for r in allowed)
    if not names:
        raise ValueError("roles() needs at least one role")

    def mark(view: Callable) -> Callable:
        view.access_rule = AccessRule(public=False, roles=names)
        return view

    return mark


def signed_in(view: Callable) -> Callable:
    """Mark a view as open to every signed-in user, whatever the role."""
    return roles(*Role)(view)


def rule_for(app: Flask, endpoint: str) -> AccessRule | None:
    """The declared rule of an endpoint, or None when it declares none."""
    if endpoint in BUILTIN_RULES:
        return BUILTIN_RULES[endpoint]
    view = app.view_functions.get(endpoint)
    return getattr(view, "access_rule", None)


def enforce_access() -> None:
    """before_request: apply the endpoint's rule; no rule means no entry."""
    if request.endpoint is None:
        return None  # routing failed; the 404/405 handler answers
    rule = rule_for(current_app, request.endpoint)
    if rule is None:
        log.error("endpoint %s declares no access rule; refused", request.endpoint)
        abort(403)
    if rule.public:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not rule.allows(current_user.role):
        log.warning("access refused: user %s (%s) to %s %s", current_user.id, current_user.role,
                    request.method, request.endpoint)
        abort(403)
    return None


def get_or_404(stmt):
    """Run a scoped select for one object; a record outside the scope is a 404."""
    obj = db.session.execute(stmt).unique().scalar_one_or_none()
    if obj is None:
        # Missing and out of scope look the same to the user; the log keeps who asked where.
        if has_request_context():
            user = current_user.id if current_user.is_authenticated else None
            log.info("no object in scope: user %s at %s %r", user, request.method, request.path)
        abort(404)
    return obj


def security_headers(response):
    """after_request: the headers every response carries."""
    csp = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    )
    response.headers.setdefault("Content-Security-Policy", csp)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if request.path.startswith("/api/") and response.mimetype == "application/json":
        # Open data is for reading: a browser shows it (as JSON: nosniff, and the CSP forbids any script), and
        # one that saves it names the file api.json, never a name taken from the address (reflected download).
        response.headers.setdefault("Content-Disposition", 'inline; filename="api.json"')
    if current_app.config.get("HSTS"):
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    user = g.get("_login_user")  # only if this request already loaded it
    # is_anonymous reads no column: after a page commits its audit events the user is expired, and
    # is_authenticated (its `active` column) would reload it and its memberships, three round trips.
    if user is not None and not user.is_anonymous:
        # Pages of signed-in users hold personal data: never cache them.
        response.headers["Cache-Control"] = "no-store"
    return response
