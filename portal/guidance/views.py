"""Guidance for employers: articles, the subsidy calculator, and the rules it uses."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import abort, render_template, request
from flask_babel import format_date, format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal import nav
from portal.clock import today
from portal.domain.placeholders import fill
from portal.domain.roles import Role
from portal.guidance import bp, places, services
from portal.guidance.articles import all_articles
from portal.guidance.articles import article as find_article
from portal.guidance.forms import (
    CONFIDENCE_LABELS,
    EMPLOYER_KIND_LABELS,
    FIGURE_LABELS,
    KIND_LABELS,
    REFUSALS,
    SITUATION_LABELS,
    CalculatorForm,
)
from portal.guidance.rules_data import rules as rule_set
from portal.i18n import current_language, number_filter
from portal.reference.services import searchable
from portal.security import public

nav.add("guidance.index", _l("Guidance for employers"), ("anonymous", str(Role.EMPLOYER)), order=30)
nav.add("guidance.calculator", _l("Subsidy calculator"), (str(Role.EMPLOYER),), order=31)
WORDS = {"situations": SITUATION_LABELS, "kinds": KIND_LABELS, "employers": EMPLOYER_KIND_LABELS,
         "figures": FIGURE_LABELS, "refusals": REFUSALS, "confidence": CONFIDENCE_LABELS}


def place_name(code: str | None) -> str:
    """A municipality's name in the reader's language (the code when unknown)."""
    found = places.municipality(code)
    return found.name(current_language()) if found else str(code or "")


def fill_figures(text: str) -> str:
    """Guidance text with its figures from the rules in force today, as numbers in the reader's language."""
    return fill(text, rule_set(), today(), number_filter, _("(no figure in force today)"))


WORDS["place"] = place_name


def refusal_message(refusal) -> str:
    """The reason the rules refuse, in the user's language, with its figures."""
    params = {}
    for key, value in refusal.params.items():
        if key == "allowed":
            params[key] = "; ".join(str(SITUATION_LABELS.get(v) or EMPLOYER_KIND_LABELS.get(v) or v) for v in value)
        elif isinstance(value, date):
            params[key] = format_date(value)
        elif isinstance(value, (int, float, Decimal)):
            params[key] = format_decimal(value)
        else:
            params[key] = value
    return str(REFUSALS[refusal.code]) % params


@bp.get("/")
@public
def index():
    """The articles, the calculator and the rules."""
    lang = current_language()
    summaries = {a.slug: fill_figures(a.version(lang).summary) for a in all_articles()}
    return render_template("guidance/index.html", articles=all_articles(), lang=lang, summaries=summaries)


@bp.get("/calculator")
@public
def calculator():
    """Estimate wage subsidy and adjustment support from the rules in force on the start date."""
    form = CalculatorForm(request.args if request.args.get("situation") else None, start=today())
    form.situation.choices = [(s, SITUATION_LABELS.get(s, s)) for s in services.situations()]
    everywhere = [("", _("Not given: national support only"))] + places.choices(current_language())
    for select in (form.municipality, form.home_municipality):
        select.choices, select.render_kw = everywhere, searchable()
    result = services.calculate(form.data) if request.args.get("situation") and form.validate() else None
    return render_template("guidance/calculator.html", form=form, result=result, words=WORDS,
                           refusal_message=refusal_message)


@bp.get("/rules")
@public
def rules():
    """Every legal figure the portal uses, with its period, source and whether it was verified."""
    return render_template("guidance/rules.html", rules=services.shown_rules(), words=WORDS, today=today())


@bp.get("/<slug>")
@public
def article(slug: str):
    """One article in the user's language, with its date and sources."""
    found = find_article(slug)
    if found is None:
        abort(404)
    return render_template("guidance/article.html", article=found,
                           text=found.version(current_language()).filled(fill_figures), rules=services.shown_rules())
