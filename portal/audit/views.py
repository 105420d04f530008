"""The audit log for administrators: filtered, paginated, in words, and downloadable."""
from __future__ import annotations

import io

from flask import render_template, request, send_file

from portal.audit import bp
from portal.audit.export import write_events
from portal.audit.forms import parse_filters
from portal.audit.labels import ACTION_LABELS, PART_LABELS, ROLE_LABELS, change_text
from portal.audit.services import filtered_query, subjects
from portal.excel import XLSX_MIMETYPE
from portal.extensions import db
from portal.listing import paginate
from portal.security import roles

PER_PAGE = 50


@bp.get("/")
@roles("admin")
def index():
    """The events the filters ask for, newest first unless asked otherwise; bad filters are named, not obeyed."""
    filters, errors = parse_filters(request.args)
    page = paginate(filtered_query(filters), per_page=PER_PAGE)
    actions = sorted(((code, str(label)) for code, label in ACTION_LABELS.items()), key=lambda pair: pair[1])
    return render_template("audit/index.html", page=page, filters=filters, errors=errors, actions=actions,
                           action_labels=ACTION_LABELS, parts=PART_LABELS, change_text=change_text,
                           roles=ROLE_LABELS, subjects=subjects(page.items))


@bp.get("/export.xlsx")
@roles("admin")
def export():
    """The filtered events as an Excel workbook (the download is audited)."""
    filters, _errors = parse_filters(request.args)
    buffer = io.BytesIO()
    write_events(filters, buffer)
    db.session.commit()  # the audit event of the download
    buffer.seek(0)
    return send_file(buffer, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name="audit-log.xlsx")
