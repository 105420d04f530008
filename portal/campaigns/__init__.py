"""Campaigns, pledges, stories and the campaign funnel."""
from flask import Blueprint

bp = Blueprint("campaigns", __name__)

# The view modules add their routes to bp; imported last, since they import bp from here.
from portal.campaigns import views, views_manage, views_stories  # noqa: E402,F401
