"""The organiser's Excel export of an event's sign-ups, through portal.excel."""
from __future__ import annotations

from flask_babel import gettext as _

from portal.audit.services import record
from portal.events import services
from portal.excel import Sheet, write_workbook
from portal.extensions import db


def registration_rows(event) -> list[list]:
    """One row per confirmed sign-up: number, name, email, language, time signed up (Helsinki, naive for Excel)."""
    rows = []
    for number, reg in enumerate(db.session.scalars(services.registrations_query(event)), start=1):
        signed = services.in_helsinki(reg.created_at).replace(tzinfo=None, microsecond=0)
        rows.append([number, reg.name, reg.email, reg.language, signed])
    return rows


def write_registrations(event, target) -> None:
    """Write the workbook and leave an audit event (the file holds personal data)."""
    headers = [_("No."), _("Name"), _("Email"), _("Language"), _("Signed up (Finnish time)")]
    write_workbook([Sheet(_("Sign-ups"), headers, registration_rows(event), widths=[6, 30, 36, 10, 22])], target)
    record("event_registrations_exported", "event", event.id, organisation_id=event.organisation_id)
