"""Folding, Snowball stemming and whole-word fuzzy look-up of typed text (portal/domain/text.py)."""
from __future__ import annotations

import pytest

from portal.domain.text import clean_block, clean_line, fold, generic_stems, has_control_characters, normal, stem, terms
from portal.domain.word_search import Answers, Compound, lookup, rank, readings, term_score
from portal.reference.concepts import read_generic_heads


def fuzzy_lookup(query_terms, vocabulary):
    """The terms that answer each query word alone, with their scores."""
    return {q: dict(a.alone) for q, a in lookup(query_terms, vocabulary).items()}


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


def test_rank_counts_the_words_answered_first_and_leaves_unknown_words_out():
    matches = {"siivooja": Answers({"siivooja": 100.0, "toimistosiivooja": 100.0}),
               "tampere": Answers({"tampere": 100.0}), "xyzzy": Answers()}
    scores = rank(matches, {1: {"siivooja", "tampere"}, 2: {"toimistosiivooja"}, 3: {"kokki"}, 4: {"tampere"}})
    assert scores == {1: 100.0, 2: 50.0, 3: 0.0, 4: 50.0}  # "xyzzy", which nothing answers, does not count
    two = rank({"a": Answers({"x": 80.0, "z": 100.0}), "b": Answers({"y": 80.0})}, {1: {"x", "y"}, 2: {"z"}})
    assert two[1] > two[2]  # two words answered at 80 rank above one answered at 100


def test_clean_line_and_block_remove_control_characters():
    assert clean_line("  a\tb\x00c  \n d ") == "a b c d"
    assert clean_line("abcdef", 3) == "abc"
    assert clean_block("eka\r\n\r\n\r\ntoka\x07\n") == "eka\n\ntoka"


def test_a_compound_typed_as_one_word_is_answered_by_its_head_only_with_its_modifier():
    vocabulary = ["varastotyo", "tyokokeilu", "varastotyokokeilu", "oja", "kokeilu"]
    found = lookup(["varastotyokokeilu"], vocabulary)["varastotyokokeilu"]
    assert found.alone == {"varastotyokokeilu": 100.0}  # neither part answers alone
    assert found.score({"tyokokeilu"}) == 0.0 and found.score({"varastotyo"}) == 0.0
    assert 80 <= found.score({"tyokokeilu", "varastotyo"}) < 100  # head and modifier together, below whole
    assert found.score({"varastotyokokeilu"}) == 100.0


def test_kassatyontekija_is_not_answered_by_tyontekija_alone():
    vocabulary = [stem(w) for w in ("kiinteistöhuollon", "työntekijä", "kassa", "kiinteistönhoitaja")]
    found = lookup(terms("kassatyöntekijä"), vocabulary)[stem("kassatyöntekijä")]
    assert found.alone == {} and [c.head for c in found.compounds] == [stem("työntekijä")]
    assert found.score({stem("kiinteistöhuollon"), stem("työntekijä")}) == 0.0
    assert found.score({stem("kassa"), stem("työntekijä")}) >= 80
    assert isinstance(found.compounds[0], Compound)


def test_term_score_is_the_alone_answer():
    for term, score in lookup(["siivoo"], ["siivoo", "toimistosiivoo", "siivo"])["siivoo"].alone.items():
        assert term_score("siivoo", term) == pytest.approx(score)


def test_control_characters_are_found_in_names_and_ordinary_letters_are_not():
    for bad in ("Eve\r\nBcc: x@example.org", "a\nb", "a\tb", "a\x00", "a\u2028b", "a\x1bb"):
        assert has_control_characters(bad), repr(bad)
    for good in ("", None, "Eve Ström-Öberg", "Åsa O'Neill", "Jean-Luc d’Artagnan"):
        assert not has_control_characters(good), repr(good)


@pytest.mark.parametrize("typed", ["ｋｏｋｋｉ", "ᵏᵒᵏᵏⁱ", "KOKKI", "kok\u200bki", "kok\u00adki", "kok\u2060ki"])
def test_unicode_forms_and_invisible_characters_fold_to_the_plain_word(typed):
    assert terms(typed) == terms("kokki") == ["kok"]
    assert fold(typed) == "kokki" and normal(typed) == "kokki"


def test_invisible_characters_are_dropped_from_a_line_not_made_spaces():
    assert clean_line("sii\u200bvooja sii\u00advooja") == "siivooja siivooja"


VOCABULARY = ["kok", "kokkol", "tyokokeilu", "siivous", "siivoustyo", "tyontekij", "kiinteistohuolo",
              "keittioapulain", "varastotyo", "toimistoavustaj"]


def _found(typed: str) -> set[str]:
    heads = generic_stems(read_generic_heads(), ("fi",))["fi"]
    query = terms(typed)
    answers = lookup(query, VOCABULARY, readings=readings(typed, heads), generic=heads)[query[0]]
    return answers.terms()


@pytest.mark.parametrize(("typed", "expected"), [
    ("siivoustehtävät", {"siivous", "siivoustyo"}), ("siivoustehtävä", {"siivous", "siivoustyo"}),
    ("siivoustehtäviin", {"siivous", "siivoustyo"}), ("siivousosaaminen", {"siivous", "siivoustyo"}),
    ("siivouskokemus", {"siivous", "siivoustyo"}), ("keittiökokemus", {"keittioapulain"}),
    ("varastokokemus", {"varastotyo"}), ("toimistotyöntekijä", {"toimistoavustaj"}),
    ("keittiötyöntekijä", {"keittioapulain"})])
def test_a_compound_with_a_generic_head_is_read_as_its_modifier_never_as_the_head(typed, expected):
    assert _found(typed) == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("kokik", set()), ("ｋｏｋｋｉ", {"kok"}), ("ᵏᵒᵏᵏⁱ", {"kok"}), ("kokkki", {"kok"})])
def test_a_typo_is_forgiven_only_whole_word_against_whole_word(typed, expected):
    assert _found(typed) == expected


def test_a_part_of_a_longer_term_answers_only_exactly_and_when_long_enough():
    assert term_score("kokk", "kokkol") == 0 and term_score("varasto", "varastotyo") == 100
    assert term_score("varastp", "varastotyo") == 0
