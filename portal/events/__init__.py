"""Events: sign-up within capacity, cancellation links, calendar files, the organiser's list."""
from flask import Blueprint

bp = Blueprint("events", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.events import views, views_manage  # noqa: E402,F401
