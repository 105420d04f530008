"""Excel imports: one mechanism (templates, row checks, all rows or none, progress) for every kind."""
from flask import Blueprint

bp = Blueprint("imports", __name__, url_prefix="/imports")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.imports import views  # noqa: E402,F401
# The kinds register themselves from their features (portal.employers.role_import, portal.coaching.candidate_import,
# portal.procurements.ledger_import): imports depends on no feature.
