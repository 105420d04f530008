"""Access rules of the public plumbing: the Atom feed, sitemap.xml and robots.txt."""
from __future__ import annotations

from tests.access import PUBLIC, Route

ROUTES = [
    Route("public.feed", PUBLIC, kind="xml"),
    Route("public.sitemap", PUBLIC, kind="xml"),
    Route("public.robots", PUBLIC, kind="text"),
]
