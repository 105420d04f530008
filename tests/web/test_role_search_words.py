"""Role search's words (issue 14's outside tester): compounds, several words, typos, a query too long."""
from __future__ import annotations

import re

import pytest

from tests.access.employers import make_role
from tests.conftest import sign_in
from tests.factories import make_org


@pytest.fixture
def market(db):
    """Roles whose occupations the tester's words name, or almost name."""
    org = make_org("employer", name="Palvelu Oy")
    made = {
        "caretaker": make_role(org, title="Kiinteistönhoitaja", tasks="Piha-alueiden hoito.", occupation_code="5153",
                               municipality_code="837"),
        "cashier": make_role(org, title="Kassatyöntekijä marketiin", tasks="Asiakkaiden palvelu kassalla.",
                             occupation_code="5230", municipality_code="837"),
        "cook": make_role(org, title="Kokki lounasravintolaan", tasks="Lounaan valmistus.", occupation_code="5120",
                          municipality_code="837"),
        "kitchen": make_role(org, title="Keittiöapulainen", tasks="Astioiden pesu.", occupation_code="9412",
                             municipality_code="837"),
        "cleaner_hki": make_role(org, title="Siivooja kauppakeskukseen", tasks="Käytävien siivous.",
                                 occupation_code="9112", municipality_code="091"),
        "trial": make_role(org, title="Verkkokaupan varastotyön työkokeilu", kind="work_trial", trial_weeks=8,
                           occupation_code="4321", municipality_code="837"),
    }
    db.session.commit()
    return made


def page(client, q: str) -> str:
    response = client.get("/roles", query_string={"lang": "en", "q": q})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def titles(text: str) -> list[str]:
    return re.findall(r'<h2><a href="/roles/\d+"[^>]*>([^<]+)</a></h2>', text)


def test_a_compound_finds_its_own_work_not_another_compound_with_the_same_last_word(client, market):
    # "Kiinteistöhuollon työntekijät" (5153's name) ends in "työntekijä", as "kassatyöntekijä" does.
    assert titles(page(client, "kassatyöntekijä")) == ["Kassatyöntekijä marketiin"]


def test_several_words_find_roles_answering_any_known_word_those_answering_more_first(client, market):
    found = titles(page(client, "siivooja helsinki"))
    assert found[0] == "Siivooja kauppakeskukseen"  # both words
    found = titles(page(client, "kokki tarjoilija"))
    assert found == ["Kokki lounasravintolaan"]  # no role is a waiter's: the cook still is found


def test_words_no_role_mentions_are_left_out_with_a_notice(client, market):
    text = page(client, "kokki zyxwvut")
    assert titles(text) == ["Kokki lounasravintolaan"]
    assert "No role mentions these words, so they were left out of the search: zyxwvut." in text
    assert "No role mentions" not in page(client, "kokki")


def test_a_typo_in_a_whole_word_is_forgiven_but_no_piece_of_a_longer_word_answers(client, market):
    assert titles(page(client, "keitiöapulainen")) == ["Keittiöapulainen"]
    assert "Verkkokaupan varastotyön työkokeilu" not in titles(page(client, "kokki"))


def test_words_over_200_characters_are_refused_with_a_message_not_cut(client, market):
    long = "siivooja " * 25  # 225 characters
    text = page(client, long)
    assert f"The search words are {len(long.strip())} characters long; at most 200 are allowed." in text
    assert titles(text) == [] and "0 roles found." in text
    assert client.get("/roles", query_string={"q": "x" * 5000}).status_code == 200
    api = client.get("/api/v1/roles", query_string={"q": long})
    assert api.status_code == 400 and "at most 200 characters" in api.get_json()["detail"]


def test_words_past_the_eighth_are_named_as_left_out(client, market):
    text = page(client, "kokki yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan")
    assert "Only the first 8 words were searched; these were left out: kahdeksan." in text


def both(client, world, q: str) -> tuple[list[str], list[str]]:
    """The titles the public search and the coach's role search find for the same words."""
    public = titles(page(client, q))
    sign_in(client, world.users["coach"])
    coach = client.get("/matching/roles", query_string={"lang": "en", "q": q})
    assert coach.status_code == 200
    client.get("/logout")
    return public, re.findall(r'<td><a href="/matching/roles/\d+">([^<]+)</a></td>', coach.get_data(as_text=True))



