"""Matching: the coach's ranked roles for a candidate and ranked candidates for a role, with explanations."""
from flask import Blueprint

bp = Blueprint("matching", __name__, url_prefix="/matching")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.matching import views  # noqa: E402,F401
