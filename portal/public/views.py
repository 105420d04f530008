"""Pages for everybody, and the health check."""
from __future__ import annotations

from flask import current_app, jsonify, render_template, send_from_directory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from portal.campaigns.models import Campaign, CampaignImage, Story
from portal.db_types import utcnow
from portal.events.models import Event
from portal.extensions import db, limiter
from portal.http_cache import shared
from portal.public import bp, services
from portal.security import public
from portal.versions import watch

# The front page's own data; its anonymous answer's ETag changes with this, a role or the ledger, and every
# minute (events and campaigns also start and end with the clock).
watch("public", Campaign, CampaignImage, Story, Event)


@bp.get("/")
@public
@shared(("public", "roles", "ledger"), 60, every=60)
def home():
    """The front page: running campaigns, next events, open roles and clause figures."""
    return render_template("public/home.html", **services.home_context(utcnow()))


@bp.get("/favicon.ico")
@public
@limiter.exempt
def favicon():
    """The icon browsers and feed readers ask for at the root, whatever the page links (which is the SVG)."""
    return send_from_directory(current_app.static_folder + "/img", "favicon.ico",
                               mimetype="image/vnd.microsoft.icon", max_age=86400)


@bp.get("/healthz")
@public
@limiter.exempt
def healthz():
    """200 with the database answering, 503 when it does not."""
    try:
        db.session.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):
        db.session.rollback()
        return jsonify(status="degraded", database="unavailable"), 503
    return jsonify(status="ok", database="ok")


@bp.get("/accessibility")
@public
def accessibility():
    """The accessibility statement (saavutettavuusseloste)."""
    return render_template("public/accessibility.html")


@bp.get("/privacy")
@public
def privacy():
    """The privacy notice."""
    return render_template("public/privacy.html")
