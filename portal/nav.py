"""The main navigation: each feature adds its own links for the roles that use them."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, request
from flask_login import current_user


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: object  # a lazy string, translated when shown
    roles: frozenset[str]
    order: int
    # Endpoint prefixes of the pages under this link ("employers.role" for every role page);
    # a blueprint's index link covers its whole blueprint unless a closer link claims the page.
    section: tuple[str, ...] = ()

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The endpoint prefixes this link stands for, besides its own endpoint."""
        if self.section:
            return self.section
        return (self.endpoint.split(".")[0] + ".",) if self.endpoint.endswith(".index") else ()


_ITEMS: list[NavItem] = []


def add(endpoint: str, label, roles: tuple[str, ...], order: int = 50, section: tuple[str, ...] = ()) -> None:
    """Register a navigation link (roles: who sees it; 'anonymous' for visitors; section: see NavItem)."""
    if not any(i.endpoint == endpoint for i in _ITEMS):
        _ITEMS.append(NavItem(endpoint, label, frozenset(roles), order, section))


def items_for_current_user() -> list[NavItem]:
    """The links the current user sees, in order."""
    role = current_user.role if current_user.is_authenticated else "anonymous"
    return sorted((i for i in _ITEMS if role in i.roles), key=lambda i: (i.order, i.endpoint))


def current_item(items: list[NavItem]) -> NavItem | None:
    """The one link of the page being shown: its own link, else the link whose section fits it best.

    Only one link is ever current, so a screen reader never hears two "current page" items.
    """
    endpoint = request.endpoint or ""
    for item in items:
        if item.endpoint == endpoint:
            return item
    fits = [(len(p), item) for item in items for p in item.prefixes if endpoint.startswith(p)]
    return max(fits, key=lambda f: f[0])[1] if fits else None


def aria_current(item: NavItem, items: list[NavItem]) -> str | None:
    """aria-current for a link: "page" on its own page, "true" on a page of its section, else None."""
    if current_item(items) is not item:
        return None
    return "page" if item.endpoint == request.endpoint else "true"


def init_app(app: Flask) -> None:
    """Expose the navigation to templates."""
    app.add_template_global(items_for_current_user, "nav_items")
    app.add_template_global(aria_current, "nav_aria_current")
