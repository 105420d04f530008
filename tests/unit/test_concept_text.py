"""Typed text to concepts (portal.domain.concept_text) on the seeded concepts: the outside tester's findings."""
from __future__ import annotations

import pytest

from portal.domain import text
from portal.domain.concept_text import ConceptIndex, TermIndex
from portal.reference.concepts import concepts, match_concepts, read_generic_heads

OCCUPATIONS = match_concepts().occupations


def codes(typed: str) -> set[str]:
    return set(OCCUPATIONS.codes(typed))


def test_siivous_names_cleaners_not_their_supervisors():
    assert codes("siivous") == {"9112"}
    assert codes("siivoustyö") == {"9112"} and codes("städning") == {"9112"}
    assert codes("siivoustyönjohtaja") == {"5151"}  # the supervisors keep their own titles


@pytest.mark.parametrize("typed, expected", [
    ("siistijä", "9112"), ("städerska", "9112"), ("laitoshuoltaja", "9112"), ("toimitilahuoltaja", "9112"),
    ("lokalvårdare", "9112"), ("kiinteistöhuolto", "5153"), ("fastighetsskötare", "5153"), ("lähetti", "9621"),
    ("kaupan kassa", "5230"), ("hyllyttäjä", "9334"), ("keittiöapulainen", "9412"), ("kökbiträde", "9412"),
])
def test_common_entry_level_titles_name_their_unit_group(typed, expected):
    assert expected in codes(typed)


def test_varastomies_names_the_warehouse_groups():
    assert codes("varastomies") == {"4321", "9333"}


def test_a_compound_is_answered_by_its_head_only_when_its_modifier_answers_the_label_too():
    assert codes("kassatyöntekijä") == {"5230"}  # never "kiinteistöhuollon työntekijät" by its last word
    index = TermIndex(["kas", "tyontekij", "kiinteistohuoll"])
    assert index.heads("kassatyontekij") == (("tyontekij", "kassa"),)
    assert text.modifier_answers("kassa", "kas") and not text.modifier_answers("kassa", "kiinteistohuoll")


def test_a_typed_word_is_never_a_piece_of_a_longer_label_word():
    assert codes("työkokeilu") == set()  # "kokki" is not in it, nor "kokeilu" a job
    assert "5151" not in codes("siivous")  # not the first part of "siivousesimies"
    assert codes("kotisiivooja") == {"9111"}


def test_a_typo_in_a_whole_word_is_forgiven():
    assert codes("keitiöapulainen") == {"9412"}
    assert codes("siivojaa") == {"9112"}


def test_typo_tolerance_compares_whole_words_of_a_similar_length():
    index = TermIndex([text.stem("työkokeilu"), text.stem("keittiöapulainen")])
    assert index.answers(text.stem("kokki")) == frozenset()  # "kok" is not a typo of "työkokeilu"
    assert index.answers(text.stem("keitiöapulainen")) == {text.stem("keittiöapulainen")}
    assert text.typo_distance("kok") == 0 and text.typo_distance("kokki") == 1
    assert text.typo_distance("keittioapulain") == 2


def test_a_label_word_as_typed_is_not_read_as_a_typo_or_a_compound_in_another_language():
    skills = match_concepts().skills
    assert set(skills.codes("laitoshuolto")) == {"institutional_cleaning"}


SKILLS = match_concepts().skills


@pytest.mark.parametrize("typed, skills, occupations", [
    ("siivoustehtävät", {"cleaning"}, {"9112"}),  # cleaning tasks
    ("kassatyöntekijä", {"cash_register"}, {"5230"}),  # cashier work, never the caretakers' "työntekijät"
    ("asiakaspalveluosaaminen", {"customer_service"}, None),
    ("hygieniapassikokemus", {"food_hygiene"}, None),
    ("varastotyö", {"warehouse"}, {"4321", "9333"}),
    ("siivoustöitä", {"cleaning"}, {"9112"}),  # an inflected head
    ("lagerarbete", {"warehouse"}, {"4321", "9333"}),
    ("kundtjänstkunskap", {"customer_service"}, None),
])
def test_a_compound_with_a_generic_head_names_what_its_modifier_names(typed, skills, occupations):
    assert set(SKILLS.codes(typed)) == skills
    if occupations is not None:
        assert codes(typed) == occupations


def test_a_generic_head_never_names_a_concept_by_itself_and_the_heads_are_data():
    assert "5153" not in codes("kassatyöntekijä")  # "Kiinteistöhuollon työntekijät" ends in the same head
    assert codes("siivousesimies") == {"5151"}  # esimies is no generic head: the supervisor, not the cleaner
    assert "cleaning" not in SKILLS.codes("siivousesimies")
    assert codes("kokki") == {"5120"} and codes("työkokeilu") == set()  # "kokki" is not in "työkokeilu"
    assert SKILLS.codes("tehtävät") == frozenset() and SKILLS.codes("osaaminen") == frozenset()
    assert SKILLS.codes("työt") == frozenset()  # the head alone is not a modifier
    without = ConceptIndex(concepts()["skills"])  # the analysis knows only the heads it is given
    assert without.codes("siivoustehtävät") == frozenset()
    assert ConceptIndex(concepts()["skills"], {"fi": ["tehtävät"]}).codes("siivoustehtävät") == {"cleaning"}


def test_the_generic_heads_file_is_read_per_language():
    heads = read_generic_heads()
    assert {"tehtävät", "työ", "osaaminen", "kokemus", "työntekijä"} <= set(heads["fi"])
    assert {"uppgifter", "arbete", "kunskap", "erfarenhet"} <= set(heads["sv"])
    assert heads["en"] == ()


@pytest.mark.parametrize("typed, plain", [("ｋｏｋｋｉ", "kokki"), ("ᵏᵒᵏᵏⁱ", "kokki"), ("ＳＩＩＶＯＯＪＡ", "siivooja"),
                                          ("sii\u200bvooja", "siivooja"), ("sii\u00advooja", "siivooja")])
def test_unicode_forms_and_invisible_characters_name_what_the_plain_word_names(typed, plain):
    assert codes(typed) == codes(plain) and codes(plain)


def test_a_typo_of_a_word_never_names_a_longer_word_it_is_inside():
    assert "4321" not in codes("kokik")  # not the warehouse work trial ("työkokeilu" has no concept)
    assert codes("kokkki") <= codes("kokki")  # never a longer word ("Kokkola" names no concept either)
