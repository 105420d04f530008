"""The public listing of open roles, each role's page, and the roles JSON API."""
from flask import Blueprint

bp = Blueprint("jobs", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.jobs import views  # noqa: E402,F401
