"""A candidate's team across organisations: members with the candidate's consent, peers, shared plan parts."""
from flask import Blueprint

# No common prefix: the coach's pages live under /team, the candidate's under /my/team.
bp = Blueprint("team", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.team import views, views_member  # noqa: E402,F401
