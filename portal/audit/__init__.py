"""Audit trail: who read or changed what, and when."""
from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.audit import views  # noqa: E402,F401
