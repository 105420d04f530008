"""Suppliers bound by employment clauses: their clauses, what is owed, and the ledger they keep."""
from flask import Blueprint

bp = Blueprint("suppliers", __name__, url_prefix="/supplier")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.suppliers import views, views_share  # noqa: E402,F401
