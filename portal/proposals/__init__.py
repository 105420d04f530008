"""Proposals: a coach proposes a candidate to a role, the employer answers, both sides are notified."""
from flask import Blueprint

bp = Blueprint("proposals", __name__, url_prefix="/proposals")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.proposals import notices, views  # noqa: E402,F401
