"""Choosing the language of a request, and formatting helpers for templates.

Order: an explicit ``?lang=`` (remembered in the session and, for a signed-in
user, saved as their setting), then the user's setting, then the language the
session remembers, then the browser's Accept-Language, then Finnish.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask, current_app, g, has_request_context, request, session
from flask_babel import force_locale, get_locale, to_user_timezone
from flask_login import current_user

from portal.domain.collation import sort_key
from portal.domain.text_language import guess_language
from portal.extensions import db
from portal.links import this_page

LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}
# The portal's Swedish is Finland-Swedish: Babel's plain "sv" is Sweden ("2026-12-07 09:00").
FORMAT_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en"}
# Babel's date-and-time patterns join date and time without "klo"/"kl." and show seconds and the
# zone in its long forms; these are how Finnish and Finland-Swedish texts write a moment.
MOMENT = {"fi": "d.M.yyyy 'klo' H.mm", "sv": "d.M.yyyy 'kl.' H.mm", "en": "MMM d, yyyy, h:mm a"}
MOMENT_LONG = {"fi": "EEEE d.M.yyyy 'klo' H.mm", "sv": "EEEE d.M.yyyy 'kl.' H.mm", "en": "EEEE, MMMM d, yyyy, h:mm a"}
CLOCK = {"fi": "H.mm", "sv": "H.mm", "en": "h:mm a"}
# A plain day as Finland writes it, in Swedish too (Babel's sv_FI "medium" is "15 jan. 2027").
DAY = {"fi": "d.M.yyyy", "sv": "d.M.yyyy"}
DASH = "\u2013"  # an en dash, unspaced between numbers and times ("9.00–11.00", "0,01–100 000")


def _supported() -> tuple[str, ...]:
    return current_app.config["LANGUAGES"]


def remember_language() -> None:
    """before_request: take ``?lang=`` and keep it for the session and the user."""
    lang = request.args.get("lang")
    if lang not in _supported():
        return
    if session.get("lang") != lang:
        session["lang"] = lang
    if current_user.is_authenticated and current_user.language != lang:
        current_user.language = lang
        db.session.commit()
    g.lang = lang


def select_locale() -> str:
    """Flask-Babel's locale selector, in the documented order."""
    if "lang" in g:
        return g.lang
    if current_user and current_user.is_authenticated and current_user.language in _supported():
        return current_user.language
    if session.get("lang") in _supported():
        return session["lang"]
    return request.accept_languages.best_match(_supported()) or current_app.config["BABEL_DEFAULT_LOCALE"]


def babel_locale() -> str:
    """The Babel locale of the chosen language: Flask-Babel's selector, so every format is Finland's.

    Translations are still found: gettext looks for sv_FI, then sv.
    """
    return FORMAT_LOCALES.get(select_locale(), select_locale())


def switch_url(lang: str) -> str:
    """The current page in another language (its query passed on, as far as it is safe: portal.links)."""
    return this_page(lang=lang)


@contextmanager
def in_language(lang: str | None) -> Iterator[None]:
    """Texts, dates and numbers in a language other than the request's (a mail in its reader's language).

    As babel_locale() does for requests, Swedish is Finland's (sv_FI): flask_babel's force_locale("sv")
    alone would write dates as Sweden does ("2027-01-15").
    """
    lang = lang or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(FORMAT_LOCALES.get(lang, lang)):
        yield


def current_language() -> str:
    """The two-letter code of the language this response is in."""
    locale = get_locale()
    return locale.language if locale else current_app.config["BABEL_DEFAULT_LOCALE"]


def author_language() -> str:
    """The portal language of whoever is writing: the request's, or the default in commands and demo data."""
    return current_language() if has_request_context() else str(current_app.config["BABEL_DEFAULT_LOCALE"])


def format_locale() -> Locale:
    """The locale numbers and dates are written in: the response's language, Swedish as in Finland."""
    return _parsed(FORMAT_LOCALES.get(current_language(), current_language()))


@lru_cache(maxsize=8)
def _parsed(identifier: str) -> Locale:
    # Parsing the identifier cost as much as formatting the number: a matches page formats some 50.
    return Locale.parse(identifier)


def localised(obj, field: str) -> str:
    """obj.<field>_<lang> in the current language, falling back to Finnish."""
    lang = current_language()
    return getattr(obj, f"{field}_{lang}", None) or getattr(obj, f"{field}_fi")


def written_lang(*texts: str) -> str:
    """The language of texts users write with no language recorded (plans, goals, desired work).

    Guessed from the texts themselves (portal.domain.text_language); with no texts, or too little
    evidence, the default language. Set as lang on those texts, so a screen reader on a Swedish or
    English page reads them in their own language (WCAG 3.1.2). Roles, events and services record
    theirs in a `language` column instead.
    """
    return guess_language(*texts) if texts else str(current_app.config["BABEL_DEFAULT_LOCALE"])


