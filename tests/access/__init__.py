"""Declared access rules for every endpoint, and the world they are checked in.

Each feature adds a module here with ``ROUTES`` (a list of ``Route``) and,
when its routes need objects, a ``build(world)`` function that creates them
for the home organisations and stores their ids in ``world.ids``. The
authorization matrix (tests/web/test_access_matrix.py) and the browser run
(tests/browser) read every module, so a new route is checked by both as soon
as it is declared, and an undeclared route fails the matrix.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("admin", "officer", "employer", "coach", "candidate", "professional", "peer")
# Users of a second organisation of the same kind: they must never reach the
# home organisation's objects.
OTHER_ROLES = ("other_officer", "other_employer", "other_coach", "other_candidate", "other_professional",
               "other_peer")
# Users of the home organisations who hold a role but not the object: a coach
# the candidate is not assigned to, and a second candidate of the same provider.
SECOND_ROLES = ("second_coach", "second_candidate")
EVERYONE = ("anonymous",) + ROLES + OTHER_ROLES + SECOND_ROLES
PUBLIC = "public"
SIGNED_IN = ROLES


@dataclass(frozen=True)
class Route:
    """What an endpoint answers to each kind of user.

    allowed: the roles that may use it (PUBLIC for everybody).
    scoped: the URL names an object of the home organisations, so users of
        another organisation with an allowed role get 404.
    ok: the statuses an allowed user may get (default: 200 for GET; 200 or a
        redirect for other methods, since a form either re-renders or succeeds).
    kind: html pages are visited by the browser and axe run; others are not.
    """

    endpoint: str
    allowed: tuple[str, ...] | str
    method: str = "GET"
    params: Callable = field(default=lambda world: {})
    data: Callable = field(default=lambda world: {})
    scoped: bool = False
    ok: tuple[int, ...] | None = None
    kind: str = "html"
    browser: bool = True
    query: Callable = field(default=lambda world: {})
    other_ok: tuple[int, ...] = (404,)
    # Home-organisation users of an allowed role who must not reach this object
    # (e.g. "second_coach", "second_candidate"): they get other_ok too.
    not_for: tuple[str, ...] = ()

    @property
    def statuses(self) -> tuple[int, ...]:
        """What an allowed user may get."""
        if self.ok is not None:
            return self.ok
        return (200,) if self.method == "GET" else (200, 302)

    def expected(self, who: str) -> tuple[int, ...] | str:
        """Allowed statuses for a user kind, or 'login' for a redirect to sign in."""
        if self.allowed == PUBLIC:
            return self.statuses
        if who == "anonymous":
            return "login"
        base = who.removeprefix("other_").removeprefix("second_")
        if base not in self.allowed:
            return (403,)
        if (who.startswith("other_") and self.scoped) or who in self.not_for:
            return self.other_ok
        return self.statuses


def modules():
    """Every feature module of this package."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name not in ("world",):
            yield importlib.import_module(f"{__name__}.{info.name}")


def all_routes() -> list[Route]:
    """Every declared route of every feature."""
    return [route for module in modules() for route in getattr(module, "ROUTES", [])]
