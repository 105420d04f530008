"""Years no person means and decimals no column holds: never a 500 (issue 13, the outside tester's second round).

A month filter of year 9999 made the reports compute the month after it
(year 10000); a date of year 1 or 9999 overflows wherever a rule adds days
or months. 'nan', 'inf' and '1e308' passed WTForms' DecimalField and failed
in formatting, in int() or in the column; '1e20' was stored. The month and
date readers of portal/inputs.py and the DateField and DecimalField of
portal/fields.py now take years 1900 to 2100 and finite numbers within each
field's bounds only.
"""
from __future__ import annotations

from datetime import date

import pytest
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms.validators import Optional

from portal import inputs
from portal.procurements.models import EmploymentClause
from portal.reports.scope import Filters
from tests.access.procurements import make_clause, make_procurement
from tests.factories import make_org
from tests.web.hostile import has_messages

TODAY = date(2026, 5, 15)
REPORTS = ("/reports/", "/reports/outcomes.xlsx", "/reports/placements.xlsx", "/reports/clauses.xlsx")
MONTHS = [{"to": "9999-12"}, {"from": "9999-12"}, {"from": "9999-01", "to": "9999-12"},
          {"from": "0001-01", "to": "0001-01"}, {"from": "0000-01"}, {"to": "10000-01"}]
DECIMALS = ["1e308", "nan", "inf", "-inf", "1e400", "1e20", "NaN", "Infinity", "sNaN", "1_000", "١٢"]
CLAUSE = {"quantity": "3", "min_months": "6", "target_groups": ["partial_work_ability", "young"],
          "reporting_interval": "3", "deadline": "2027-06-30", "sanction_per_month": "500",
          "social_enterprise_share": "", "action": "save"}
TEMPLATES = ("persons", "person_months", "combined", "apprenticeships", "work_trials")


@pytest.mark.parametrize("query", MONTHS)
def test_a_month_filter_outside_1900_to_2100_is_the_default(query):
    base, found = Filters.default(TODAY), Filters.from_args(_Args(query), TODAY)
    assert found.first == base.first and found.last == base.last


def test_a_month_filter_within_the_years_still_counts():
    found = Filters.from_args(_Args({"from": "2100-01", "to": "2100-12"}), TODAY)
    assert (found.first, found.last) == (date(2100, 1, 1), date(2100, 12, 1))


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "2026-W01-1",
                                   "20260101", "٢٠٢٦-٠١-٠١", "", "2026-02-30"])
def test_dates_of_a_query_are_within_the_years(value):
    with pytest.raises(ValueError):
        inputs.calendar_date(value)


@pytest.mark.parametrize("role", ["officer", "coach", "admin"])
def test_the_reports_answer_any_month_of_year_9999_without_a_500(client, login_as, db, role):
    login_as(role, language="en")
    for url in REPORTS:
        for query in MONTHS:
            status = client.get(url, query_string=query).status_code
            assert status in (200, 403, 404), (url, query, status)


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_the_procurement_dashboards_deadline_filter_ignores_far_years(client, login_as, db, value):
    login_as("officer", language="en")
    for name in ("deadline_from", "deadline_to"):
        assert client.get("/procurements/", query_string={name: value}).status_code == 200


@pytest.mark.parametrize("value", DECIMALS)
def test_the_decimal_field_refuses_what_is_no_finite_number_within_bounds(app, value):
    from portal.fields import DecimalField, number_range

    class Form(FlaskForm):
        amount = DecimalField("Amount", places=2, validators=[Optional(), number_range(max=100_000)])

    with app.test_request_context("/", method="POST", data={"amount": value}):
        form = Form(meta={"csrf": False})
        assert not form.validate() and form.amount.errors


def test_the_decimal_field_still_takes_decimals(app):
    from portal.fields import DecimalField

    class Form(FlaskForm):
        amount = DecimalField("Amount", places=2, validators=[Optional()])

    # Half up, as people and PostgreSQL's numeric round (not half to even): 0.125 is 0.13, -0.125 is -0.13.
    cases = (("12", "12.00"), ("-3.5", "-3.50"), ("1e3", "1000.00"), (" 0.125 ", "0.13"), ("-0.125", "-0.13"))
    for raw, number in cases:
        with app.test_request_context("/", method="POST", data={"amount": raw}):
            form = Form(meta={"csrf": False})
            assert form.validate() and str(form.amount.data) == number


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_the_date_field_refuses_far_years_with_its_message(app, value):
    from portal.fields import DateField

    class Form(FlaskForm):
        day = DateField("Day", validators=[Optional()])

    with app.test_request_context("/", method="POST", data={"day": value}):
        form = Form(meta={"csrf": False})
        assert not form.validate() and form.day.data is None
        assert form.day.errors == ["Anna päivämäärä vuosilta 1900–2100."]  # the portal's first language, translated


def _officers_procurement(login_as):
    officer = login_as("officer", language="en")
    return make_procurement(officer.organisation, make_org("employer"), start=date(2026, 1, 1),
                            end=date(2027, 12, 31))


@pytest.mark.parametrize("field, value", [("quantity", v) for v in ("1e308", "nan", "inf", "1e400", "1e20")]
                         + [("min_months", "1e308"), ("sanction_per_month", "1e308"),
                            ("deadline", "9999-12-31"), ("deadline", "0001-01-01")])
def test_clause_forms_answer_huge_and_non_finite_numbers_with_the_fields_message(client, login_as, db, field,
                                                                                   value):
    item = _officers_procurement(login_as)
    clause = make_clause(item)
    db.session.commit()
    urls = [f"/procurements/{item.id}/clauses/new/{t}" for t in TEMPLATES]
    urls.append(f"/procurements/clauses/{clause.id}/edit")
    for url in urls:
        shown = f'name="{field}"' in client.get(url).get_data(as_text=True)  # a template's own fields only
        for action in ("preview", "save"):
            response = client.post(url, data={**CLAUSE, field: value, "action": action})
            assert response.status_code in ((200,) if shown else (200, 302)), (url, action, response.status_code)
            assert has_messages(response.get_data(as_text=True)) or not shown, (url, action)
    stored = db.session.execute(select(func.max(EmploymentClause.quantity), func.max(EmploymentClause.min_months),
                                       func.max(EmploymentClause.sanction_per_month))).one()
    assert stored[0] <= 100_000 and (stored[1] or 0) <= 120 and (stored[2] or 0) <= 10**10, stored


class _Args(dict):
    """A query string as Filters reads it (get with a type)."""

    def get(self, key, default=None, type=None):  # noqa: A002 - werkzeug's name
        value = super().get(key, default)
        if type is None or value is default:
            return value
        try:
            return type(value)
        except ValueError:
            return None
