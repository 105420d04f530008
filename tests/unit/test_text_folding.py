"""Folding, crude Finnish stemming and fuzzy look-up of typed text (portal/domain/text.py)."""
from __future__ import annotations

import pytest

from portal.domain.text import clean_block, clean_line, fold, fuzzy_lookup, rank, stem, term_score, terms


def test_fold_casefolds_strips_accents_and_punctuation():
    assert fold("Jyväskylä") == "jyvaskyla"
    assert fold("  ÅBO—Turku!!  Öljy ") == "abo turku oljy"
    assert fold("Café Straße") == "cafe strasse"
    assert fold(None) == "" and fold("") == ""


@pytest.mark.parametrize("word,expected", [
    ("siivoojaksi", "siivooja"), ("siivoojana", "siivooja"), ("siivoojan", "siivooja"),
    ("siivoojat", "siivooja"), ("toimistossa", "toimisto"), ("varastosta", "varasto"),
    ("kassalla", "kassa"), ("asiakkaille", "asiakka"), ("siivoojakin", "siivooja"),
    ("siivooja", "siivooja"), ("it", "it"), ("2024", "2024"),
])
def test_stem_strips_common_finnish_endings(word, expected):
    assert stem(word) == expected


def test_stem_keeps_short_words_whole():
    assert stem("kuun") == "kuun"  # stripping -n would leave fewer than four letters


def test_terms_are_distinct_stems_without_stopwords():
    assert terms("Siivooja ja siivoojana, Oy!") == ["siivooja"]
    assert terms("Kiinteistönhoitaja Tampereella") == ["kiinteistonhoitaja", "tampere"]


def test_inflected_and_misspelled_queries_meet_the_base_form():
    vocabulary = ["siivooja", "toimistosiivooja", "varastotyo", "kokki", "oja", "kassa"]
    found = fuzzy_lookup(terms("siivoojaksi"), vocabulary)
    assert set(found["siivooja"]) >= {"siivooja", "toimistosiivooja"}
    assert "oja" not in found["siivooja"]  # a short word inside the query does not answer it
    typo = fuzzy_lookup(terms("siivojaa"), vocabulary)
    assert "siivooja" in typo["siivojaa"]
    assert "varastotyo" in fuzzy_lookup(["varasto"], vocabulary)["varasto"]  # beginning of a compound
    assert fuzzy_lookup(["kokin"], vocabulary)["kokin"] == {"kokki": pytest.approx(80.0)}


def test_short_query_terms_need_an_exact_match():
    found = fuzzy_lookup(["it"], ["it", "ita", "keittio"])
    assert found == {"it": {"it": 100.0}}


def test_rank_is_the_mean_of_the_best_answers():
    matches = {"siivooja": {"siivooja": 100.0, "toimistosiivooja": 100.0}, "tampere": {"tampere": 100.0}}
    scores = rank(matches, {1: {"siivooja", "tampere"}, 2: {"toimistosiivooja"}, 3: {"kokki"}})
    assert scores == {1: 100.0, 2: 50.0, 3: 0.0}


def test_clean_line_and_block_remove_control_characters():
    assert clean_line("  a\tb\x00c  \n d ") == "a b c d"
    assert clean_line("abcdef", 3) == "abc"
    assert clean_block("eka\r\n\r\n\r\ntoka\x07\n") == "eka\n\ntoka"


def test_a_compound_typed_as_one_word_is_answered_by_its_parts_at_a_lower_score():
    vocabulary = ["varastotyo", "tyokokeilu", "varastotyokokeilu", "oja", "kokeilu"]
    found = fuzzy_lookup(["varastotyokokeilu"], vocabulary)["varastotyokokeilu"]
    assert found["varastotyokokeilu"] == 100.0
    assert 80 <= found["varastotyo"] < 100 and 80 <= found["tyokokeilu"] < 100
    assert "oja" not in found and "kokeilu" not in found  # too short a part of the query
    for term, score in found.items():
        assert term_score("varastotyokokeilu", term) == pytest.approx(score)
