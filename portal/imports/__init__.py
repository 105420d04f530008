"""Excel imports: one mechanism (templates, row checks, all rows or none, progress) for every kind."""
from flask import Blueprint

bp = Blueprint("imports", __name__, url_prefix="/imports")

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.imports import views  # noqa: E402,F401
from portal.imports.kinds import candidates, roles  # noqa: E402,F401  (register their kinds)
