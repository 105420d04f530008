"""The dashboard's charts from its figures: the same cells as the tables, with hidden ones left out."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import format_date, format_decimal, format_percent
from flask_babel import gettext as _

from portal import charts
from portal.domain.obligations import STATES
from portal.domain.outcomes import OUTCOMES, RETENTION_MONTHS
from portal.reports import labels as words
from portal.reports.summaries import Dashboard


@dataclass(frozen=True)
class Chart:
    """A chart's id, title, description and geometry."""

    id: str
    title: str
    desc: str
    geo: charts.BarChart


def value_text(value, percent: bool = False) -> str:
    """A figure as the charts and tables print it, in the user's locale."""
    if value is None:
        return ""
    return format_percent(value, "#,##0.#%") if percent else format_decimal(value)


def month_label(month) -> str:
    """A short month label for a chart's axis."""
    return format_date(month, "M/yy")


def status_charts(d: Dashboard) -> list[Chart]:
    """One small chart per status that has a figure shown in any month."""
    found = []
    for status in d.statuses:
        points = [(month_label(m), row[status].value) for m, row in zip(d.months, d.stock, strict=True)]
        if any(v is not None for _, v in points):
            label = str(words.STATUS_LABELS[status])
            found.append(Chart(f"chart-status-{status}", label,
                               _("Candidates with the status %(status)s at the end of each month.", status=label),
                               charts.vertical(points, height=180)))
    return found


def outcome_chart(d: Dashboard) -> Chart:
    """Moves into each outcome during the period."""
    items = [(str(words.OUTCOME_LABELS[o]), d.outcomes[o].value) for o in OUTCOMES]
    return Chart("chart-outcomes", _("Moves into outcomes during the period"),
                 _("Horizontal bars, one for each outcome."), charts.horizontal(items))


def placement_chart(d: Dashboard) -> Chart:
    """Work-trial conversion, retention and wage-subsidy use as shares."""
    items = [(_("Work trials converted"), d.conversion.value)]
    items += [(_("In work after %(months)s months", months=m), d.retention[m].value) for m in RETENTION_MONTHS]
    items += [(_("Job starts with a wage subsidy"), d.subsidy.value)]
    return Chart("chart-placements", _("Placements: shares"), _("Horizontal bars of per-cent shares."),
                 charts.horizontal(items, percent=True))


def clause_chart(d: Dashboard) -> Chart:
    """Clauses by state (counts of clauses, not of people)."""
    items = [(str(words.CLAUSE_STATE_LABELS[s]), d.clauses.total.states.get(s, 0)) for s in STATES]
    return Chart("chart-clauses", _("Clauses by state"), _("Horizontal bars, one for each state."),
                 charts.horizontal(items))
