"""The reporting cycle of employment clauses: suppliers' reports, the officer's review, reminders, and
the sanction decision at the end."""
from flask import Blueprint

bp = Blueprint("clause_reports", __name__, url_prefix="/clause-reports", cli_group="clause-reports")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.clause_reports import commands, dashboard, export, notices, views, views_officer  # noqa: E402,F401
