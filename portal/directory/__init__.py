"""The service directory: coaching and support services described by their goal."""
from flask import Blueprint

bp = Blueprint("directory", __name__, url_prefix="/services")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.directory import views  # noqa: E402,F401
