"""The free-text rule (portal.domain.free_text): health words in their Finnish forms and compounds, names, contact."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from portal.domain.contact_details import contact_words, phone_digits
from portal.domain.free_text import Findings, Private, check, health_words, make_term, make_terms, name_words, stem
from portal.domain.normalise import joined_letters, normalise

TERMS = make_terms({"fi": ["masennus", "selkävaiva", "diagnoosi", "kipu", "terapia", "sairaus", "psyykkinen"],
                    "sv": ["ångest", "diagnos"], "en": ["depression", "back pain", "therapy"]})
SEED = Path(__file__).resolve().parents[2] / "seeds" / "guard" / "health_terms.yaml"


@pytest.mark.parametrize("word,language,expected", [
    ("masennus", "fi", "masennu"), ("selkävaiva", "fi", "selkävaiv"), ("diagnoosi", "fi", "diagnoos"),
    ("psyykkinen", "fi", "psyykki"), ("kipu", "fi", "kipu"), ("diabetes", "fi", "diabete"),
    ("smärta", "sv", "smärt"), ("depression", "en", "depression"), ("potilas", "fi", "potila"),
    ("sairas", "fi", "saira"), ("hiv", "exact", "hiv"),
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
    assert check(text, TERMS, Private("Aapo Esimerkki")) == Findings(("masennusdiagnoosi",), ("Aapo",))
    assert check(text, TERMS).words == ("masennusdiagnoosi",)
    assert not check("Tarkka työntekijä.", TERMS, Private("Aapo Esimerkki"))


def test_terms_are_checked():
    with pytest.raises(ValueError):
        make_term("x", "de")
    with pytest.raises(ValueError):
        make_term("  ", "fi")


def test_the_seed_list_has_every_language_a_source_and_catches_the_findings_words():
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    assert data["source"] and set(data["terms"]) == {"fi", "sv", "en", "exact", "acronym", "ordinary"}
    terms = make_terms(data["terms"])
    assert health_words("... on masennusdiagnoosi ja selkävaiva ...", terms) == ("masennusdiagnoosi", "selkävaiva")
    assert health_words("Tarkka ja rauhallinen työntekijä, joka pitää asiakaspalvelusta.", terms) == ()


# The outside tester's findings (issue 13, finding 5, second round), each against the shipped list.
SEED_TERMS = make_terms(yaml.safe_load(SEED.read_text(encoding="utf-8"))["terms"])


@pytest.mark.parametrize("text,found", [
    ("Syö sertraliinia aamuisin.", ("sertraliinia",)),
    ("Käyttää Cipralexia.", ("Cipralexia",)),
    ("Käyttää escitalopramia.", ("escitalopramia",)),
    ("Insuliini pitää pistää lounaalla.", ("Insuliini",)),
    ("Ritalin auttaa keskittymään.", ("Ritalin",)),
    ("Mielialalääkkeet käytössä.", ("Mielialalääkkeet",)),
    ("Ottaa kipulääkettä ja unilääkkeitä, joskus Buranaa ja Lyricaa.", ("kipulääkettä", "unilääkkeitä", "Buranaa",
                                                                     "Lyricaa")),
    ("Metformiini ja Ozempic, illalla Seroquel; Elvanse aamulla.", ("Metformiini", "Ozempic", "Seroquel", "Elvanse")),
])
def test_medicines_are_found(text, found):
    assert health_words(text, SEED_TERMS) == found


@pytest.mark.parametrize("text,found", [
    ("Bipolaarinen mieliala vaihtelee.", ("Bipolaarinen",)),
    ("Hänellä on HIV.", ("HIV",)),
    ("HIV:n takia.", ("HIV",)),
    ("Hänellä on sydänvika, sydänvian takia.", ("sydänvika", "sydänvian")),
    ("verenpainetauti ja tinnitus", ("verenpainetauti", "tinnitus")),
    ("Lievä lukihäiriö.", ("lukihäiriö",)),
    ("dysleksia", ("dysleksia",)),
    ("Jäänyt long covid, post-covid oireita.", ("long covid", "post-covid")),
    ("Alkoholiongelma on hoidettu.", ("Alkoholiongelma",)),
    ("Päihdeongelma taustalla, huumeongelma myös.", ("Päihdeongelma", "huumeongelma")),
    ("kuulovamma", ("kuulovamma",)),
    ("Näkövamma haittaa.", ("Näkövamma",)),
    ("Hän käyttää pyörätuolia.", ("pyörätuolia",)),
    ("Hän toipuu leikkauksesta.", ("toipuu",)),
    ("Hän on raskaana.", ("raskaana",)),
    ("Vakavasti sairas aiemmin.", ("sairas",)),
    ("Oli sairaslomalla, sairaana kauan.", ("sairaslomalla", "sairaana")),
])
def test_diagnoses_and_conditions_are_found(text, found):
    assert health_words(text, SEED_TERMS) == found


@pytest.mark.parametrize("text,found", [
    ("Hänellä on dg F32.", ("dg", "F32")),
    ("Dg. F41.1 ja Z73.0.", ("Dg", "F41.1", "Z73.0")),
    ("ICD-10 F 32 . 1 todettu", ("F 32 . 1",)),
    ("Koodi F.32, asuu Mannerheimintie 5 B 12", ("F.32",)),  # a staircase and flat is no code
    ("Ms-potilas.", ("potilas",)),
    ("add ja keskittymisvaikeuksia", ("add", "keskittymisvaikeuksia")),
    ("ADHD-lääkitys", ("ADHD", "lääkitys")),
    ("MT-ongelmia, mielenterveysongelma.", ("MT", "mielenterveysongelma")),
    ("TULE-vaiva", ("TULE",)),
    ("Vähän masis, välillä depis.", ("masis", "depis")),
    ("Käy fyssarilla.", ("fyssarilla",)),
    ("Tarvitsee lepoa jaksamisen takia.", ("jaksamisen takia",)),
    ("Jaksamisongelmia, uupumus, burnoutin jälkeen loppuunpalaminen.", (
        "Jaksamisongelmia", "uupumus", "burnoutin", "loppuunpalaminen")),
])
def test_abbreviations_codes_and_slang_are_found(text, found):
    assert health_words(text, SEED_TERMS) == found


@pytest.mark.parametrize("text,found", [
    ("Hon är sjukskriven.", ("sjukskriven",)),
    ("Efter en sjukskrivning är han sjukledig igen.", ("sjukskrivning", "sjukledig")),
    ("She is in rehab.", ("rehab",)),
    ("He was sick after rehabilitation.", ("sick", "rehabilitation")),
])
def test_sick_leave_and_rehab_in_swedish_and_english_are_found(text, found):
    assert health_words(text, SEED_TERMS) == found


@pytest.mark.parametrize("text", [
    "Hänellä on m a s e n n u s.", "Hänellä on m.a.s.e.n.n.u.s.", "Hänellä on m-a-s-e-n-n-u-s.",
    "Hänellä on ma\u00adsennus.",  # soft hyphen
    *(f"Hänellä on mas{joiner}ennus." for joiner in "\u200b\u200c\u200d\u2060\ufeff"),
    "Hänellä on m\u0430sennus.",  # Cyrillic а
    "Hänellä on mas\u0435nnus.",  # Cyrillic е
    "Hänellä on m\u03b1sennus.",  # Greek α
    "Hänellä on ｍａｓｅｎｎｕｓ.",  # fullwidth
])
def test_disguised_spellings_of_masennus_are_found(text):
    assert health_words(text, SEED_TERMS) == ("masennus",)


def test_text_is_made_plain_before_it_is_read():
    typed = "ma\u00adse\u200bnn\u0443s \u0440\u0455\u0443\u0441\u043e\u0455\u0456\u0455"
    assert normalise(typed) == "masennys psycosis"
    assert normalise("ΡΟΟ ｆｉ") == "POO fi"
    # Runs of spaced single letters are joined, each run on its own; a lone letter or "B-" stays.
    assert joined_letters("m a s e n n u s. B- ja C-kortti, a ja b, x.y.z") == "masennus. B- ja C-kortti, a ja b, xyz"


@pytest.mark.parametrize("text", [
    "asiakaspalvelu", "A skilled painter.", "terassi", "kassatyö", "trukkikortti", "hygieniapassi",
    "ensiapukortti EA1",  # a first-aid card is a work certificate, not health data
    "tarjoilija", "varastotyö", "B-ajokortti", "SAP", "Excel", "asiakas", "työkokeilu", "aamuvuoro", "palkkatuki",
    "Hyvä huumorintaju.", "Vammalan toimipiste.", "Raskaan kaluston kuljettaja; työn fyysinen raskaus ei haittaa.",
    "Hivenen ujo.", "Odottaa lastausta.", "Hän ei tule myöhässä.", "Osaa MS Office -ohjelmat.",
    "Litiumakkujen kierrätys.", "Anniskelupassi, alkoholin anniskelu.", "Päihteetön työpaikka.",
    "Vaivaton yhteistyö, ei häiritse muita.", "Kuuraus ja siivous.", "He is patient and careful.",
    "Jaksaa tehdä pitkää päivää; työssä jaksaminen on hänelle tärkeää.",  # "jaksaminen" alone is stamina
    "Event staff at concerts, teaching aids.", "Vuorot klo 8-16, aloitus 01.02.2024, 00100 Helsinki.",
    "Sydämellinen ja rauhallinen, hoitaa B- ja C-luokan kortit.",
])
def test_ordinary_work_words_pass_the_shipped_list(text):
    assert health_words(text, SEED_TERMS) == ()


def test_exact_acronym_and_ordinary_terms():
    terms = make_terms({"exact": ["hiv"], "acronym": ["tule"], "fi": ["vamma"], "ordinary": ["vammala"]})
    assert health_words("HIV, hiv:n, hivenen", terms) == ("HIV", "hiv")
    assert health_words("TULE, tule-vaiva; tule tänne", terms) == ("TULE", "tule")
    assert health_words("vamman takia Vammalassa", terms) == ("vamman",)


@pytest.mark.parametrize("written", ["+358402222222", "+358 40 222 2222", "040-2222222", "0402222222",
                                     "040 222 2222", "(040) 222 2222", "00358 40 2222222"])
def test_the_candidates_phone_is_found_in_any_format(written):
    private = Private("Aapo Esimerkki", "+358 40 222 2222", "aapo@example.fi")
    assert check(f"Soita hänelle {written}.", TERMS, private) == Findings(contact=(written,))
    assert phone_digits(written) == "0402222222"


def test_contact_details_are_the_candidates_own_or_any_other_and_count_only_when_private():
    private = Private("Aapo Esimerkki", "040 222 2222", "Aapo.E@example.fi")
    text = "Soita 0402222222 tai 050 111 1111, aapo.e@example.fi tai a.e@mail.fi. Vuoro klo 8-16, alkaa 01.02.2024."
    found = check(text, TERMS, private)
    assert found.contact == ("0402222222", "aapo.e@example.fi")
    assert found.other_contact == ("050 111 1111", "a.e@mail.fi")
    assert found.words[-1] == "a.e@mail.fi"
    assert not check(text, TERMS)  # the consent shares the contact
    assert contact_words("Y-tunnus 1234567-8, puh. 09 123 4567", None, None) == ([], ["09 123 4567"])


@pytest.mark.parametrize("text", [
    "Käyttää Zoloftia.", "Tar Sertralin.", "Takes sertraline.", "Takes fluoxetine daily.", "Prozac auttaa.",
    "Efexor käytössä.", "Ottaa Xanaxia.", "Alprox tarvittaessa.", "Tenoxia illalla.", "Subutex-hoito.",
    "Metadonihoidossa.", "Särkylääkkeitä päivittäin.", "Oli saikulla kuukauden.", "Kaksisuuntainen.",
    "Anoreksia takana.", "She had anorexia.", "Touretten oireyhtymä.", "Hän on invalidi.",
    "Hermoromahduksen jälkeen.", "Käy A-klinikalla.", "Osastojakson jälkeen.", "Hoitojakso päättyi.",
    "Välilevyn pullistuma.", "B-lausunto tulossa.", "Osatyökyvyttömyyseläkkeellä.", "Hon har sjukpension.",
    "Utbrändhet förra året.", "Has ASD.", "After a nervous breakdown.", "On disability pension.",
])
def test_outsider_pass_3_words_are_found(text):
    """Medicines, slang, care settings and conditions an outside tester still got through."""
    assert health_words(text, SEED_TERMS), text


@pytest.mark.parametrize("text", [
    "Osaa laskea osastojen tilaukset.", "Suljettu tila, ei ikkunoita.", "Välillä levyjä nostellen.",
    "Hoitaa asiakaspalvelun.", "B-luokan ajokortti.", "Kassajärjestelmä tuttu.",
])
def test_the_new_words_leave_work_text_alone(text):
    assert health_words(text, SEED_TERMS) == (), text
