"""What the cross-organisation attacks are made of (for tests/web/test_access_attacked*.py).

Every declared route (tests/access) whose URL names an object by its id is
attacked: a user of another organisation with the same role sends the request
with the id of a home organisation's object. The routes are read from the
declarations and the URL map, so a new route is attacked as soon as it is
declared. Write routes are posted a valid form: the one the owner's page
shows, filled as the owner would send it.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from flask import url_for
from sqlalchemy import select

from portal.extensions import db
from tests.access import PUBLIC, Route, all_routes

# The object a route acts on, by the most specific id argument of its URL.
ID_ARGS = (("entry_id", "ledger entry"), ("goal_id", "plan"), ("module_id", "coaching module"),
           ("consent_id", "consent"), ("clause_id", "clause"), ("procurement_id", "procurement"),
           ("placement_id", "placement"), ("proposal_id", "proposal"), ("job_id", "import job"),
           ("candidate_id", "candidate"), ("role_id", "role"), ("service_id", "directory service"),
           ("event_id", "event"), ("story_id", "story"), ("campaign_id", "campaign"),
           ("request_id", "join request"))
# Pages of a candidate's record that show or change one part of it, and other parts named by endpoint.
BY_ENDPOINT = {"coaching.assessment": "assessment", "coaching.plan": "plan", "coaching.plan_print": "plan",
               "coaching.goal_new": "plan", "coaching.contacts": "employer contact",
               "coaching.review": "coaching module",
               "coaching.module_new": "coaching module", "coaching.module_list": "coaching module",
               "coaching.consent_list": "consent", "coaching.consent_withdraw": "consent",
               "events.registrations": "event registration", "events.export_registrations": "event registration",
               "imports.progress": "import job"}
# Routes that take an id but are for the operator's administrators alone, who work across organisations.
ADMIN_ONLY = {"admin.organisation", "admin.user", "admin.user_active", "coaching.admin_erase",
              "campaigns.revoke_editor"}
# Routes open to every user of a role for published objects: attacked with a draft, which is nobody's but its owner's.
PUBLISHED_FOR_ALL = {"matching.role_candidates": ("role_id", "employer_draft")}
# Tables a refused request may still write to: the sign-in sessions of the test, and the audit trail.
VOLATILE_TABLES = {"user_session", "audit_event"}


@dataclass(frozen=True)
class Attack:
    """One request of a user of another organisation at an object of the home organisations."""

    route: Route
    kind: str
    attacker: str
    owner: str

    def url(self, world) -> str:
        """The URL with the home object's id (a draft for pages open to all for published objects)."""
        params = dict(self.route.params(world))
        if self.route.endpoint in PUBLISHED_FOR_ALL:
            arg, key = PUBLISHED_FOR_ALL[self.route.endpoint]
            params[arg] = world.ids[key]
        return url_for(self.route.endpoint, **params, **self.route.query(world))

    @property
    def label(self) -> str:
        """For messages: method, endpoint and attacker."""
        return f"{self.route.method} {self.route.endpoint} as {self.attacker}"


def object_kind(app, endpoint: str) -> str | None:
    """The kind of object the endpoint's URL names, or None when it names none."""
    if endpoint in BY_ENDPOINT:
        return BY_ENDPOINT[endpoint]
    arguments = set().union(*(rule.arguments for rule in app.url_map.iter_rules(endpoint)))
    return next((kind for arg, kind in ID_ARGS if arg in arguments), None)


def is_editor_route(app, endpoint: str) -> bool:
    """Whether the view is open to campaign editors (a permission any organisation's user may hold)."""
    from portal.campaigns.access import editor_required

    # Every view wrapped by editor_required runs the same wrapper code.
    return app.view_functions[endpoint].__code__ is editor_required(lambda: None).__code__


def attacks(app) -> list[Attack]:
    """Every (route, attacker) pair: each role allowed on an object route, played by another organisation."""
    found, seen = [], set()
    for route in all_routes():
        kind = object_kind(app, route.endpoint)
        if kind is None or route.allowed == PUBLIC or route.endpoint in ADMIN_ONLY:
            continue
        if is_editor_route(app, route.endpoint):
            pairs = [("other_editor", "editor")]
        else:
            pairs = [(f"other_{role}", role) for role in route.allowed if role != "admin"]
        for attacker, owner in pairs:
            key = (route.endpoint, route.method, repr(route.params), attacker)
            if key not in seen:
                seen.add(key)
                found.append(Attack(route, kind, attacker, owner))
    return found


def unattacked_object_routes(app) -> list[str]:
    """Non-public routes naming an object that no attack covers (must be the administrators' alone)."""
    covered = {a.route.endpoint for a in attacks(app)}
    return sorted({r.endpoint for r in all_routes() if r.allowed != PUBLIC and object_kind(app, r.endpoint)
                   and r.endpoint not in covered and r.endpoint not in ADMIN_ONLY})


class FormReader(HTMLParser):
    """The fields of a page's POST forms as a browser would submit them, untouched."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, dict[str, list[str]]]] = []
        self._form = self._select = self._textarea = None
        self._first_option, self._pressed = None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {} if (a.get("method") or "get").lower() == "post" else None
            if self._form is not None:
                self.forms.append((a.get("action") or "", self._form))
                self._pressed = False
            return
        start = {"button": self._button, "input": self._input, "select": self._select_start,
                 "option": self._option, "textarea": self._textarea_start}.get(tag)
        if self._form is not None and start:
            start(a)

    def _button(self, a):
        if (a.get("type") or "submit") == "submit":
            # Enter in a field presses the form's first submit button.
            if a.get("name") and not self._pressed:
                self._form.setdefault(a["name"], []).append(a.get("value") or "")
            self._pressed = True

    def _input(self, a):
        kind = (a.get("type") or "text").lower()
        if not a.get("name") or kind in ("checkbox", "radio") and "checked" not in a \
                or kind in ("submit", "button", "file", "reset"):
            return
        self._form.setdefault(a["name"], []).append(a.get("value") or ("on" if kind == "checkbox" else ""))

    def _select_start(self, a):
        if a.get("name"):
            self._select, self._first_option = a["name"], None

    def _option(self, a):
        if self._select:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._form.setdefault(self._select, []).append(value)

    def _textarea_start(self, a):
        if a.get("name"):
            self._textarea = a["name"]
            self._form[self._textarea] = [""]

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select:
            if self._select not in self._form and self._first_option is not None:
                self._form[self._select] = [self._first_option]
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline that opens a textarea's content.
            value = self._form[self._textarea][-1]
            self._form[self._textarea][-1] = value[2:] if value.startswith("\r\n") else value.removeprefix("\n")
            self._textarea = None


def owners_form(html: str, url: str) -> dict[str, list[str]]:
    """The page's form that posts to the URL (or to itself), as the owner's browser would send it."""
    reader = FormReader()
    reader.feed(html)
    path = url.split("?", 1)[0]
    for action, fields in reader.forms:
        if action in ("", url, path) or action.split("?", 1)[0] == path:
            return {name: list(values) for name, values in fields.items()}
    return {}


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table but the volatile ones, in a stable order."""
    db.session.expire_all()
    rows = {}
    for table in db.metadata.sorted_tables:
        if table.name not in VOLATILE_TABLES:
            rows[table.name] = sorted(tuple(map(repr, row)) for row in db.session.execute(select(table)))
    return rows