def date_filter(value, fmt: str = "medium") -> str:
    """|date: a date in the request's language ("" for none); a datetime is first moved to Finnish time."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    lang = current_language()
    if fmt in ("short", "medium") and lang in DAY:
        fmt = DAY[lang]
    return babel_dates.format_date(value, fmt, locale=format_locale())


def month_filter(value) -> str:
    """|month: a calendar month in words, "tammikuu 2026" / "januari 2026" ("" for none).

    Takes a date or "YYYY-MM" (the figures' month keys), never shown as such to a reader.
    """
    if not value:
        return ""
    if isinstance(value, str):
        year, month = value.split("-")[:2]
        value = date(int(year), int(month), 1)
    return babel_dates.format_date(value, "LLLL y", locale=format_locale())


def datetime_filter(value, fmt: str = "short") -> str:
    """|datetime: a moment in Finnish time, "7.12.2026 klo 9.00" ("" for none).

    "short"/"medium" give date and time, "long"/"full" add the weekday; any other
    value is a Babel pattern.
    """
    if not value:
        return ""
    lang = current_language()
    pattern = {"short": MOMENT, "medium": MOMENT, "long": MOMENT_LONG, "full": MOMENT_LONG}.get(fmt)
    chosen = pattern.get(lang, pattern["en"]) if pattern else fmt
    return babel_dates.format_datetime(to_user_timezone(value), chosen, locale=format_locale())


def time_span(start, end) -> str:
    """A start and end in Finnish time: "maanantaina 7.12.2026 klo 9.00–11.30"; both in full over days."""
    if not start:
        return ""
    if not end:
        return datetime_filter(start, "full")
    lang = current_language()
    if to_user_timezone(start).date() != to_user_timezone(end).date():
        return f"{datetime_filter(start, 'full')} {DASH} {datetime_filter(end, 'full')}"
    clock = babel_dates.format_datetime(to_user_timezone(end), CLOCK.get(lang, CLOCK["en"]), locale=format_locale())
    return f"{datetime_filter(start, 'full')}{DASH}{clock}"


def number_filter(value, places: int | None = None) -> str:
    """|number: a number in the request's language ("" for none): "8,7" in Finnish, "8.7" in English.

    places rounds to that many decimals and shows no more (a month count "8,7", not "8,666666").
    """
    if value is None:
        return ""
    locale = format_locale()
    # Within a request: a matches page writes the same few scores and points some 50 times.
    written = g.setdefault("numbers_written", {})
    key = (str(locale), type(value), value, places)
    if key not in written:
        written[key] = _number(value, places, locale)
    return written[key]  # type: ignore[no-any-return]


def _number(value, places: int | None, locale: Locale) -> str:
    if places is not None:
        value = round(Decimal(str(value)), places)
        return babel_numbers.format_decimal(value, format="#,##0." + "#" * places if places else "#,##0",
                                            locale=locale)
    return babel_numbers.format_decimal(value, locale=locale)


def money_filter(value) -> str:
    """|money: euros in the request's language ("" for none), with two decimals when there are cents:
    "3 250,50 €" and "6 500 €" in Finnish, "€3,250.50" in English (the locale's currency format)."""
    if value is None:
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    locale = format_locale()
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    if amount == amount.to_integral_value():
        pattern = pattern.replace("0.00", "0")
    return babel_numbers.format_currency(amount, "EUR", format=pattern, locale=locale, currency_digits=False)


def number_span(low, high) -> str:
    """Two numbers as a range with an en dash: "0,01–100 000"."""
    return f"{number_filter(low)}{DASH}{number_filter(high)}"


def by_name(names) -> list[str]:
    """|by_name: names in the alphabetical order of Finnish and Swedish readers (portal.domain.collation)."""
    return sorted(names, key=sort_key)


def init_app(app: Flask) -> None:
    """Register the language hook, filters and globals."""
    app.before_request(remember_language)
    app.add_template_global(switch_url)
    app.add_template_global(current_language)
    app.add_template_global(localised)
    app.add_template_global(written_lang)
    app.add_template_global(LANGUAGE_NAMES, "LANGUAGE_NAMES")
    app.add_template_filter(date_filter, "date")
    app.add_template_filter(datetime_filter, "datetime")
    app.add_template_filter(month_filter, "month")
    app.add_template_filter(number_filter, "number")
    app.add_template_filter(money_filter, "money")
    app.add_template_global(time_span)
    app.add_template_global(number_span)
    app.add_template_filter(by_name, "by_name")
