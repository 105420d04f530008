"""The audit log as an Excel workbook, with the page's filters; the download is itself audited."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from portal.audit.forms import AuditFilters
from portal.audit.labels import OBJECT_LABELS, PART_LABELS, ROLE_LABELS, action_label
from portal.audit.models import AuditEvent
from portal.audit.services import filtered_query, record, subjects
from portal.clock import HELSINKI
from portal.excel import Sheet, write_workbook
from portal.extensions import db

MAX_ROWS = 50_000  # a year of a busy portal; narrow the filters for more


def _rows(events: list[AuditEvent]) -> list[list]:
    described = subjects(events)
    rows = []
    for e in events:
        actor = e.actor
        part = (e.detail or {}).get("part")
        rows.append([
            e.at.astimezone(HELSINKI).replace(tzinfo=None, microsecond=0),
            actor.name if actor else "",
            actor.email if actor else "",
            str(ROLE_LABELS.get(actor.role, actor.role or "")) if actor else "",
            action_label(e.action),
            str(OBJECT_LABELS.get(e.object_type, e.object_type)),
            described[e.id],
            str(PART_LABELS.get(part, part)) if part else "",
        ])
    return rows


def write_events(filters: AuditFilters, target) -> int:
    """Write the filtered events (at most MAX_ROWS) to target and audit the download; the number written."""
    stmt = filtered_query(filters).options(selectinload(AuditEvent.actor)).limit(MAX_ROWS)
    events = list(db.session.scalars(stmt).unique())
    headers = [_("Time (Finnish time)"), _("Person"), _("Email"), _("User's role"), _("Action"),
               _("Kind of record"), _("Subject of the event"), _("Part of the data")]
    write_workbook([Sheet(_("Audit log"), headers, _rows(events), widths=[20, 28, 32, 22, 36, 22, 32, 28])],
                   target)
    record("audit_exported", "audit_log", None, detail={"filters": filters.query(), "rows": len(events)})
    return len(events)
