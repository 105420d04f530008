"""Employer identity: administrators verify self-registered organisations; a known business ID asks to join."""
from flask import Blueprint

bp = Blueprint("identity", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.identity import views  # noqa: E402,F401
