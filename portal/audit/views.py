"""The audit log for administrators."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from portal.audit.services import events_query
from portal.listing import paginate
from portal.security import roles

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")


@bp.get("/")
@roles("admin")
def index():
    """Newest audit events first, filterable by object type."""
    object_type = request.args.get("type") or None
    page = paginate(events_query(object_type=object_type), per_page=50)
    return render_template("audit/index.html", page=page, object_type=object_type)
