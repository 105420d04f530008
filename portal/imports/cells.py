"""Reading one typed cell of an imported row: text, dates, numbers, choices. ValueError names the problem code.

Dates are accepted as real Excel dates, or as text only in the two
unambiguous forms 31.12.2026 and 2026-12-31: "3/4/26" or "next Monday"
could mean more than one day, and a wrong guess would be written silently.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from portal.domain.text import clean_line
from portal.i18n import in_language

DATE_TEXT = (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"))
LIST_SEPARATORS = re.compile(r"[;\n]")
TRUE_WORDS = {"1", "x", "yes", "kyllä", "k", "ja", "true", "y"}
FALSE_WORDS = {"0", "no", "ei", "nej", "false", "n", "e"}


def empty(value) -> bool:
    """Whether a cell holds nothing (None or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def text(value, max_length: int = 200) -> str:
    """A cell as one line of text; code too_long when longer than allowed."""
    if empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    found = clean_line(str(value), 100_000)
    if len(found) > max_length:
        raise ValueError("too_long")
    return found


def day(value) -> date | None:
    """A date cell (None when empty); code not_a_date for text that is not an unambiguous date."""
    if empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = str(value).strip()
    for pattern in DATE_TEXT:
        match = pattern.match(raw)
        if match:
            parts = [int(p) for p in match.groups()]
            d, m, y = parts if pattern is DATE_TEXT[0] else parts[::-1]
            try:
                return date(y, m, d)
            except ValueError:
                break
    raise ValueError("not_a_date")


def whole(value, low: int, high: int) -> int | None:
    """A whole number within low..high (None when empty); codes not_a_number, out_of_range."""
    if empty(value):
        return None
    try:
        number = float(str(value).replace(",", ".").strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValueError("not_a_number") from None
    if not number.is_integer():
        raise ValueError("not_a_number")
    if not low <= number <= high:
        raise ValueError("out_of_range")
    return int(number)


def flag(value) -> bool:
    """A yes/no cell in any of the portal's languages (empty: no); code not_yes_no."""
    if empty(value):
        return False
    if isinstance(value, bool):
        return value
    word = str(value).strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("not_yes_no")


def lookup(labels: dict, langs=("fi", "sv", "en")) -> dict[str, str]:
    """code and label (in every language, case-folded) -> code, for choices typed by name."""
    found = {str(code).casefold(): code for code in labels}
    for lang in langs:
        with in_language(lang):
            found.update({str(label).casefold(): code for code, label in labels.items()})
    return found


def choice(value, names: dict[str, str]) -> str | None:
    """A code from a code or label (None when empty); code unknown_choice."""
    if empty(value):
        return None
    code = names.get(str(value).strip().casefold())
    if code is None:
        raise ValueError("unknown_choice")
    return code


def choices(value, names: dict[str, str]) -> list[str]:
    """Codes from a list separated by semicolons or line breaks; code unknown_choice if any is unknown."""
    if empty(value):
        return []
    found = []
    for part in LIST_SEPARATORS.split(str(value)):
        if part.strip():
            found.append(choice(part, names))
    return list(dict.fromkeys(found))


def lines(value, max_items: int = 50, max_length: int = 100) -> list[str]:
    """Items of a list separated by semicolons or line breaks."""
    if empty(value):
        return []
    items = [clean_line(p) for p in LIST_SEPARATORS.split(str(value)) if clean_line(p)]
    if len(items) > max_items or any(len(i) > max_length for i in items):
        raise ValueError("too_long")
    return items


def read(values: dict, problems: dict, column: str, reader, *args):
    """Apply a reader to a column; on ValueError note (code, {}) under the column and give None."""
    try:
        return reader(values.get(column), *args)
    except ValueError as exc:
        problems.setdefault(column, (str(exc), {}))
        return None
