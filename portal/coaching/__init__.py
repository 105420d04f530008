"""Job coaching: caseloads, candidate records, service needs, plans, modules, consents, erasure."""
from flask import Blueprint

bp = Blueprint("coaching", __name__, url_prefix="/coaching")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.coaching import (  # noqa: E402,F401
    candidate_import,
    history,
    notices,
    views,
    views_admin,
    views_consents,
    views_paths,
    views_work,
)
