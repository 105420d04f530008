"""Numbers no person types: past the database's integers, or in digits other than 0-9 (issue 13, finding 6).

A 20-digit supplier id reached SQL and gave a 500; '²' passed str.isdigit()
and then failed int() in the sessions page. Python's int() takes other
scripts' digits ('١٢') and underscores, which no form of the portal means.
Each is now the field's own message (or a 400), never a 500: the shared
IntegerField (portal/fields.py), the id coercion of selects and the
whole_number()/db_int() readers (portal/inputs.py). The last test posts every
number field and select of every declared form, one at a time, with each
such value.
"""
from __future__ import annotations

import pytest
from flask import url_for
from flask_wtf import FlaskForm
from wtforms.validators import Optional

from portal import inputs
from portal.extensions import db as _db
from tests.access import PUBLIC, all_routes
from tests.access.procurements import make_procurement
from tests.access.world import build_world
from tests.conftest import sign_in
from tests.factories import PASSWORD
from tests.web.attack import owners_form
from tests.web.hostile import fields_of, has_messages, module_world
from tests.web.test_procurements import GOOD

ODD = ["²", "١٢", "1_000", "9" * 20, "-" + "9" * 20, str(2**31)]


@pytest.mark.parametrize("value", ODD + ["", "x", "1.5", "+-1", " "])
def test_whole_numbers_are_written_in_the_digits_0_to_9(value):
    with pytest.raises(ValueError):
        inputs.db_int(value)
    if value not in (str(2**31),):
        with pytest.raises(ValueError):
            inputs.whole_number(value)


def test_whole_numbers_and_ids_that_are_fine():
    assert inputs.whole_number(" 12 ") == 12 and inputs.whole_number("-3") == -3 and inputs.db_int("0") == 0
    assert inputs.db_int(str(2**31 - 1)) == 2**31 - 1
    assert inputs.id_choice("") is None and inputs.id_choice(None) is None
    assert inputs.id_choice("7") == 7 and inputs.id_choice(7) == 7
    for value in ODD:
        with pytest.raises(ValueError):
            inputs.id_choice(value)


@pytest.mark.parametrize("target, kept", [("/account?x=1", True), ("/", True), ("/a\r\nb", False),
                                          ("/\\evil.example", False), ("//evil.example", False),
                                          ("http://evil.example/", False), ("/\x7f", False), ("start", False)])
def test_next_is_a_path_of_this_site_without_control_characters(target, kept):
    assert inputs.local_path(target) == (target if kept else None)


@pytest.mark.parametrize("value", ODD)
def test_the_integer_field_refuses_odd_digits_and_numbers_past_the_integers_with_its_message(app, value):
    from portal.fields import IntegerField

    class Form(FlaskForm):
        hours = IntegerField("Hours", validators=[Optional()])

    with app.test_request_context("/", method="POST", data={"hours": value}):
        form = Form(meta={"csrf": False})
        assert not form.validate() and form.hours.data is None and form.hours.errors


def test_the_integer_field_still_takes_whole_numbers(app):
    from portal.fields import IntegerField

    class Form(FlaskForm):
        hours = IntegerField("Hours", validators=[Optional()])

    for raw, number in (("12", 12), ("-3", -3), (str(2**31 - 1), 2**31 - 1)):
        with app.test_request_context("/", method="POST", data={"hours": raw}):
            form = Form(meta={"csrf": False})
            assert form.validate() and form.hours.data == number
    with app.test_request_context("/", method="POST", data={"hours": ""}):
        assert Form(meta={"csrf": False}).validate()


@pytest.mark.parametrize("value", ["9" * 20, "-" + "9" * 20, "²", "١", "x"])
def test_a_supplier_id_no_organisation_can_have_is_the_fields_message(client, login_as, db, value):
    officer = login_as("officer", language="en")
    item = make_procurement(officer.organisation, status="tendering")
    _db.session.commit()
    for url in ("/procurements/new", f"/procurements/{item.id}/edit"):
        response = client.post(url, data={**GOOD, "supplier_id": value})
        assert response.status_code == 200, (url, response.status_code)
        assert has_messages(response.get_data(as_text=True)), url


