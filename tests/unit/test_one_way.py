"""One way to do each thing, where no linter rule says it: one clock, one cache module, one refusal helper."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for folder in ("portal", "bench", "tests") for p in (ROOT / folder).rglob("*.py")]
PORTAL = [p for p in SOURCES if p.parts[len(ROOT.parts)] == "portal"]


def _defining(pattern: str, sources: list[Path] = SOURCES) -> list[str]:
    found = re.compile(pattern, re.M)
    return sorted(str(p.relative_to(ROOT)) for p in sources if found.search(p.read_text(encoding="utf-8")))


def test_today_in_finland_is_defined_once():
    assert _defining(r"^\s*def (today|local_today|helsinki_today)\(") == ["portal/clock.py"]


def test_one_cache_module_on_flask_caching():
    assert _defining(r"^\s*(from flask_caching|import flask_caching)", PORTAL) == ["portal/cache.py"]


def test_one_refusal_helper():
    assert _defining(r"^\s*def (show_refusal|_?fail)\(") == ["portal/errors.py"]
