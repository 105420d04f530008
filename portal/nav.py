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


_ITEMS: list[NavItem] = []


def add(endpoint: str, label, roles: tuple[str, ...], order: int = 50) -> None:
    """Register a navigation link (roles: who sees it; 'anonymous' for visitors)."""
    if not any(i.endpoint == endpoint for i in _ITEMS):
        _ITEMS.append(NavItem(endpoint, label, frozenset(roles), order))


def items_for_current_user() -> list[NavItem]:
    """The links the current user sees, in order."""
    role = current_user.role if current_user.is_authenticated else "anonymous"
    return sorted((i for i in _ITEMS if role in i.roles), key=lambda i: (i.order, i.endpoint))


def is_current(item: NavItem) -> bool:
    """Whether the link points at the page being shown, or its section."""
    endpoint = request.endpoint or ""
    return endpoint == item.endpoint or (
        item.endpoint.endswith(".index") and endpoint.split(".")[0] == item.endpoint.split(".")[0])


def init_app(app: Flask) -> None:
    """Expose the navigation to templates."""
    app.add_template_global(items_for_current_user, "nav_items")
    app.add_template_global(is_current, "nav_is_current")
