"""Procurement officers: procurements, employment clauses, the fulfilment ledger and its status."""
from flask import Blueprint

bp = Blueprint("procurements", __name__, url_prefix="/procurements")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.procurements import views, views_clauses, views_terms  # noqa: E402,F401
