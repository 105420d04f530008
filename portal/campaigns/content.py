"""Markdown to safe HTML: markdown-it-py with raw HTML off, then nh3 with allow-lists.

Two layers on purpose: markdown-it never passes the writer's HTML through
(``html: False`` escapes it), and nh3 keeps only the tags, attributes and URL
schemes listed here, whatever the renderer produced. Headings move one level
down, since the page's own title is the only h1.
"""
from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

TAGS = {"p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "a", "blockquote",
        "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "s"}
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _shift_headings(state) -> None:
    """Core rule: h1 becomes h2 and so on, at most h6."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + 1)
            token.tag = f"h{level}"


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.core.ruler.push("shift_headings", _shift_headings)
    return md


_MD = _parser()


def sanitise(html: str) -> str:
    """Keep only allowed tags, attributes and URL schemes; links get rel=noopener noreferrer."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True,
                     set_tag_attribute_values={"th": {"scope": "col"}})


def render(markdown: str) -> str:
    """Safe HTML for a Markdown text (empty text gives empty HTML)."""
    if not markdown or not markdown.strip():
        return ""
    return sanitise(_MD.render(markdown))
