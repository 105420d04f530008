from portal.domain.passwords import MIN_LENGTH, password_problems

COMMON = {"salasana1234", "password1234"}


def test_a_long_uncommon_password_passes():
    assert password_problems("kolme vihreää omenaa", COMMON, "anna@example.fi") == []


def test_eleven_characters_is_too_short_and_twelve_is_enough():
    assert password_problems("a" * (MIN_LENGTH - 1) + "", set()) == ["too_short"]
    assert password_problems("abcdefghijkl", set()) == []


def test_common_passwords_are_refused_whatever_their_case():
    assert "common" in password_problems("SalaSana1234", COMMON)


def test_password_containing_the_email_name_is_refused():
    assert "contains_email" in password_problems("xx-annalisa-2026", set(), "annalisa@example.fi")


def test_short_email_names_do_not_block_ordinary_words():
    assert password_problems("ei-ole-ongelma-2026", set(), "ei@example.fi") == []


def test_the_shipped_common_list_covers_long_passwords():
    from portal.accounts.passwords import common_passwords

    common = common_passwords()
    assert len(common) > 19000
    assert "salasana1234" in common  # from our Finnish additions
    assert "qwertyuiop123" in common
