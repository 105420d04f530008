from portal.domain.roles import role_fits


def test_roles_fit_their_kind_of_organisation():
    assert role_fits("officer", "buyer")
    assert role_fits("coach", "provider")
    assert role_fits("candidate", "provider")
    assert role_fits("employer", "employer")
    assert role_fits("admin", "operator")


def test_roles_outside_their_kind_do_not_fit():
    assert not role_fits("officer", "employer")
    assert not role_fits("coach", "buyer")
    assert not role_fits("admin", "provider")
    assert not role_fits("nonsense", "buyer")
    assert not role_fits("coach", "nonsense")
