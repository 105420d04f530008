"""The outcome report and the clause report as workbooks: exactly the dashboard's figures, small cells hidden.

Both read the same `Dashboard` (or its clause rows) as the page, so the same
cells are hidden, complementary ones included; a hidden cell is written as
the word "hidden", every shown figure as a number, and a last sheet says
why a figure is hidden.
Workbooks are written to a temporary file in write-only mode and streamed
from it (portal.reports.streaming), so memory stays bounded.
"""
from __future__ import annotations

from flask_babel import gettext as _

from portal.domain.disclosure import MIN_CELL, Cell
from portal.domain.obligations import STATES
from portal.domain.outcomes import OUTCOMES, RETENTION_MONTHS, Rate
from portal.excel import Sheet
from portal.i18n import datetime_filter
from portal.reports import labels as words
from portal.reports.clause_summary import UNITS, Totals
from portal.reports.summaries import Dashboard


def shown(value: Cell | None):
    """A cell's number, or the word for a hidden one."""
    if value is None:
        return None
    return value.value if value.shown else str(words.HIDDEN)


def percent(value: float | None):
    """A share as a per-cent figure with one decimal, or the word for a hidden one."""
    return round(value * 100, 1) if value is not None else str(words.HIDDEN)


def _rate_rows(title: str, rate: Rate) -> list[list]:
    return [[title, _("people counted"), shown(rate.base)], [title, _("counted in"), shown(rate.counted_in)],
            [title, _("share (%)"), percent(rate.value)]]


def summary_rows(d: Dashboard) -> list[list]:
    """Figure, detail, value: the dashboard's single figures."""
    rows = [[_("Figures refreshed"), "", datetime_filter(d.generation.finished_at, "short") if d.generation else ""],
            [_("Period"), _("from"), d.filters.first], [_("Period"), _("until the end of"), d.filters.last],
            [_("Scope"), "", str(words.AUDIENCE_LABELS[d.scope.audience])]]
    if d.contact is not None:
        people, days, without = d.contact
        rows += [[_("Days to first employer contact"), _("people with a contact"), shown(people)],
                 [_("Days to first employer contact"), _("median days"), days if days is not None
                  else str(words.HIDDEN)],
                 [_("Days to first employer contact"), _("people without a contact yet"), shown(without)]]
    if d.caseload is not None:
        c = d.caseload
        rows += [[_("Caseload"), _("active candidates"), shown(c.active)], [_("Caseload"), _("coaches"), c.coaches],
                 [_("Caseload"), _("median per coach"), c.median_per_coach if c.median_per_coach is not None
                  else str(words.HIDDEN)]]
    if d.conversion is not None:
        rows += _rate_rows(_("Work trials converted into employment"), d.conversion)
        for months in RETENTION_MONTHS:
            rows += _rate_rows(_("Still in work %(months)s months after the start", months=months),
                               d.retention[months])
        rows += [[_("Job starts"), _("all"), shown(d.job_starts)]]
        rows += _rate_rows(_("Job starts with a wage subsidy"), d.subsidy)
    return rows


def _clause_totals_row(name: str, t: Totals) -> list:
    row = [name, t.count] + [t.states.get(s, 0) for s in STATES]
    for unit in UNITS:
        row += [t.required[unit], shown(t.delivered_cell(unit)), shown(t.forecast_cell(unit))]
    return row


def clause_total_headers(first: str) -> list[str]:
    """Headers of a clause-totals sheet."""
    units = words.plain(words.UNIT_LABELS)
    headers = [first, _("Clauses")] + [str(words.CLAUSE_STATE_LABELS[s]) for s in STATES]
    for unit in UNITS:
        headers += [_("Required (%(unit)s)", unit=units[unit]), _("Delivered (%(unit)s)", unit=units[unit]),
                    _("Forecast (%(unit)s)", unit=units[unit])]
    return headers


