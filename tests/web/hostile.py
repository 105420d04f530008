"""What hostile input is made of, and how the forms of a page are found (for tests/web/test_hostile_*.py).

The strategies generate what a browser would never send: control characters
and NUL bytes, huge strings, markup and script, SQL and path fragments, odd
unicode (right-to-left marks, zero-width and astral characters), numbers that
overflow, dates that do not exist, repeated and missing fields, unknown
fields, and a file where text was expected.
"""
from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# A few examples per route in `make test`; HOSTILE_EXAMPLES=200 for a long hunt.
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "4"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    derandomize=os.environ.get("HOSTILE_RANDOM", "0") != "1",
                    suppress_health_check=list(HealthCheck))

NASTY = [
    "", " ", "\x00", "a\x00b", "\x1b[31m", "\r\n\r\n", "\t", "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "' OR '1'='1' --", "1; DROP TABLE users",
    "../../../../etc/passwd", "%00", "%s%s%n", "{{7*7}}", "${7*7}", "=cmd|' /C calc'!A0", "+1", "-1", "0",
    "99999999999999999999999999", "-99999999999", "1e309", "NaN", "Infinity", "0x10", "1,5", "12.345.678",
    "2026-02-30", "0000-00-00", "9999-12-31", "31.12.2026", "true", "null", "[]", "{}", "\u202eevil",
    "\u200b", "\ufeff", "𝕏𝕐", "Å" * 3, "ä\u0308", "🙂" * 10, "a" * 255, "a" * 256,
]
_huge = st.builds(lambda char, n: char * n, st.sampled_from(["x", "ä", "<", "\x00", "🙂", " "]),
                  st.integers(min_value=1000, max_value=300_000))
VALUE = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=20),
    _huge,
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(lambda d: d.isoformat()),
)
FILE = st.binary(max_size=2048).map(lambda data: (io.BytesIO(data), "upload.xlsx"))


def form_data(fields: list[str], file_fields: list[str]):
    """A form body: any of the fields (and unknown ones) with nasty values, single or repeated, or missing."""
    names = st.sampled_from(sorted(set(fields) | {"unexpected", "id", "organisation_id", "role"}))
    single = st.dictionaries(names, st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3)), max_size=12)
    everything = st.fixed_dictionaries(dict.fromkeys(fields, VALUE))
    files = st.fixed_dictionaries({name: st.one_of(FILE, VALUE) for name in file_fields})
    return st.one_of(single, everything, st.tuples(everything, files).map(lambda pair: {**pair[0], **pair[1]}))


JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.sampled_from(NASTY),
              st.text(max_size=30)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children,
                                                                                max_size=4)),
    max_leaves=12,
)


class FormFields(HTMLParser):
    """The names of the fields of a page's forms, by method ('get' or 'post'), and which take a file."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, list[str]] = {"get": [], "post": []}
        self.files: list[str] = []
        self._method: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._method = (attrs.get("method") or "get").lower()
        elif tag in ("input", "select", "textarea", "button") and self._method and attrs.get("name"):
            name = attrs["name"]
            if name == "csrf_token":
                return
            if attrs.get("type") == "file":
                self.files.append(name)
            elif name not in self.fields[self._method]:
                self.fields[self._method].append(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._method = None


def fields_of(html: str) -> FormFields:
    """Parse a page and return its form fields."""
    parser = FormFields()
    parser.feed(html)
    return parser


def has_messages(html: str) -> bool:
    """Whether a re-rendered page tells the user what went wrong (error summary, field error or alert)."""
    return any(marker in html for marker in ('class="error-summary"', 'class="field-error"', 'role="alert"'))


@contextmanager
def module_world(app, build: Callable) -> Iterator:
    """One world for a whole test module (building it per test would cost minutes), with rate limits off
    (they have their own tests; here they would hide the answers); its tables are emptied at the end."""
    from portal.extensions import db, limiter
    from tests.conftest import empty_tables

    ctx = app.app_context()
    ctx.push()
    app.extensions["outbox"] = []
    limiter.enabled = False
    try:
        yield build()
    finally:
        limiter.enabled = True
        db.session.rollback()
        empty_tables()
        ctx.pop()
