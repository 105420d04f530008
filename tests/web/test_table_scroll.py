"""Wide tables sit in the one scroll box (_macros/lists.html scroll_region): focusable, named, scrolling sideways."""
from __future__ import annotations

import re
from pathlib import Path

from flask import render_template_string

from portal.reports.refresh import refresh
from tests.web.test_reports import region

ROOT = Path(__file__).resolve().parents[2]
BOX = re.compile(r'<div class="table-scroll" tabindex="0" role="region" aria-label="([^"]+)">\s*<table>\s*'
                 r'<caption[^>]*>([^<]+)</caption>')


def test_the_data_table_macro_puts_its_table_in_a_focusable_region_named_by_the_caption(app):
    with app.test_request_context("/?lang=en"):
        html = render_template_string(
            '{% from "_macros/lists.html" import data_table %}'
            '{% call(r) data_table([1, 2], "Wide figures", ["A"]) %}<td>{{ r }}</td>{% endcall %}')
    assert BOX.findall(html) == [("Wide figures", "Wide figures")]
    assert "<td>1</td>" in html and "<td>2</td>" in html  # the rows still come from the caller's block


def test_every_table_of_the_outcomes_page_scrolls_in_a_named_region(client, login_as, db):
    region(n=8)
    refresh()
    login_as("admin")
    page = client.get("/reports/?lang=en").get_data(as_text=True)
    boxes = BOX.findall(page)
    assert len(boxes) == page.count("<table>") >= 6
    assert all(label == caption.strip() for label, caption in boxes)
    assert ("Clauses by buyer", "Clauses by buyer") in boxes


def test_the_scroll_box_scrolls_shows_focus_and_keeps_its_caption_on_screen():
    css = (ROOT / "static/css/portal.css").read_text()
    rule = css.split(".table-scroll {")[1].split("}")[0]
    assert "overflow-x: auto" in rule and "max-width: 100%" in rule
    assert re.search(r"\.table-scroll caption \{[^}]*position: sticky; left: 0;", css)
    assert ":focus-visible { outline: 3px solid" in css  # the portal's focus ring, the box included
    for sheet in ("reports.css", "procurements.css"):  # one pattern: no second definition elsewhere
        assert ".table-scroll" not in (ROOT / "static/css" / sheet).read_text()
