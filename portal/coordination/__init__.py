"""Coordination across services: the coordinator of each phase, hand-overs, referrals and their answers."""
from flask import Blueprint

bp = Blueprint("coordination", __name__, url_prefix="/coordination")

# The view module adds its routes to bp; imported last, since it imports bp from here.
from portal.coordination import views, views_member  # noqa: E402,F401
