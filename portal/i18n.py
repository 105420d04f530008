"""Choosing the language of a request, and formatting helpers for templates.

Order: an explicit ``?lang=`` (remembered in the session and, for a signed-in
user, saved as their setting), then the user's setting, then the language the
session remembers, then the browser's Accept-Language, then Finnish.
"""
from __future__ import annotations

from datetime import datetime

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.support import Translations
from flask import Flask, current_app, g, request, session
from flask_babel import Domain, format_date, format_datetime, get_locale, get_translations
from flask_login import current_user

from portal.extensions import babel, db
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
    return str(request_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def localised(obj, field: str) -> str:
    """obj.<field>_<lang> in the current language, falling back to Finnish."""
    lang = current_language()
    return getattr(obj, f"{field}_{lang}", None) or getattr(obj, f"{field}_fi")


class RequestDomain(Domain):
    """Flask-Babel's message domain, keeping the request's catalog beside the locale it was found for.

    Flask-Babel finds the catalog anew for every string (context-local lookups, the locale and its
    name: about 8 µs), and a page shows 30 to 120 strings. The catalog is kept in Flask-Babel's own
    per-request namespace with the locale object it belongs to: force_locale and refresh() replace
    that object, so a forced or refreshed language is never answered from the kept catalog.
    """

    def get_translations(self):
        """The catalog of the request's language, found once per request and locale."""
        state = _babel_state()
        found = _kept(state, self)
        if found is None:
            found = super().get_translations()
            state = _babel_state()  # Flask-Babel creates it on the request's first lookup
            if state is not None:
                state.portal_catalog = (self, getattr(state, "babel_locale", None), found)
        return found


def _kept(state, domain) -> Translations | None:
    """The catalog kept in the request's Babel state for this domain, if its locale still stands."""
    kept = getattr(state, "portal_catalog", None)
    if kept is not None and kept[0] is domain and kept[1] is getattr(state, "babel_locale", None):
        return kept[2]
    return None


def translations() -> Translations:
    """The catalog for template strings: the kept one, without Flask-Babel's domain lookup (~2 µs)."""
    state = _babel_state()
    found = _kept(state, getattr(state, "babel_domain", None))
    return found if found is not None else get_translations()


def request_locale() -> Locale:
    """get_locale(), read straight from the request's Babel state once chosen (get_locale costs ~2.5 µs)."""
    locale = getattr(_babel_state(), "babel_locale", None)
    return locale if locale is not None else get_locale()


def date_filter(value, fmt: str = "medium") -> str:
    """|date: a date in the request's language ("" for none); a datetime goes through Flask-Babel.

    A plain date is what Flask-Babel's format_date formats, minus its lookups (the portal sets no
    Babel.date_formats); a datetime is first moved to the user's time zone, so it takes that path.
    """
    if not value:
        return ""
    if isinstance(value, datetime):
        return format_date(value, fmt)
    return babel_dates.format_date(value, fmt, locale=request_locale())


def number_filter(value) -> str:
    """|number: a number in the request's language ("" for none), as Flask-Babel's format_decimal."""
    return "" if value is None else babel_numbers.format_decimal(value, locale=request_locale())


def _babel_state():
    """Flask-Babel's per-request namespace (g._flask_babel), or None outside an app context or before it exists."""
    try:
        return g.get("_flask_babel")
    except RuntimeError:  # no app context: Flask-Babel answers with NullTranslations
        return None


def init_app(app: Flask) -> None:
    """Register the language hook, filters and globals, and the catalog kept per request."""
    babel.domain_instance = RequestDomain(domain=app.extensions["babel"].default_domain)
    # Flask-Babel's own callables, but through translations(): a page shows 30 to 120 strings.
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.before_request(remember_language)
    app.add_template_global(switch_url)
    app.add_template_global(current_language)
    app.add_template_global(localised)
    app.add_template_global(LANGUAGE_NAMES, "LANGUAGE_NAMES")
    app.add_template_filter(date_filter, "date")
    app.add_template_filter(lambda d, f="medium": format_datetime(d, f) if d else "", "datetime")
    app.add_template_filter(number_filter, "number")
