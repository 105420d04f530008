"""The audit log for administrators."""
from __future__ import annotations

from flask import render_template, request

from portal.audit import bp
from portal.audit.services import events_query
from portal.listing import paginate
from portal.security import roles


@bp.get("/")
@roles("admin")
def index():
    """Newest audit events first, filterable by object type."""
    object_type = request.args.get("type") or None
    page = paginate(events_query(object_type=object_type), per_page=50)
    return render_template("audit/index.html", page=page, object_type=object_type)
