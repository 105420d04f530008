"""The one import mechanism: templates round-trip, every bad input refused or reported by row, nothing half-written."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, timedelta

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from portal import clock
from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate, CandidateCoach, StatusChange
from portal.employers.models import JobRole
from portal.imports import registry
from portal.imports.models import ImportJob
from portal.procurements.models import LedgerEntry
from tests.access.procurements import make_clause, make_procurement
from tests.access.reports import make_person
from tests.factories import make_org

TODAY = clock.today()
LAST_MONTH = TODAY - timedelta(days=30)


def _filled(template: bytes, rows) -> bytes:
    """The downloaded template with rows typed under its headers, saved as a user's Excel would."""
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook.worksheets[0]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _post(client, url, data: bytes, name="file.xlsx", **headers):
    return client.post(url, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
                       headers=headers)


def _result(client, response) -> str:
    assert response.status_code == 303, response.status_code
    return client.get(response.headers["Location"]).get_data(as_text=True)


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def candidate_row(name="Aino Asiakas", email="aino@example.fi", intake=LAST_MONTH, status="job_search", **kw):
    values = {"name": name, "email": email, "phone": "0401234567", "municipality": "Tampere",
              "intake_on": intake, "status": status, "status_since": None, "hours_min": 10, "hours_max": 25,
              "skills": "", "desired_work": "Varastotyö", "adjustments": "", "support_intensity": "",
              "next_follow_up": None}
    values.update(kw)
    return [values[c] for c in registry.get("candidates").columns]


def test_the_candidates_template_round_trips_into_the_coachs_caseload(client, login_as, db):
    coach = login_as("coach", language="fi")
    template = client.get("/imports/candidates/template.xlsx")
    assert template.status_code == 200
    headers = [c.value for c in load_workbook(io.BytesIO(template.data)).worksheets[0][1]]
    assert headers[:5] == ["Nimi", "Sähköposti", "Puhelin", "Kunta", "Aloituspäivä"]
    data = _filled(template.data, [
        candidate_row(),
        candidate_row("Bertil Berg", "bertil@example.fi", intake="2.1.2026", status="Employed",
                      status_since=datetime(2026, 3, 1), municipality="091", adjustments="Quiet workspace",
                      support_intensity="Intensive coaching"),
        candidate_row("Cecilia", None, intake=TODAY, status=None, hours_min=None, hours_max=None),
    ])
    page = _result(client, _post(client, "/imports/candidates", data, name="asiakkaat.xlsx"))
    assert "Tuotuja rivejä: 3." in page
    people = {c.name: c for c in db.session.scalars(select(Candidate))}
    assert set(people) == {"Aino Asiakas", "Bertil Berg", "Cecilia"}
    bertil = people["Bertil Berg"]
    assert (bertil.status, bertil.status_since, bertil.intake_on) == ("employed", date(2026, 3, 1), date(2026, 1, 2))
    assert bertil.municipality_code == "091" and [a.code for a in bertil.adjustments] == ["quiet_workspace"]
    assert bertil.support_intensity == "intensive" and people["Cecilia"].status == "intake"
    assert _count(db, CandidateCoach) == 3
    assert {lnk.user_id for lnk in db.session.scalars(select(CandidateCoach))} == {coach.id}
    steps = db.session.execute(select(StatusChange.status).where(StatusChange.candidate_id == bertil.id)
                               .order_by(StatusChange.since)).scalars().all()
    assert steps == ["intake", "employed"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "candidates_imported"))
    assert event.detail["rows"] == 3 and len(event.detail["candidates"]) == 3


