"""The free-text rule (portal.domain.free_text): health words in their Finnish forms and compounds, names."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from portal.domain.free_text import Findings, check, health_words, make_term, make_terms, name_words, stem

TERMS = make_terms({"fi": ["masennus", "selkävaiva", "diagnoosi", "kipu", "terapia", "sairaus", "psyykkinen"],
                    "sv": ["ångest", "diagnos"], "en": ["depression", "back pain", "therapy"]})
SEED = Path(__file__).resolve().parents[2] / "seeds" / "guard" / "health_terms.yaml"


@pytest.mark.parametrize("word,language,expected", [
    ("masennus", "fi", "masennu"), ("selkävaiva", "fi", "selkävaiv"), ("diagnoosi", "fi", "diagnoos"),
    ("psyykkinen", "fi", "psyykki"), ("kipu", "fi", "kipu"), ("diabetes", "fi", "diabete"),
    ("smärta", "sv", "smärt"), ("depression", "en", "depression"),
])
def test_stems(word, language, expected):
    assert stem(word, language) == expected


@pytest.mark.parametrize("text,found", [
    ("Hänellä on masennusdiagnoosi ja selkävaiva.", ("masennusdiagnoosi", "selkävaiva")),
    ("Hänellä on ollut selkävaivoja ja masennuksen takia sairauslomaa.",
     ("selkävaivoja", "masennuksen", "sairauslomaa")),
    ("Alaselkävaivat ja kipuja, käy fysioterapiassa.", ("Alaselkävaivat", "kipuja", "fysioterapiassa")),
    ("Psyykkisen voinnin vuoksi.", ("Psyykkisen",)),
    ("Kirjoitettu ilman pisteitä: selkavaiva.", ("selkavaiva",)),
    ("Han har ångestsyndrom och en diagnos.", ("ångestsyndrom", "diagnos")),
    ("He has back pains and depression; therapy helps.", ("back pains", "depression", "therapy")),
])
def test_health_words_are_found_in_their_forms_and_compounds(text, found):
    assert health_words(text, TERMS) == found


@pytest.mark.parametrize("text", [
    "Tarkka ja rauhallinen työntekijä, pitää asiakaspalvelusta ja siivouksesta.",
    "Kokenut kassatyöntekijä, osaa ruotsia; työkokeilu sopisi hyvin. Tauot tärkeitä.",
    "A skilled painter who likes the back office and customer service.",
])
def test_ordinary_work_text_passes(text):
    assert health_words(text, TERMS) == ()


def test_names_in_their_case_forms_but_not_words_that_merely_begin_alike():
    assert name_words("Matti on tarkka. Mattia kiinnostaa, Mattille sopii.", "Matti Virtanen") == (
        "Matti", "Mattia", "Mattille")
    assert name_words("Soita Virtaselle.", "Matti Virtanen") == ("Virtaselle",)
    assert name_words("Vahva asiakaspalvelukokemus.", "Kaisa Asiakas") == ()
    assert name_words("Hyvä tyyppi.", None) == ()


def test_check_counts_the_name_only_when_given():
    text = "Aapo on tunnollinen, hänellä on masennusdiagnoosi."
    assert check(text, TERMS, "Aapo Esimerkki") == Findings(("masennusdiagnoosi",), ("Aapo",))
    assert check(text, TERMS).words == ("masennusdiagnoosi",)
    assert not check("Tarkka työntekijä.", TERMS, "Aapo Esimerkki")


def test_terms_are_checked():
    with pytest.raises(ValueError):
        make_term("x", "de")
    with pytest.raises(ValueError):
        make_term("  ", "fi")


def test_the_seed_list_has_every_language_a_source_and_catches_the_findings_words():
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    assert data["source"] and set(data["terms"]) == {"fi", "sv", "en"}
    terms = make_terms(data["terms"])
    assert health_words("... on masennusdiagnoosi ja selkävaiva ...", terms) == ("masennusdiagnoosi", "selkävaiva")
    assert health_words("Tarkka ja rauhallinen työntekijä, joka pitää asiakaspalvelusta.", terms) == ()