# Every role of the fixture asks for "Siivous" and "Asiakaspalvelu" (tests.access.employers.ROLE_DATA): a
# compound with a generic head finds what its modifier typed alone finds, and more than no role.
@pytest.mark.parametrize(("q", "modifier"), [
    ("siivoustehtävät", "siivous"), ("siivoustehtävä", "siivous"), ("siivoustehtäviin", "siivous"),
    ("siivousosaaminen", "siivous"), ("siivouskokemus", "siivous"), ("keittiökokemus", "keittiö"),
    ("varastokokemus", "varasto"), ("keittiötyöntekijä", "keittiö"), ("toimistotyöntekijä", "toimisto")])
def test_a_compound_with_a_generic_head_finds_what_its_modifier_names_in_both_searches(client, world, market, q,
                                                                                       modifier):
    public, coach = both(client, world, q)
    assert public and public == titles(page(client, modifier))
    assert sorted(coach) == sorted(public)
    assert "No role mentions" not in page(client, q)


@pytest.mark.parametrize(("q", "found"), [("keittiökokemus", "Keittiöapulainen"),
                                          ("varastokokemus", "Verkkokaupan varastotyön työkokeilu"),
                                          ("keittiötyöntekijä", "Keittiöapulainen")])
def test_kitchen_and_warehouse_experience_find_that_work(client, world, market, q, found):
    public, coach = both(client, world, q)
    assert found in public and found in coach


@pytest.mark.parametrize("q", ["toimistotyöntekijä", "keittiötyöntekijä"])
def test_a_generic_head_alone_never_finds_another_compound_with_it(client, world, market, db, q):
    make_role(market["cook"].organisation, title="Kiinteistöhuollon työntekijä", tasks="Pihojen hoito.",
              essential_skills="", negotiable_skills="", occupation_code="5153", municipality_code="837")
    db.session.commit()
    public, coach = both(client, world, q)
    assert "Kiinteistöhuollon työntekijä" not in public + coach


@pytest.mark.parametrize("q", ["ｋｏｋｋｉ", "ᵏᵒᵏᵏⁱ", "kokkki", "KOKKI"])
def test_unicode_forms_and_typos_of_kokki_find_the_cook_not_longer_words(client, world, market, db, q):
    make_role(market["cook"].organisation, title="Toimistoavustaja Kokkolassa", tasks="Postin lajittelu.",
              essential_skills="", negotiable_skills="", occupation_code="4110", municipality_code="272")
    db.session.commit()
    public, coach = both(client, world, q)
    assert public == ["Kokki lounasravintolaan"] and coach == public


def test_a_typo_is_never_forgiven_against_a_piece_of_a_longer_word(client, world, market):
    public, coach = both(client, world, "kokik")
    assert "Verkkokaupan varastotyön työkokeilu" not in public + coach


@pytest.mark.parametrize("q", ["sii\u200bvooja", "sii\u00advooja", "sii\u2060vooja"])
def test_invisible_characters_do_not_split_a_word(client, world, market, q):
    public, coach = both(client, world, q)
    assert public == titles(page(client, "siivooja")) and "Siivooja kauppakeskukseen" in public
    assert sorted(coach) == sorted(public)


@pytest.mark.parametrize(("skill", "words"), [
    ("Ruotsin kieli", ["svenska", "swedish", "ruotsi", "ruotsin kieli"]),
    ("Suomen kieli", ["finska", "finnish", "suomi"]),
    ("Englannin kieli", ["english", "englanti", "engelska"])])
def test_a_language_skill_is_found_in_finnish_swedish_and_english(client, world, market, db, skill, words):
    make_role(market["cook"].organisation, title="Asiakaspalvelija chat", tasks="Chat-palvelu.",
              essential_skills=skill, negotiable_skills="", occupation_code="4222", municipality_code="837")
    db.session.commit()
    for q in words:
        public, coach = both(client, world, q)
        assert "Asiakaspalvelija chat" in public and "Asiakaspalvelija chat" in coach, q
        assert "No role mentions" not in page(client, q)


def test_both_searches_order_ties_the_same_way_newest_first(client, world, market, db):
    org = market["cook"].organisation
    for name in ("Siivooja Yksi", "Siivooja Kaksi", "Siivooja Kolme"):
        make_role(org, title=name, tasks="Siivous.", municipality_code="837")
        db.session.commit()
    for q in ("siivooja", "siivooja kokki varasto"):
        public, coach = both(client, world, q)
        assert coach == public, q
    public, _coach = both(client, world, "siivooja")
    ours = [t for t in public if t.startswith("Siivooja ") and t.split()[1] in ("Yksi", "Kaksi", "Kolme")]
    assert ours == ["Siivooja Kolme", "Siivooja Kaksi", "Siivooja Yksi"]
