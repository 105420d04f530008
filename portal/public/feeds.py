"""Machine-readable public plumbing: the Atom feed, sitemap.xml and robots.txt."""
from __future__ import annotations

from flask import Response, render_template, url_for

from portal.db_types import utcnow
from portal.public import bp, services
from portal.security import public

LANGS = ("fi", "sv", "en")
PAGES = ("public.home", "campaigns.index", "events.index", "campaigns.story_list",
         "public.accessibility", "public.privacy")
# Pages that are for people signing in or managing content, not for search engines.
DISALLOWED = ("/manage/", "/admin/", "/login", "/start", "/account", "/events/cancel/", "/pledges")


@bp.get("/feed.atom")
@public
def feed():
    """An Atom feed of running campaigns and coming events, in the chosen language."""
    now = utcnow()
    campaigns, events = services.feed_items(now)
    stamps = [c.updated_at for c in campaigns] + [e.updated_at for e in events]
    body = render_template("public/feed.xml", campaigns=campaigns, events=events,
                           updated=max(stamps) if stamps else now)
    return Response(body, mimetype="application/atom+xml")


@bp.get("/sitemap.xml")
@public
def sitemap():
    """Every public page, with its language versions as alternates."""
    items = services.sitemap_items(utcnow())
    urls = [(url_for(e, _external=True), None) for e in PAGES]
    urls += [(url_for("campaigns.campaign", slug=slug, _external=True), at) for slug, at in items["campaigns"]]
    urls += [(url_for("events.event", event_id=i, _external=True), at) for i, at in items["events"]]
    urls += [(url_for("campaigns.story", story_id=i, _external=True), at) for i, at in items["stories"]]
    body = render_template("public/sitemap.xml", urls=urls, langs=LANGS)
    return Response(body, mimetype="application/xml")


@bp.get("/robots.txt")
@public
def robots():
    """Crawlers may read the public pages; where the sitemap is."""
    lines = ["User-agent: *"] + [f"Disallow: {path}" for path in DISALLOWED]
    lines += ["Allow: /", "", f"Sitemap: {url_for('public.sitemap', _external=True)}", ""]
    return Response("\n".join(lines), mimetype="text/plain")
