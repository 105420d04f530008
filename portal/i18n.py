"""Choosing the language of a request, and formatting helpers for templates.

Order: an explicit ``?lang=`` (remembered in the session and, for a signed-in
user, saved as their setting), then the user's setting, then the language the
session remembers, then the browser's Accept-Language, then Finnish.
"""
from __future__ import annotations

from datetime import datetime

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask, current_app, g, request, session
from flask_babel import format_date, format_datetime, get_locale
from flask_login import current_user

from portal.domain.collation import sort_key
from portal.extensions import db
from portal.links import this_page

LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


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


def switch_url(lang: str) -> str:
    """The current page in another language (its query passed on, as far as it is safe: portal.links)."""
    return this_page(lang=lang)


def current_language() -> str:
    """The two-letter code of the language this response is in."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def localised(obj, field: str) -> str:
    """obj.<field>_<lang> in the current language, falling back to Finnish."""
    lang = current_language()
    return getattr(obj, f"{field}_{lang}", None) or getattr(obj, f"{field}_fi")


def date_filter(value, fmt: str = "medium") -> str:
    """|date: a date in the request's language ("" for none); a datetime goes through Flask-Babel.

    A plain date is what Flask-Babel's format_date formats, minus its lookups (the portal sets no
    Babel.date_formats); a datetime is first moved to the user's time zone, so it takes that path.
    """
    if not value:
        return ""
    if isinstance(value, datetime):
        return format_date(value, fmt)
    return babel_dates.format_date(value, fmt, locale=get_locale())


def number_filter(value) -> str:
    """|number: a number in the request's language ("" for none), as Flask-Babel's format_decimal."""
    return "" if value is None else babel_numbers.format_decimal(value, locale=get_locale())


def by_name(names) -> list[str]:
    """|by_name: names in the alphabetical order of Finnish and Swedish readers (portal.domain.collation)."""
    return sorted(names, key=sort_key)


def init_app(app: Flask) -> None:
    """Register the language hook, filters and globals."""
    app.before_request(remember_language)
    app.add_template_global(switch_url)
    app.add_template_global(current_language)
    app.add_template_global(localised)
    app.add_template_global(LANGUAGE_NAMES, "LANGUAGE_NAMES")
    app.add_template_filter(date_filter, "date")
    app.add_template_filter(lambda d, f="medium": format_datetime(d, f) if d else "", "datetime")
    app.add_template_filter(number_filter, "number")
    app.add_template_filter(by_name, "by_name")
