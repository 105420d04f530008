"""Answers a worker keeps for a while: figures and catalogues that every page asks for and that rarely change.

Each gunicorn worker keeps its own copy for the number of seconds its
setting names (none while testing, so that a test sees what it has just
written). Only data that is fine to show a little late belongs here.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import TypeVar

from flask import current_app

T = TypeVar("T")
_kept: dict[Hashable, tuple[float, object]] = {}


def kept(key: Hashable, compute: Callable[[], T], setting: str, seconds: float) -> T:
    """compute()'s answer, kept under the key for app.config[setting] seconds (default `seconds`).

    An answer of None is not kept, so a figure that is not there yet is asked for again.
    """
    limit = current_app.config.get(setting, 0 if current_app.testing else seconds)
    if limit <= 0:
        return compute()
    now = time.monotonic()
    hit = _kept.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]  # type: ignore[return-value]
    value = compute()
    if value is not None:
        _kept[key] = (now + limit, value)
    return value


def forget(prefix: str) -> None:
    """Drop everything kept under keys that are tuples starting with the prefix (after a change)."""
    for key in [k for k in _kept if isinstance(k, tuple) and k and k[0] == prefix]:
        _kept.pop(key, None)