def test_the_roles_template_round_trips_into_draft_roles(client, login_as, db):
    employer = login_as("employer")
    template = client.get("/imports/roles/template.xlsx?lang=en").data
    columns = registry.get("roles").columns
    rows = [
        {"title": "Varastotyöntekijä", "kind": "Job", "tasks": "Keräily", "municipality": "837",
         "hours_min": 20, "hours_max": 30, "positions": 2, "essential_skills": "Trukkikortti; Tarkkuus",
         "adjustments": "Quiet workspace", "languages": "fi", "wage_subsidy_interest": "yes",
         "open_until": TODAY + timedelta(days=60)},
        {"title": "Toimistoapulainen", "kind": "työkokeilu", "municipality": "Helsinki", "trial_weeks": 8,
         "hours_min": 16, "hours_max": 20, "remote": "Partly remote"},
    ]
    data = _filled(template, [[r.get(c) for c in columns] for r in rows])
    page = _result(client, _post(client, "/imports/roles?lang=en", data))
    assert "Imported rows: 2." in page
    roles = {r.title: r for r in db.session.scalars(select(JobRole))}
    assert set(roles) == {"Varastotyöntekijä", "Toimistoapulainen"}
    assert all(r.status == "draft" and r.organisation_id == employer.organisation_id for r in roles.values())
    storage = roles["Varastotyöntekijä"]
    assert storage.positions == 2 and storage.wage_subsidy_interest and storage.adjustment_codes == ["quiet_workspace"]
    assert [s.name for s in storage.essential_skills] == ["Trukkikortti", "Tarkkuus"]
    assert roles["Toimistoapulainen"].kind == "work_trial" and roles["Toimistoapulainen"].remote == "partly"


def test_role_rows_are_checked_by_the_role_rules_and_against_existing_roles(client, login_as, db):
    from tests.access.employers import make_role

    employer = login_as("employer")
    make_role(employer.organisation, title="Varastotyöntekijä", kind="job", municipality_code="837")
    columns = registry.get("roles").columns
    rows = [{"title": "varastotyöntekijä", "kind": "job", "municipality": "Tampere"},
            {"title": "Kokeilija", "kind": "work_trial", "trial_weeks": 200, "municipality": "837"},
            {"title": "Siivooja", "kind": "job", "hours_min": 30, "hours_max": 10, "wage_subsidy_interest": "maybe"}]
    data = _filled(client.get("/imports/roles/template.xlsx?lang=en").data, [[r.get(c) for c in columns] for r in rows])
    page = _result(client, _post(client, "/imports/roles?lang=en", data))
    assert "<td>2</td><td>Title</td><td>This record is already in the portal.</td>" in page
    assert "<td>3</td><td>Work trial in weeks</td><td>A work trial with the same organiser can last at most" in page
    assert "<td>4</td><td>Interested in wage subsidy</td><td>Write yes or no.</td>" in page
    assert _count(db, JobRole) == 1


def test_the_ledger_template_round_trips_through_the_same_mechanism(client, login_as, db):
    employer = login_as("employer")
    clause = make_clause(make_procurement(make_org("buyer"), employer.organisation, start=date(2026, 1, 1)),
                         deadline=date(2027, 6, 30))
    template = client.get(f"/supplier/clauses/{clause.id}/template.xlsx?lang=sv").data
    data = _filled(template, [["EO-0001", "Anställning", date(2026, 2, 1), None, 100]])
    response = _post(client, f"/supplier/clauses/{clause.id}/import", data)
    assert response.status_code == 302 and _count(db, LedgerEntry) == 1
    job = db.session.scalar(select(ImportJob))
    assert (job.kind, job.state, job.imported, job.target_id) == ("ledger", "done", 1, clause.id)


