"""The shared table of a refused Excel file's problems (templates/_macros/imports.html)."""
from __future__ import annotations

from types import SimpleNamespace

from flask import render_template_string

TEMPLATE = '{% from "_macros/imports.html" import import_problems %}{{ import_problems(rejected, total) }}'


def _rejected(count: int):
    errors = [SimpleNamespace(row=i + 2, column="title", message=f"ongelma {i}") for i in range(count)]
    return SimpleNamespace(message="Tiedostoa ei tuotu.", errors=errors)


def test_at_most_200_problems_are_listed_and_the_cap_is_said_with_the_total(app):
    with app.test_request_context("/"):  # Finnish, the default
        page = render_template_string(TEMPLATE, rejected=_rejected(250), total=250)
    assert page.count("<tr><td>") == 200 and "ongelma 199" in page and "ongelma 200" not in page
    assert "Näytetään ensimmäiset 200 ongelmaa (yhteensä 250)." in page
    assert "<th scope=\"col\">Rivi</th>" in page and 'role="alert"' in page


def test_a_short_list_says_nothing_of_a_cap(app):
    with app.test_request_context("/"):
        page = render_template_string(TEMPLATE, rejected=_rejected(3), total=3)
    assert page.count("<tr><td>") == 3 and "200" not in page
    assert "Tiedoston ongelmat" in page
