"""The rules of employer identity: what an administrator must say when verifying, and which names look alike."""
from __future__ import annotations

import pytest

from portal.domain.verification import (
    ADMIN_METHODS,
    METHODS,
    NOTE_MAX,
    can_decide_join,
    same_name,
    verification_problem,
)


@pytest.mark.parametrize("method,note,problem", [
    ("trade_register", "", None),
    ("called_contact", "Soitin 12.3.", None),
    ("other", "Tunnen yrityksen", None),
    ("other", "   ", "note_needed"),
    ("migration", "", "unknown_method"),  # automatic methods are not an administrator's to choose
    (None, "", "unknown_method"),
    ("trade_register", "x" * (NOTE_MAX + 1), "note_too_long"),
])
def test_a_verification_names_a_method_and_other_needs_a_note(method, note, problem):
    assert verification_problem(method, note) == problem


def test_every_method_an_administrator_can_choose_is_a_known_method():
    assert set(ADMIN_METHODS) < set(METHODS)


@pytest.mark.parametrize("a,b,same", [
    ("Esimerkki Oy", "Esimerkki Oy", True),
    ("Esimerkki Oy", "ESIMERKKI  OY.", True),
    ("Esimerkki Öy", "Esimerkki Oy", True),
    ("Esimerkki Oy", "Esimerkki Oy Ab", True),  # the bilingual form of the same legal form
    ("Esimerkki Oy", "Esimerkki \u041ey", True),  # outsider pass: a Cyrillic O slipped past the warning
    ("Esimerkki Oy", "Esi\u200bmerkki \uff2fy", True),  # a zero-width space, a fullwidth O
    # Outsider pass 3: spacing, dots, symbols, look-alike digits and letters, and other legal forms.
    ("Esimerkki Oy", "EsimerkkiOy", True),
    ("Esimerkki Oy", "\uff25\uff53\uff49\uff4d\uff45\uff52\uff4b\uff4b\uff49\uff2f\uff59", True),
    ("Esimerkki Oy", "E.s.i.m.e.r.k.k.i Oy", True),
    ("Esimerkki Oy", "Esimerkki Oy\u2122", True),
    ("Esimerkki Oy", "Esimerkki 0y", True),
    ("Esimerkki Oy", "Esimerkkl Oy", True),
    ("Esimerkki Oy", "Esimerkki Oyj", True),
    ("Esimerkki Oy", "Esimerkki Osakeyhtiö", True),
    ("Esimerkki Oy", "Esimerkki", True),
    ("Valmennuspolku ry", "valmennuspolku r.y.", True),
    ("Esimerkki Oy", "Esimerkkitalo Oy", False),
    ("Kebab Oy", "Kebabby Oy", False),
    ("Oy", "Ab", False),
    ("", "", False),
])
def test_names_that_would_look_the_same_in_a_list_are_found(a, b, same):
    assert same_name(a, b) is same


def test_only_a_pending_request_to_join_can_be_decided():
    assert can_decide_join("pending") and not can_decide_join("accepted") and not can_decide_join("declined")
