"""Outcome reporting: the regional dashboard, its summaries and Excel exports."""
from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/reports", cli_group="reports")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.reports import views  # noqa: E402,F401
