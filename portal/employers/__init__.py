"""Employers: their profile, their adjustable roles and trial placements, and self-registration."""
from flask import Blueprint

bp = Blueprint("employers", __name__, url_prefix="/employer")

# The view modules add their routes to bp; imported last, since they import bp from here
# (role_import registers the feature's import kind).
from portal.employers import (  # noqa: E402,F401
    role_import,
    views,
)
