"""The officer dashboard's section of late and returned reports (registered with procurements.dashboard).

The section is part of the dashboard's board, which is kept until the ledger (reports and decisions
included, see models) changes or the day turns; so a warm visit reads no clause tables.
"""
from __future__ import annotations

from portal.clause_reports.labels import WORDS
from portal.clause_reports.schedule import attention
from portal.clock import today
from portal.procurements.dashboard import SECTIONS


def attention_section(buyer_id: int) -> tuple[str, dict]:
    """The template and data of the buyer's late and returned reports."""
    return "clause_reports/_attention.html", {"rows": attention(buyer_id, today()), "words": WORDS}


SECTIONS.append(attention_section)
