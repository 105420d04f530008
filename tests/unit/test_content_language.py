"""The language a role's, event's or service's text is stored as: the author's choice, the guess, their language."""
from __future__ import annotations

import pytest

from portal.domain.text_language import content_language, detected_language

FINNISH = ("Siivooja", "Siivoat toimistoa ja autat asiakkaita, kun he tulevat.")
SWEDISH = ("Lagerarbetare", "Du arbetar på vårt lager och plockar varor till kunder.")


@pytest.mark.parametrize("chosen,texts,author,stored", [
    ("sv", FINNISH, "fi", "sv"),  # the author's choice wins over the words
    ("en", SWEDISH, "sv", "en"),
    ("", FINNISH, "sv", "fi"),  # no choice: the words tell
    (None, SWEDISH, "fi", "sv"),
    ("", ("Siivooja", ""), "sv", "sv"),  # too few words: the author's own language of the portal
    ("", ("", "och and ja"), "en", "en"),  # a tie is no evidence either
    ("xx", ("Siivooja",), "de", "fi"),  # nothing known: Finnish, the portal's default
])
def test_the_stored_language_is_the_choice_else_the_guess_else_the_authors_language(chosen, texts, author, stored):
    assert content_language(chosen, texts, author) == stored


def test_unclear_text_has_no_detected_language():
    assert detected_language("Siivooja") is None and detected_language(*FINNISH) == "fi"
