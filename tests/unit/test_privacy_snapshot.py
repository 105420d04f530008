"""Snapshots of what a consent lets an employer see (portal.domain.privacy): taken, narrowed, widened, read."""
from __future__ import annotations

from portal.domain.privacy import (
    CandidateProfile,
    EmployerView,
    IntroductionView,
    consent_snapshot,
    rescoped_snapshot,
    scope_change,
    snapshot_parts,
    snapshot_view,
)

PROFILE = CandidateProfile(code="OTE-1", name="Aapo Esimerkki", email="aapo@x.example", phone="040",
                           municipality="837", languages=(("fi", "native"),), skills=("cleaning",),
                           limits_note="SALAINEN", functional_limits=(("lifting", "brief"),),
                           target_groups=("partial_work_ability",), hours_min=20, hours_max=30)


def test_a_profile_snapshot_holds_the_employer_projection_only():
    snap = consent_snapshot(PROFILE, "profile")
    assert set(snap) == {"scope", "profile"} and snap["profile"]["skills"] == ["cleaning"]
    assert "SALAINEN" not in repr(snap) and "lifting" not in repr(snap) and "Aapo" not in repr(snap)
    view = snapshot_view(snap)
    assert type(view) is EmployerView and view.languages == (("fi", "native"),) and view.code == "OTE-1"


def test_a_contact_snapshot_adds_name_and_contact():
    view = snapshot_view(consent_snapshot(PROFILE, "profile_contact"))
    assert isinstance(view, IntroductionView) and (view.name, view.email) == ("Aapo Esimerkki", "aapo@x.example")


def test_narrowing_drops_the_contact_and_widening_adds_it_from_the_profile_given():
    wide = consent_snapshot(PROFILE, "profile_contact")
    narrow = rescoped_snapshot(wide, "profile")
    assert "contact" not in narrow and narrow["scope"] == "profile" and narrow["profile"] == wide["profile"]
    assert rescoped_snapshot(narrow, "profile_contact", PROFILE)["contact"]["name"] == "Aapo Esimerkki"
    assert "contact" not in rescoped_snapshot(narrow, "profile_contact")  # nothing read, nothing added
    assert rescoped_snapshot(None, "profile_contact", PROFILE) is None  # a deleted snapshot stays deleted


def test_scope_changes_and_parts():
    assert scope_change("profile", "profile_contact") == "widened"
    assert scope_change("profile_contact", "profile") == "narrowed"
    assert scope_change("profile", "profile") == "same"
    assert snapshot_parts(consent_snapshot(PROFILE, "profile_contact")) == ["contact", "profile"]
    assert snapshot_parts(None) == [] and snapshot_view(None) is None
