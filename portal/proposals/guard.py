"""The check of a coach's message to an employer: the health word list of seeds/guard, and the candidate's name."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from flask_babel import gettext as _

from portal.domain.free_text import Findings, Term, check, make_terms
from portal.domain.privacy import SCOPE_PARTS

TERMS_FILE = Path(__file__).resolve().parents[2] / "seeds" / "guard" / "health_terms.yaml"


@lru_cache(maxsize=1)
def health_terms() -> tuple[Term, ...]:
    """The health words of every language, read once (the file ships with the code)."""
    data = yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))
    return make_terms(data["terms"])


def check_message(text: str, name: str | None, scope: str | None) -> Findings:
    """What the message must not tell the employer; the name counts unless the consent shares it."""
    shares_name = scope is not None and "contact" in SCOPE_PARTS.get(scope, ())
    return check(text, health_terms(), None if shares_name else name)


def findings_message(found: Findings) -> str:
    """The coach's explanation of what was found, in their language."""
    return _("The message may tell the employer about the candidate's health or name: %(words)s. Rewrite it, "
             "or tick that the candidate asked for exactly this to be shared.", words=", ".join(found.words))