def test_row_problems_are_listed_by_row_and_column_in_the_users_language(client, login_as, db):
    login_as("coach", language="fi")
    template = client.get("/imports/candidates/template.xlsx").data
    data = _filled(template, [
        candidate_row(),
        candidate_row("Bertil", "ei-osoite", hours_min=30, hours_max=10, municipality="Atlantis"),
        candidate_row("", "c@example.fi", intake=TODAY + timedelta(days=3), status="exited"),
    ])
    page = _result(client, _post(client, "/imports/candidates", data))
    assert "Mitään ei tuotu: löytyi 7 ongelmaa." in page
    assert "<td>3</td><td>Sähköposti</td><td>Anna sähköpostiosoite" in page
    assert "<td>3</td><td>Kunta</td><td>Tuntematon arvo." in page
    assert "<td>3</td><td>Tunteja viikossa enintään</td><td>Pienin tuntimäärä on suurempi kuin suurin.</td>" in page
    assert "<td>4</td><td>Nimi</td><td>Tämä on pakollinen tieto.</td>" in page
    assert "<td>4</td><td>Aloituspäivä</td><td>Päivämäärä ei voi olla tulevaisuudessa.</td>" in page
    assert "<td>4</td><td>Tila</td><td>Asiakasta ei voi tuoda päättyneenä.</td>" in page
    assert _count(db, Candidate) == 0
    job_url = re.search(r"/imports/jobs/\d+", client.get("/imports/").get_data(as_text=True)).group(0)
    again = client.get(f"{job_url}?lang=sv").get_data(as_text=True)  # the codes are put into the reader's language
    assert "<td>4</td><td>Namn</td><td>Detta är obligatoriskt.</td>" in again


def _bad_upload(client, login_as, data: bytes, name="file.xlsx") -> str:
    login_as("coach")
    return _result(client, _post(client, "/imports/candidates?lang=en", data, name=name))


def _good_file(client, rows=None) -> bytes:
    template = client.get("/imports/candidates/template.xlsx?lang=en").data
    return _filled(template, rows if rows is not None else [candidate_row()])


def test_a_file_that_is_not_a_workbook_is_refused(client, login_as, db):
    page = _bad_upload(client, login_as, "Nimi;Sähköposti\nAino;aino@example.fi\n".encode(), name="list.xlsx")
    assert "The file is not an Excel workbook (.xlsx), or it is damaged." in page
    assert _count(db, Candidate) == 0


def test_a_workbook_with_macros_is_refused(client, login_as, db):
    login_as("coach")
    good = _good_file(client)
    macro = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(macro, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\x00" * 64)
    page = _result(client, _post(client, "/imports/candidates?lang=en", macro.getvalue(), name="macro.xlsm"))
    assert "The file contains macros." in page and _count(db, Candidate) == 0


def _rewrite_sheet(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = change(body)
            dst.writestr(item.filename, body)
    return out.getvalue()


def test_a_sheet_claiming_huge_dimensions_is_refused_as_a_bomb(client, login_as, db):
    login_as("coach")
    good = _good_file(client)
    huge = _rewrite_sheet(good, lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:XFD1048576"',
                                                   xml))
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(huge)).read("xl/worksheets/sheet1.xml")
    page = _result(client, _post(client, "/imports/candidates?lang=en", huge))
    assert "its sheet claims a huge area" in page and _count(db, Candidate) == 0


def test_a_sheet_that_unpacks_to_a_huge_size_is_refused_as_a_bomb(client, login_as, db):
    login_as("coach")
    good = _good_file(client)
    comment = b"<!--" + b" " * 60_000_000 + b"-->"
    padded = _rewrite_sheet(good, lambda xml: xml.replace(b"</worksheet>", comment + b"</worksheet>"))
    assert len(padded) < 1024 * 1024  # small on the wire
    page = _result(client, _post(client, "/imports/candidates?lang=en", padded))
    assert "The file unpacks to a suspicious size" in page and _count(db, Candidate) == 0


def test_a_workbook_of_another_template_is_refused(client, login_as, db):
    login_as("coach")
    other = Workbook()
    other.active.append(["Name", "Salary", "Bank account"])
    other.active.append(["Aino", 3000, "FI00 1234"])
    buffer = io.BytesIO()
    other.save(buffer)
    page = _result(client, _post(client, "/imports/candidates?lang=en", buffer.getvalue()))
    assert "The first sheet is not this import&#39;s template" in page and _count(db, Candidate) == 0


