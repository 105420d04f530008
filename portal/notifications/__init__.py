"""Notifications: the portal's own list with unread counts, each user's choice of mail, and the daily run."""
from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

# The view module adds its routes and command to bp; imported last, since it imports bp from here.
from portal.notifications import views  # noqa: E402,F401
