"""Placements: work trials, jobs and apprenticeships from agreed proposals, counted in the clause ledger."""
from flask import Blueprint

bp = Blueprint("placements", __name__, url_prefix="/placements")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.placements import views, views_figures  # noqa: E402,F401
