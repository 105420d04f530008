"""Employers: their profile, their adjustable roles and trial placements, and self-registration."""
from flask import Blueprint

bp = Blueprint("employers", __name__, url_prefix="/employer")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.employers import (
    role_import,  # noqa: F401  (registers its import kind)
    views,  # noqa: F401
)
