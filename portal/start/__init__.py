"""Each role's start page after signing in."""
from flask import Blueprint

bp = Blueprint("start", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.start import views  # noqa: E402,F401