@pytest.mark.parametrize("value", ["²", "١٢", "9" * 20, "x"])
def test_ending_a_session_named_in_odd_digits_ends_nothing_and_fails_not(client, login_as, db, value):
    login_as("coach")
    response = client.post("/account/sessions", data={"current": PASSWORD, "end": value})
    assert response.status_code == 200


WHOLE = ("9" * 20, "²")
DECIMAL = WHOLE + ("1e308", "nan", "inf", "-inf", "1e400", "1e20")  # no finite number a column holds
DATES = ("9999-12-31", "0001-01-01")  # the next month or the day before is past Python's calendar
FAR_MONTHS = ("9999-12", "0001-01") + DATES


def _number_fields(html: str) -> dict[str, tuple[str, ...]]:
    """The names of a page's number, decimal and date inputs and selects (POST forms), with the values to try."""
    import re

    forms = re.findall(r'<form[^>]*method="post".*?</form>', html, re.S | re.I)
    names: dict[str, tuple[str, ...]] = {}
    for form in forms:
        for tag in re.findall(r"<input[^>]*>", form):
            name, kind = re.search(r'name="([^"]+)"', tag), re.search(r'type="([^"]+)"', tag)
            if name and kind and kind.group(1) == "number":
                names[name.group(1)] = DECIMAL if "step=" in tag else WHOLE  # WTForms' DecimalField: step="any"
            elif name and kind and kind.group(1) == "date":
                names[name.group(1)] = DATES
        names.update(dict.fromkeys(re.findall(r'<select[^>]*name="([^"]+)"', form), WHOLE))
    return names


@pytest.fixture(scope="module")
def world(app):
    with module_world(app, build_world) as built:
        yield built


POSTS = sorted({r.endpoint: r for r in all_routes() if r.method == "POST"}.values(), key=lambda r: r.endpoint)


def test_every_number_date_field_and_select_answers_odd_digits_huge_numbers_and_far_years_without_a_500(
        app, world):
    tried, wrong, kinds = [], [], set()
    for route in POSTS:
        client = app.test_client()
        if route.allowed != PUBLIC:
            sign_in(client, world.user(route.allowed[0]))
        with app.test_request_context():
            url = url_for(route.endpoint, **route.params(world))
        page = client.get(url)
        if page.status_code != 200 or page.mimetype != "text/html":
            continue  # an action without a page of its own (its form is on another page)
        html = page.get_data(as_text=True)
        form = {**{k: [str(v)] for k, v in route.data(world).items()}, **owners_form(html, url)}
        for name, values in _number_fields(html).items():
            for value in values:
                status = client.post(url, data={**form, name: [value]}).status_code
                tried.append(f"{route.endpoint} {name}")
                kinds.add(value)
                if status >= 500:
                    wrong.append(f"POST {route.endpoint} {name}={value!r}: {status}")
    assert len(set(tried)) > 50 and {"nan", "1e20", "9999-12-31"} <= kinds and not wrong, wrong


def test_every_page_answers_months_and_dates_of_year_9999_and_1_in_its_query_without_a_500(app, world):
    wrong = []
    for route in sorted({r.endpoint: r for r in all_routes() if r.method == "GET"}.values(), key=lambda r: r.endpoint):
        client = app.test_client()
        if route.allowed != PUBLIC:
            sign_in(client, world.user(route.allowed[0]))
        with app.test_request_context():
            url = url_for(route.endpoint, **route.params(world))
        page = client.get(url)
        names = set(fields_of(page.get_data(as_text=True)).fields["get"]) if page.mimetype == "text/html" else set()
        names |= {"from", "to", "deadline_from", "deadline_to", "start", "month", "date"}
        for value in FAR_MONTHS:
            query = {**{k: str(v) for k, v in route.query(world).items()}, **dict.fromkeys(names, value)}
            status = client.get(url, query_string=query).status_code
            if status >= 500:
                wrong.append(f"GET {url} {value}: {status}")
    assert not wrong, wrong
