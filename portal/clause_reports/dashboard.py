"""The officer dashboard's section of late and returned reports (registered with procurements.dashboard)."""
from __future__ import annotations

from flask import render_template
from markupsafe import Markup

from portal.clause_reports.labels import WORDS
from portal.clause_reports.schedule import attention
from portal.clock import today
from portal.procurements.dashboard import SECTIONS


def attention_section(buyer_id: int) -> Markup:
    """The buyer's late and returned reports as a dashboard section."""
    return Markup(render_template("clause_reports/_attention.html", rows=attention(buyer_id, today()),
                                  words=WORDS))


SECTIONS.append(attention_section)
