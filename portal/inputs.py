"""Guards against input no page expects: non-form bodies, undeclared methods, numbers past the database's integers.

Flask-WTF reads a JSON body as the form's data when no form was sent, and
fails on anything but a flat object (a list, a number, a nested value). The
portal's pages never send JSON and its API only reads, so a body of another
type is refused before a view sees it, with the same clear answer as any
request the address does not take.

An id or a page number past the range of the database's integers reaches SQL
as a value the driver cannot bind (SQLite) or the column cannot hold
(PostgreSQL): such a number names nothing, so ids in paths and arguments are
bounded here and a page number out of range gives the first page. A number
is written in the digits 0-9: Python's int() also takes superscripts' kin,
other scripts' digits ('١٢') and underscores, which no form of the portal
means, so whole_number() refuses them. Nor can PostgreSQL's text hold a NUL
character, which no person types: a value with one is a 400.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from flask import abort, make_response, request
from werkzeug.exceptions import MethodNotAllowed, RequestEntityTooLarge
from werkzeug.routing import IntegerConverter

from portal.errors import MESSAGES, _render

FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
READING = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_ID = 2**31 - 1  # PostgreSQL's integer, the type of every id column
MAX_PAGE = 100_000  # at 100 a page, ten million rows: far past any list of the portal
FIRST_YEAR, LAST_YEAR = 1900, 2100  # no date of the portal is further off; the calendar ends at 9999
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DOTTED_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")  # 31.12.2026, as Finland writes it
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,18}")  # ASCII digits only; 18 of them stay within 64 bits


def refuse_other_bodies():
    """before_request: a write to a page whose body is neither a form nor empty gets a 400 that says so."""
    if request.method in READING or request.path.startswith("/api/"):
        return None
    limit = request.max_content_length
    if limit is not None and (request.content_length or 0) > limit:
        raise RequestEntityTooLarge()  # too large is the first thing wrong with it
    if not request.mimetype or request.mimetype in FORM_TYPES:
        return None
    return _render(400, MESSAGES[405][1])


def method_not_allowed(exc: MethodNotAllowed):
    """The 405 page, with the Allow header that names the methods the address takes (RFC 9110)."""
    response = make_response(_render(405))
    if exc.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))
    return response


class IdConverter(IntegerConverter):
    """The <int:...> of every route: a number past MAX_ID matches no route, so it is a 404."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=MAX_ID, signed=False):  # noqa: A002 (Werkzeug's names)
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def whole_number(value: str) -> int:
    """A whole number written in the digits 0-9 (a minus sign allowed), at most 18 of them; else ValueError."""
    if not isinstance(value, str) or not WHOLE_NUMBER.fullmatch(value.strip()):
        raise ValueError(f"{value!r:.40} is not a whole number")
    return int(value.strip())


def db_int(value: str) -> int:
    """An id from a query or form argument (as ``type=`` of ``args.get``); ValueError when it cannot be one."""
    number = whole_number(value)
    if not 0 <= number <= MAX_ID:
        raise ValueError(f"{value!r} is out of range")
    return number


def calendar_date(value: str) -> date:
    """A date written YYYY-MM-DD in a year FIRST_YEAR to LAST_YEAR (as ``type=``); else ValueError."""
    day = date.fromisoformat(value) if isinstance(value, str) and ISO_DATE.fullmatch(value) else None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{value!r:.40} is no date of the portal")
    return day


def typed_date(value: str) -> date:
    """A date typed by a person: YYYY-MM-DD or d.m.yyyy (31.12.2026), in the portal's years; else ValueError."""
    dotted = DOTTED_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if dotted:
        day, month, year = dotted.groups()
        value = f"{year}-{int(month):02d}-{int(day):02d}"
    return calendar_date(value)


def calendar_month(value: str) -> date:
    """The first day of a month written YYYY-MM, in a year FIRST_YEAR to LAST_YEAR (as ``type=``); else ValueError."""
    return calendar_date(f"{value}-01" if isinstance(value, str) and len(value) == 7 else "")


def optional_id(value) -> int | None:
    """A select's id (as ``coerce=``): None when it is not a whole number within the id columns' range."""
    try:
        return db_int(str(value))
    except ValueError:
        return None


def id_choice(value) -> int | None:
    """A select's id (as ``coerce=``): None for no choice; ValueError (the field's message) for what is no id."""
    if value in (None, "", "None"):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return db_int(value)


def local_path(target: str | None) -> str | None:
    """A path on this site to go on to (``?next=``), or None: never another host, never a control character.

    Browsers read a backslash as a slash and drop tabs and line breaks, so
    "/\\evil.example" or "/<TAB>/evil.example" would leave the site; a line
    break would also split the Location header.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def refuse_nul() -> None:
    """before_request: a NUL character in a query or form value is a 400 (no text column can store it)."""
    values = request.args.items(multi=True)
    if request.method not in READING and request.mimetype in FORM_TYPES:
        values = [*values, *request.form.items(multi=True)]
    if any("\x00" in key or "\x00" in value for key, value in values):
        abort(400)


def page_number() -> int:
    """The ?page= of a list page, or 1 when it is missing, not a number or out of range."""
    number = request.args.get("page", 1, type=whole_number)
    return number if 1 <= number <= MAX_PAGE else 1