def outcome_sheets(d: Dashboard) -> list[Sheet]:
    """The outcome report's sheets for the dashboard's scope."""
    sheets = [Sheet(_("Summary"), [_("Figure"), _("Detail"), _("Value")], summary_rows(d), widths=[44, 30, 18])]
    if d.stock:
        statuses = words.plain(words.STATUS_LABELS)
        sheets.append(Sheet(_("Status by month"), [_("Month")] + [statuses[s] for s in d.statuses],
                            ([m] + [shown(row[s]) for s in d.statuses]
                             for m, row in zip(d.months, d.stock, strict=True))))
        outcomes = words.plain(words.OUTCOME_LABELS)
        month_rows = [[m] + [shown(row[o]) for o in OUTCOMES]
                      for m, row in zip(d.months, d.outcome_months, strict=True)]
        month_rows.append([_("Whole period")] + [shown(d.outcomes[o]) for o in OUTCOMES])
        sheets.append(Sheet(_("Moves into outcomes"), [_("Month")] + [outcomes[o] for o in OUTCOMES], month_rows))
        sheets.append(Sheet(_("Moves between statuses"), [_("From"), _("To"), _("Moves")],
                            [[statuses.get(a, a), statuses.get(b, b), shown(c)]
                             for (a, b), c in sorted(d.transitions.items())]))
        kinds, step_outcomes = words.plain(words.STEP_KIND_LABELS), words.plain(words.STEP_OUTCOME_LABELS)
        sheets.append(Sheet(_("Steps before work"), [_("Step")] + list(step_outcomes.values()) + [_("All ended")],
                            [[kinds[k]] + [shown(d.steps[k][o]) for o in step_outcomes] + [shown(d.step_totals[k])]
                             for k in kinds if k in d.steps]))
    if d.clauses is not None:
        sheets.append(Sheet(_("Clauses by buyer"), clause_total_headers(_("Buyer")),
                            [_clause_totals_row(n, t) for n, t in d.clauses.by_buyer]
                            + [_clause_totals_row(_("All buyers"), d.clauses.total)]))
        sheets.append(Sheet(_("Clauses by supplier"), clause_total_headers(_("Supplier")),
                            [_clause_totals_row(n, t) for n, t in d.clauses.by_supplier]))
    sheets.append(hidden_note())
    return sheets


def clause_sheets(d: Dashboard, names: dict[int, str]) -> list[Sheet]:
    """The clause report: one row per clause in scope, delivered figures hidden behind fewer than five people."""
    kinds, states, units = (words.plain(words.CLAUSE_KIND_LABELS), words.plain(words.CLAUSE_STATE_LABELS),
                            words.plain(words.UNIT_LABELS))
    headers = [_("Procurement"), _("Title"), _("Buyer"), _("Supplier"), _("Clause"), _("Kind"), _("Unit"),
               _("Period start"), _("Deadline"), _("Required"), _("Delivered"), _("Forecast at deadline"), _("State")]
    rows = ([r.reference, r.title, names.get(r.buyer_id, ""), names.get(r.supplier_id, ""), r.clause_id,
             kinds.get(r.kind, r.kind), units.get(r.unit, r.unit), r.period_start, r.deadline, r.required,
             *(shown(c) for c in d.clauses.row_cells(r)), states.get(r.state, r.state)]
            for r in (d.clauses.rows if d.clauses else []))
    return [Sheet(_("Clauses"), headers, rows, widths=[18, 36, 28, 28, 10, 24, 16, 14, 14, 12, 12, 14, 14]),
            hidden_note()]


def hidden_note() -> Sheet:
    """A sheet that says why a figure reads "hidden" (the page says it under its download links)."""
    word = str(words.HIDDEN)
    return Sheet(_("Hidden figures"), [_("Why a figure reads “%(word)s”", word=word)], [
        [_("A figure about fewer than %(n)s people is hidden: a reader who knows the region could recognise "
           "the people behind it.", n=MIN_CELL)],
        [_("When a single figure of a group is hidden and the group's total is shown, the smallest other figure "
           "is hidden too; otherwise the hidden one could be worked out as the total minus the others.")],
        [_("The figures are the same as on the Outcomes page, with the same figures hidden.")],
    ], widths=[110])
