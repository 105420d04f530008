"""Template filters for clause figures: numbers in the unit's precision, per cents the way each language writes them."""
from __future__ import annotations

from types import SimpleNamespace

from babel.numbers import format_decimal
from flask import Blueprint
from flask_babel import format_percent, get_locale, ngettext

from portal.procurements import labels
from portal.procurements.charts import geometry
from portal.procurements.hilma import cpv_known, cpv_name, notice_url
from portal.procurements.labels import UNIT_LABELS
from portal.procurements.terms_records import clause_terms
from portal.reference.services import labels as labels_of

# One template global for every word of the feature, so no name clashes with other features.
CLAUSE_WORDS = SimpleNamespace(
    states=labels.STATE_LABELS, badges=labels.STATE_BADGES, units=labels.UNIT_LABELS,
    intervals=labels.INTERVAL_LABELS, kinds=labels.KIND_LABELS, entry_kinds=labels.ENTRY_KIND_LABELS,
    sources=labels.SOURCE_LABELS, notes=labels.CONTRIBUTION_LABELS, statuses=labels.STATUS_LABELS,
    transitions=labels.TRANSITION_LABELS, forms=labels.FORM_LABELS,
)


def figure(value, unit: str = "person_months") -> str:
    """Person-months with one decimal, people as whole numbers."""
    if value is None:
        return ""
    # Babel with the request's locale, as |number does: Flask-Babel's wrapper finds the locale again per call.
    return format_decimal(value, format="#,##0.0" if unit == "person_months" else "#,##0", locale=get_locale())


def figure_with_unit(value, unit: str) -> str:
    """A figure followed by its unit, e.g. 12,5 henkilötyökuukautta; "1 henkilö", not "1 henkilöä"."""
    if unit == "persons" and value is not None and value == int(value):
        return ngettext("%(figure)s person", "%(figure)s people", int(value), figure=figure(value, unit))
    # Person-months always show a decimal, and a decimal takes the plural in each language ("1,0 months").
    return f"{figure(value, unit)} {UNIT_LABELS[unit]}"


def percent(value) -> str:
    """A whole per cent, e.g. 52 % (fi) or 52% (en)."""
    return format_percent((value or 0) / 100)


def cpv_division_name(code: str) -> str:
    """The name of a CPV code's division in the user's language."""
    return labels_of("cpv_divisions").get((code or "")[:2], "")


def register(bp: Blueprint) -> None:
    """Make the filters available to every template."""
    bp.add_app_template_filter(figure, "figure")
    bp.add_app_template_filter(figure_with_unit, "figure_with_unit")
    bp.add_app_template_filter(percent, "percent")
    bp.add_app_template_global(CLAUSE_WORDS, "clause_words")
    bp.add_app_template_global(geometry, "clause_chart")
    bp.add_app_template_global(cpv_division_name, "cpv_division_name")
    bp.add_app_template_global(cpv_name, "cpv_name")
    bp.add_app_template_global(cpv_known, "cpv_known")
    bp.add_app_template_global(notice_url, "hilma_url")
    bp.add_app_template_global(clause_terms, "clause_terms")