def test_a_date_written_as_text_is_reported_by_row_and_nothing_is_written(client, login_as, db):
    login_as("coach")
    data = _good_file(client, [candidate_row(), candidate_row("Bertil", "b@example.fi", intake="next Monday"),
                               candidate_row("Cecilia", "c@example.fi", next_follow_up="3/4/26")])
    page = _result(client, _post(client, "/imports/candidates?lang=en", data))
    assert "<td>3</td><td>Intake date</td><td>Give a date, for example 31.12.2026" in page
    assert "<td>4</td><td>Next follow-up</td><td>Give a date" in page
    assert _count(db, Candidate) == 0 and _count(db, StatusChange) == 0  # the good first row neither


def test_duplicates_of_existing_records_and_within_the_file_are_reported(client, login_as, db):
    coach = login_as("coach")
    make_person(coach.organisation, coach, [(0, "intake")], LAST_MONTH, name="Aino").email = "AINO@example.fi"
    data = _good_file(client, [candidate_row(email="aino@example.fi"), candidate_row("Bea", "bea@example.fi"),
                               candidate_row("Bea B.", "Bea@Example.fi")])
    page = _result(client, _post(client, "/imports/candidates?lang=en", data))
    assert "<td>2</td><td>Email</td><td>This record is already in the portal.</td>" in page
    assert "<td>4</td><td>Email</td><td>The same record appears earlier in the file.</td>" in page
    assert _count(db, Candidate) == 1


def test_too_many_rows_are_refused_before_anything_is_checked(client, login_as, db, monkeypatch):
    kind = registry.get("candidates")
    monkeypatch.setitem(registry._KINDS, "candidates", kind.__class__(**{**kind.__dict__, "max_rows": 2}))
    login_as("coach")
    data = _good_file(client, [candidate_row(f"P{i}", f"p{i}@example.fi") for i in range(3)])
    page = _result(client, _post(client, "/imports/candidates?lang=en", data))
    assert "The file has more rows than one import accepts (2)." in page and _count(db, Candidate) == 0


def test_an_error_while_writing_leaves_nothing_behind(client, login_as, db, monkeypatch):
    kind = registry.get("candidates")

    def write_then_fail(ctx, rows, user):
        kind.write(ctx, rows, user)  # the rows are flushed ...
        raise RuntimeError("disk full")  # ... and the transaction fails

    monkeypatch.setitem(registry._KINDS, "candidates", kind.__class__(**{**kind.__dict__, "write": write_then_fail}))
    login_as("coach")
    page = _result(client, _post(client, "/imports/candidates?lang=en", _good_file(client)))
    assert "nothing was written" in page
    assert _count(db, Candidate) == 0 and _count(db, StatusChange) == 0
    assert db.session.scalar(select(ImportJob.state)) == "failed"


def test_the_progress_script_gets_json_and_the_job_is_followed_by_its_token(client, login_as, db):
    login_as("coach")
    page = client.get("/imports/candidates?lang=en").get_data(as_text=True)
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', page).group(1)
    assert f'data-progress-url="/imports/progress/{token}"' in page and "js/imports.js" in page
    assert client.get(f"/imports/progress/{token}").status_code == 404  # nothing sent yet
    response = client.post("/imports/candidates?lang=en", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(_good_file(client)), "a.xlsx"), "token": token},
                           headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.json["location"].startswith("/imports/jobs/")
    progress = client.get(f"/imports/progress/{token}?lang=en").json
    assert progress["state"] == "done" and progress["finished"] and progress["read"] == 1
    assert progress["location"] == response.json["location"] and progress["message"] == "Imported"


def test_a_form_without_a_file_is_shown_again_with_the_error(client, login_as, db):
    login_as("employer")
    response = client.post("/imports/roles?lang=en", data={})
    assert response.status_code == 200 and 'id="file-error"' in response.get_data(as_text=True)
    assert _count(db, ImportJob) == 0
