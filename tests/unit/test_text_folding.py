"""Folding, Snowball stemming and whole-word fuzzy look-up of typed text (portal/domain/text.py)."""
from __future__ import annotations

import pytest

from portal.domain.text import clean_block, clean_line, fold, fuzzy_lookup, rank, stem, term_score, terms


def test_fold_casefolds_strips_accents_and_punctuation():
    assert fold("Jyväskylä") == "jyvaskyla"
    assert fold("  ÅBO—Turku!!  Öljy ") == "abo turku oljy"
    assert fold("Café Straße") == "cafe strasse"
    assert fold(None) == "" and fold("") == ""


@pytest.mark.parametrize("word,base", [
    ("siivoojaksi", "siivooja"), ("siivoojana", "siivooja"), ("siivoojan", "siivooja"),
    ("siivoojat", "siivooja"), ("toimistossa", "toimisto"), ("varastosta", "varasto"),
    ("kassalla", "kassa"), ("siivoojakin", "siivooja"),
])
def test_inflected_finnish_words_meet_their_base_form(word, base):
    assert stem(word) == stem(base)


@pytest.mark.parametrize("word,base", [("städaren", "städare"), ("köksbiträden", "köksbiträde")])
def test_swedish_words_are_stemmed_with_the_swedish_stemmer(word, base):
    assert stem(word, "sv") == stem(base, "sv")


def test_stem_keeps_numbers_and_short_words():
    assert stem("2024") == "2024" and stem("it") == "it"


def test_terms_are_distinct_stems_without_stopwords():
    assert terms("Siivooja ja siivoojana, Oy!") == [stem("siivooja")]
    assert terms("Kiinteistönhoitaja Tampereella") == [stem("kiinteistönhoitaja"), stem("tampere")]


def test_inflected_and_misspelled_queries_meet_the_base_form():
    vocabulary = [stem(w) for w in ("siivooja", "toimistosiivooja", "varastotyö", "kokki", "oja", "kassa")]
    siivoo = stem("siivooja")
    found = fuzzy_lookup(terms("siivoojaksi"), vocabulary)
    assert set(found[siivoo]) >= {siivoo, stem("toimistosiivooja")}
    assert "oja" not in found[siivoo]  # a short word inside the query does not answer it
    typo = fuzzy_lookup(terms("siivojaa"), vocabulary)
    assert siivoo in typo[stem("siivojaa")]
    assert stem("varastotyö") in fuzzy_lookup(["varasto"], vocabulary)["varasto"]  # beginning of a compound
    # What Snowball leaves apart (-nen / -se-) the typo tolerance joins.
    assert stem("keittiöapulainen") in fuzzy_lookup(terms("keittiöapulaisena"), terms("keittiöapulainen"))[
        stem("keittiöapulaisena")]


def test_a_word_inside_a_longer_unrelated_word_does_not_answer_it():
    vocabulary = terms("Verkkokaupan varastotyön työkokeilu")
    assert fuzzy_lookup(terms("kokki"), vocabulary) == {stem("kokki"): {}}
    assert fuzzy_lookup(["kokeilu"], ["tyokokeilu"])["kokeilu"] == {"tyokokeilu": 100.0}  # the compound's last part


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
