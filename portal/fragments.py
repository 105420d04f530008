"""Part of a page rendered on its own, to be kept and placed into the page around it (portal.versions).

The one place where rendered HTML is marked as markup in code: it comes from
render_template with autoescaping on, so every value in it is already escaped;
wrapping it keeps the page around it from escaping it a second time.
"""
from __future__ import annotations

from flask import render_template
from markupsafe import Markup


def render_fragment(template: str, **context) -> Markup:
    """The template rendered (autoescaped) as markup for another template."""
    return Markup(render_template(template, **context))
