"""Occupation and skill concepts: the seed files' counts and labels, and the rules that read them."""
from __future__ import annotations

from collections import Counter

import pytest
import yaml

from portal.domain.collation import sort_key
from portal.domain.concepts import (
    LANGS,
    Concept,
    ConceptError,
    check,
    implied,
    language_satisfied,
    minor_group,
    occupation_relation,
)
from portal.reference.concepts import CONCEPT_DIR, catalogue_rows, concepts, read_old_codes, resolve

OCCUPATIONS = concepts()["occupations"]
SKILLS = concepts()["skills"]
CARDS = ("Hygieniapassi", "Työturvallisuuskortti", "Tieturva 1", "Tieturva 2", "Anniskelupassi", "Ensiapu EA 1",
         "Ensiapu EA 2", "Trukkikortti", "Tulityökortti", "Järjestyksenvalvojakortti")


def test_the_whole_classification_is_there_with_its_hierarchy():
    assert len(OCCUPATIONS) == 619
    assert Counter(c.level for c in OCCUPATIONS.values()) == {1: 10, 2: 43, 3: 130, 4: 436}
    for c in OCCUPATIONS.values():
        assert c.parent is None if c.level == 1 else OCCUPATIONS[c.parent].level == c.level - 1
    assert OCCUPATIONS["9412"].labels == {"fi": "Avustavat keittiötyöntekijät", "sv": "Köksbiträden",
                                          "en": "Kitchen helpers"}
    assert OCCUPATIONS["9412"].source == "statfi-aml2010" and OCCUPATIONS["9412"].alt_source == "portal"


def test_at_least_120_unit_groups_have_alternative_labels_in_every_language():
    labelled = [c for c in OCCUPATIONS.values() if any(c.alt.values())]
    assert len(labelled) >= 120
    for c in labelled:
        assert c.level == 4 and all(c.alt[lang] for lang in LANGS), c.code
    assert "keittiöapulainen" in OCCUPATIONS["9412"].alt["fi"] and "köksbiträde" in OCCUPATIONS["9412"].alt["sv"]
    assert "kokki" in OCCUPATIONS["5120"].alt["fi"] and "siivooja" in OCCUPATIONS["9112"].alt["fi"]


def test_every_label_is_filled_in_every_language():
    for c in [*OCCUPATIONS.values(), *SKILLS.values()]:
        assert all(c.labels[lang].strip() for lang in LANGS), c.code
        assert all(a.strip() for alts in c.alt.values() for a in alts), c.code


def test_at_least_150_skills_with_the_cards_employers_ask_for_and_their_sources():
    assert len(SKILLS) >= 150
    finnish = {c.labels["fi"] for c in SKILLS.values()}
    assert set(CARDS) <= finnish
    assert all(c.alt["fi"] and c.alt["sv"] and c.alt["en"] for c in SKILLS.values())
    sources = yaml.safe_load((CONCEPT_DIR / "skills.yaml").read_text("utf-8"))["sources"]
    assert {c.source for c in SKILLS.values()} == set(sources) and "portal" in sources
    assert "hygieniaosaaminen" in SKILLS["food_hygiene"].alt["fi"]  # the unmatched pair is one concept


def test_unit_groups_in_one_minor_group_are_related():
    assert occupation_relation("9412", "9412") == "exact"
    assert occupation_relation("9412", "9411") == "same_minor_group"  # kitchen helper, fast food worker
    assert occupation_relation("9412", "5120") == "unrelated"          # kitchen helper, cook
    assert occupation_relation("9112", "9111") == "same_minor_group"
    assert minor_group("8344") == "834" == OCCUPATIONS["8344"].parent
    for bad in ("941", "94120", "", "94x2"):
        with pytest.raises(ConceptError):
            occupation_relation(bad, "9412")


def test_the_languages_a_person_speaks_satisfy_language_skills():
    finnish, either = SKILLS["finnish_language"], SKILLS["domestic_language"]
    assert language_satisfied(finnish, {"fi"}) and language_satisfied(finnish, ["ru", "FI "])
    assert not language_satisfied(finnish, {"sv", "en"}) and not language_satisfied(finnish, set())
    assert language_satisfied(either, {"sv"}) and language_satisfied(either, {"fi"})
    assert not language_satisfied(either, {"en"})
    assert language_satisfied(SKILLS["sign_language"], {"fse"})
    with pytest.raises(ConceptError):
        language_satisfied(SKILLS["cleaning"], {"fi"})
    spoken = yaml.safe_load((CONCEPT_DIR.parent / "reference" / "languages.yaml").read_text("utf-8"))["items"]
    covered = {code for c in SKILLS.values() for code in c.languages}
    assert {item["code"] for item in spoken} <= covered  # every language a candidate can have counts


def test_a_skill_includes_what_it_implies():
    assert implied(SKILLS, ["first_aid_ea2"]) == {"first_aid_ea2", "first_aid_ea1", "first_aid"}
    assert implied(SKILLS, ["forklift_card", "unknown"]) == {"forklift_card", "forklift", "unknown"}


def test_every_old_code_still_names_a_concept_and_its_old_label_still_matches():
    old = read_old_codes()
    assert (len(old["occupations"]), len(old["skills"])) == (36, 40)
    for scheme, mapping in old.items():
        for code, new in mapping.items():
            assert resolve(scheme, code) is concepts()[scheme][new]
    # The earlier short list's label is the concept's first alternative label: typed text matches as before.
    assert [OCCUPATIONS[c].alt["fi"][0] for c in ("9412", "5120", "5223", "4321")] == \
        ["keittiöapulainen", "kokki", "myyjä", "varastotyöntekijä"]
    assert resolve("skills", "no_such_code") is None


def test_the_catalogue_rows_split_unit_groups_from_the_hierarchy():
    rows = catalogue_rows()
    assert (len(rows["occupations"]), len(rows["occupation_groups"]), len(rows["skills"])) == (436, 183, len(SKILLS))
    kitchen = next(r for r in rows["occupations"] if r["code"] == "9412")
    assert kitchen["data"]["parent"] == "941" and kitchen["data"]["alt_source"] == "portal"
    assert next(r for r in rows["skills"] if r["code"] == "swedish_language")["data"]["languages"] == ["sv"]


def test_a_concept_without_a_label_or_with_a_wrong_parent_is_refused():
    with pytest.raises(ConceptError):
        check(Concept("skills", "x", {"fi": "X", "sv": "", "en": "X"}))
    with pytest.raises(ConceptError):
        check(Concept("occupations", "9412", {"fi": "a", "sv": "b", "en": "c"}, level=4, parent="94"))
    with pytest.raises(ConceptError):
        check(Concept("skills", "x", {"fi": "X", "sv": "X", "en": "X"}, alt={"fi": ("",)}))


def test_labels_sort_as_the_reader_expects():
    words = ["Öljy", "Åbo", "Äiti", "Zebra", "apu", "Éclair", "eka"]
    assert sorted(words, key=sort_key) == ["apu", "Éclair", "eka", "Zebra", "Åbo", "Äiti", "Öljy"]  # one collation

