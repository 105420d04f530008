"""The audit log's filters, read from the query string: person, action, candidate code, dates, order."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from portal.audit.labels import ACTION_LABELS
from portal.inputs import typed_date

MAX_TEXT = 100


@dataclass(frozen=True)
class AuditFilters:
    """What the reader asked for; empty values filter nothing."""

    who: str = ""
    action: str = ""
    code: str = ""
    since: date | None = None
    until: date | None = None
    oldest_first: bool = False

    def query(self) -> dict[str, str]:
        """The filters as query arguments, for the page links and the download."""
        args = {"who": self.who, "action": self.action, "code": self.code,
                "since": self.since.isoformat() if self.since else "",
                "until": self.until.isoformat() if self.until else "",
                "sort": "at" if self.oldest_first else ""}
        return {k: v for k, v in args.items() if v}


def _date(args, name: str, errors: dict[str, str]) -> date | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return typed_date(raw)
    except ValueError:
        errors[name] = _("Give the date as a calendar date, for example 2026-12-31.")
        return None


def parse_filters(args) -> tuple[AuditFilters, dict[str, str]]:
    """The filters of a request and, by query argument, what was wrong with them (that filter is left out)."""
    errors: dict[str, str] = {}
    who = (args.get("who") or "").strip()
    code = (args.get("code") or "").strip().upper()
    if len(who) > MAX_TEXT:
        errors["who"] = _("Write at most %(n)s characters.", n=MAX_TEXT)
        who = ""
    if len(code) > 16:  # the candidate code column's length
        errors["code"] = _("A candidate code has at most 16 characters.")
        code = ""
    action = args.get("action") or ""
    if action and action not in ACTION_LABELS:
        errors["action"] = _("Choose the action from the list.")
        action = ""
    since, until = _date(args, "since", errors), _date(args, "until", errors)
    if since and until and until < since:
        errors["until"] = _("The end of the period cannot be before its start.")
        until = None
    filters = AuditFilters(who=who, action=action, code=code, since=since, until=until,
                           oldest_first=args.get("sort") == "at")
    return filters, errors
