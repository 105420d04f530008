"""Public pages: home, health check, accessibility statement, privacy notice."""
from flask import Blueprint

bp = Blueprint("public", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.public import feeds, views  # noqa: E402,F401
