import pytest

from portal.domain.business_id import normalise_business_id, with_check_digit


def test_valid_id_is_formatted():
    assert normalise_business_id("20774740") == "2077474-0"
    assert normalise_business_id(" 2077474-0 ") == "2077474-0"


@pytest.mark.parametrize("bad", ["2077474-1", "123", "abcdefg-h", ""])
def test_invalid_ids_are_refused(bad):
    with pytest.raises(ValueError):
        normalise_business_id(bad)


def test_check_digit_is_computed():
    assert with_check_digit("2077474") == "2077474-0"
    assert normalise_business_id(with_check_digit("1234567")) == "1234567-1"
