"""Accounts: organisations, users, memberships, sign-in sessions."""
from flask import Blueprint

bp = Blueprint("accounts", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.accounts import views  # noqa: E402,F401
