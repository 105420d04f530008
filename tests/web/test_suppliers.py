"""The supplier's side: its own clauses, what is owed and by when, and the ledger it keeps by hand."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.procurements.models import LedgerEntry
from portal.procurements.services import clauses_for_supplier
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.factories import make_org, make_user

ENTRY = {"person_code": "eo-0042", "kind": "job", "start_date": "2026-02-01", "end_date": "", "work_share": "80"}


def _supplier_clause(login_as, kind="person_months", **kw):
    employer = login_as("employer", language="en")
    buyer = make_org("buyer", name="Demola kaupunki")
    item = make_procurement(buyer, employer.organisation, start=date(2026, 1, 1), end=date(2027, 12, 31))
    return employer, make_clause(item, kind=kind, deadline=date(2027, 6, 30), **kw)


def _entries(db) -> int:
    return db.session.scalar(select(func.count()).select_from(LedgerEntry))


def test_the_supplier_sees_its_own_clauses_with_what_is_owed_and_by_when(client, login_as, db):
    employer, clause = _supplier_clause(login_as)
    other = make_procurement(make_org("buyer"), make_org("employer"), reference="NOT-MINE")
    make_clause(other)
    page = client.get("/supplier/clauses").get_data(as_text=True)
    assert "Demola kaupunki" in page and "12.0 person-months" in page and "Jun 30, 2027" in page
    assert "NOT-MINE" not in page
    assert client.get(f"/supplier/clauses/{other.clauses[0].id}").status_code == 404


def test_a_supplier_records_an_entry_and_the_figures_change(client, login_as, db):
    employer, clause = _supplier_clause(login_as)
    response = client.post(f"/supplier/clauses/{clause.id}/entries/new", data=ENTRY)
    assert response.status_code == 302
    row = db.session.scalars(select(LedgerEntry)).one()
    assert (row.person_code, row.source, float(row.work_share), row.created_by_id) == ("EO-0042", "manual", 0.8,
                                                                                     employer.id)
    assert db.session.scalar(select(AuditEvent.object_id).where(AuditEvent.action == "ledger_entry_created")) == row.id
    page = client.get(f"/supplier/clauses/{clause.id}").get_data(as_text=True)
    assert "EO-0042" in page and "80%" in page


def test_bad_entries_get_clear_messages_and_nothing_is_written(client, login_as, db):
    employer, clause = _supplier_clause(login_as)
    url = f"/supplier/clauses/{clause.id}/entries/new"
    cases = [
        ({"end_date": "2026-01-15"}, "The end date is before the start date."),
        ({"start_date": "2025-12-01"}, "The start date is before the clause period begins (1/1/26)."),
        ({"start_date": "2027-07-01"}, "The start date is after the clause deadline (6/30/27)."),
        ({"work_share": "0"}, "Give a share from 1 to 100 per cent."),
        ({"work_share": "150"}, "Give a share from 1 to 100 per cent."),
        ({"person_code": "Matti Meikäläinen"}, "never a name"),
        ({"person_code": "010190-123A"}, "This looks like a personal identity code."),
        ({"kind": "work_trial"}, "Not a valid choice"),
    ]
    for change, message in cases:
        page = client.post(url, data={**ENTRY, **change}).get_data(as_text=True)
        assert message in page, change
    assert _entries(db) == 0


def test_kinds_the_clause_does_not_count_are_not_offered_and_duplicates_are_refused(client, login_as, db):
    employer, clause = _supplier_clause(login_as, kind="work_trials", min_months=1)
    page = client.get(f"/supplier/clauses/{clause.id}/entries/new").get_data(as_text=True)
    assert 'value="work_trial"' in page and 'value="job"' not in page
    data = {**ENTRY, "kind": "work_trial"}
    assert client.post(f"/supplier/clauses/{clause.id}/entries/new", data=data).status_code == 302
    page = client.post(f"/supplier/clauses/{clause.id}/entries/new", data=data).get_data(as_text=True)
    assert "The same person, kind and start date are already in the ledger." in page
    assert _entries(db) == 1


def test_an_entry_is_corrected_and_removed_after_confirmation(client, login_as, db):
    employer, clause = _supplier_clause(login_as)
    entry = make_entry(clause, person="EO-0001", start=date(2026, 2, 1))
    url = f"/supplier/clauses/{clause.id}/entries/{entry.id}"
    assert 'value="100"' in client.get(url + "/edit").get_data(as_text=True)
    response = client.post(url + "/edit", data={**ENTRY, "person_code": "EO-0001", "end_date": "2026-08-31"})
    assert response.status_code == 302
    db.session.refresh(entry)
    assert entry.end_date == date(2026, 8, 31) and float(entry.work_share) == 0.8
    assert "Remove the entry?" in client.get(url + "/delete").get_data(as_text=True)
    assert _entries(db) == 1
    assert client.post(url + "/delete").status_code == 302
    assert _entries(db) == 0
    assert db.session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "ledger_entry_deleted"))[
        "person_code"] == "EO-0001"


def test_placement_entries_are_changed_only_with_the_placement(client, login_as, db):
    employer, clause = _supplier_clause(login_as)
    entry = make_entry(clause, source="placement")
    entry.placement_id = 77
    page = client.get(f"/supplier/clauses/{clause.id}").get_data(as_text=True)
    assert "Placement #77" in page and "Changed with the placement" in page
    url = f"/supplier/clauses/{clause.id}/entries/{entry.id}"
    page = client.post(url + "/delete", follow_redirects=True).get_data(as_text=True)
    assert "This entry comes from a placement" in page
    assert _entries(db) == 1


def test_another_suppliers_entries_are_out_of_reach(client, login_as, db):
    employer, clause = _supplier_clause(login_as)
    other = make_clause(make_procurement(make_org("buyer"), make_org("employer"), reference="X"))
    foreign = make_entry(other)
    assert client.get(f"/supplier/clauses/{clause.id}/entries/{foreign.id}/edit").status_code == 404
    assert client.post(f"/supplier/clauses/{other.id}/entries/{foreign.id}/delete").status_code == 404
    assert _entries(db) == 1


def test_clauses_for_supplier_gives_id_and_label_of_its_own_clauses_only(app, db):
    from tests.factories import make_user

    employer = make_user("employer")
    mine = make_clause(make_procurement(make_org("buyer"), employer.organisation, reference="HK-7"), quantity=12)
    make_clause(make_procurement(make_org("buyer"), make_org("employer"), reference="HK-8"))
    with app.test_request_context("/"):
        choices = clauses_for_supplier(employer.organisation_id)
    assert [c.id for c in choices] == [mine.id]
    clause_id, label = choices[0]
    assert clause_id == mine.id and label == "HK-7: Henkilötyökuukaudet, 12 henkilötyökuukautta 30.6.2027 mennessä"


def test_roles_linked_to_a_clause_show_on_both_sides_and_keep_the_clause(client, login_as, db):
    from portal.employers.models import JobRole

    employer, clause = _supplier_clause(login_as)
    role = JobRole(organisation_id=employer.organisation_id, title="Siivooja, osa-aikainen", clause_id=clause.id)
    db.session.add(role)
    db.session.flush()
    page = client.get(f"/supplier/clauses/{clause.id}").get_data(as_text=True)
    assert f'href="/employer/roles/{role.id}">Siivooja, osa-aikainen</a>' in page
    login_as(make_user("officer", clause.procurement.buyer))
    assert "Siivooja, osa-aikainen" in client.get(f"/procurements/clauses/{clause.id}").get_data(as_text=True)
    page = client.post(f"/procurements/clauses/{clause.id}/delete?lang=en",
                       follow_redirects=True).get_data(as_text=True)
    assert "Roles are linked to this clause" in page
