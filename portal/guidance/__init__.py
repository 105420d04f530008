"""Guidance for employers: articles, the subsidy calculator and the legal rules it uses."""
from flask import Blueprint

bp = Blueprint("guidance", __name__, url_prefix="/guidance")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.guidance import views  # noqa: E402,F401
