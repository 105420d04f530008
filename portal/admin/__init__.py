"""Administration: organisations, users, roles."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.admin import views  # noqa: E402,F401
