"""The candidate's own pages: profile, plan and goals in their own words, consents, proposals, placements,
who saw what, data download."""
from flask import Blueprint

bp = Blueprint("selfservice", __name__, url_prefix="/my")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.selfservice import views, views_work  # noqa: E402,F401
