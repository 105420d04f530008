"""The administrator's audit log: in words, filtered, paginated, sorted by time, and downloadable (issue 16, item 4)."""
from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from portal.audit.labels import ACTION_LABELS, PART_LABELS
from portal.audit.models import AuditEvent
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
# Actions built from a variable: the values each can take (see the record() calls named).
DYNAMIC = {
    "role_publish", "role_fill", "role_close", "role_unpublish",  # employers.services.change_state
    "consent_widened", "consent_narrowed",  # coaching.consents.change_scope
    "placement_started", "placement_ended", "placement_converted",  # placements.services.record_change
    "campaign_published", "campaign_archived", "campaign_draft",  # campaigns.services.change_status
    "password_changed", "password_reset", "password_invite",  # accounts.services.set_password
    "candidate_read_by_employer",  # proposals.snapshots.EMPLOYER_READ
    "clause_report_accepted", "clause_report_returned",  # clause_reports.services._review
}


def _event(action, at, actor=None, object_type="user", object_id=None, detail=None):
    event = AuditEvent(action=action, at=at, actor_id=actor.id if actor else None, object_type=object_type,
                       object_id=object_id, detail=detail)
    return event


def test_every_action_the_portal_records_has_a_name_in_words():
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "portal").rglob("*.py"))
    literal = set(re.findall(r'record\(\s*"([a-z_]+)"', source))
    literal |= {a for pair in re.findall(r'record\(\s*"([a-z_]+)" if \w+ else "([a-z_]+)"', source) for a in pair}
    literal |= set(re.findall(r'action="([a-z_]+)"', source)) & {"candidate_created", "candidate_exported",
                                                                 "candidate_erased"}
    missing = sorted((literal | DYNAMIC | {"candidate_changed"}) - set(ACTION_LABELS))
    assert missing == []
    assert len(literal) > 40  # the pattern still finds the calls


def test_every_part_of_a_candidates_data_the_portal_logs_has_a_name_in_words():
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "portal").rglob("*.py"))
    parts = set(re.findall(r'log_(?:read|change)\(\s*\w+,\s*"([a-z_]+)"', source))
    parts |= set(re.findall(r'"part":\s*"([a-z_]+)"', source))
    assert {"employer_view", "placements", "proposals", "employer_reads", "plan"} <= parts  # the patterns find them
    assert sorted(parts - set(PART_LABELS)) == []


def test_the_coachs_audit_page_names_every_action_and_part(client, world, db):
    coach, cid = world.users["coach"], world.ids["candidate"]
    sign_in(client, coach)
    org = coach.organisation_id
    now = datetime.now(UTC)
    db.session.add_all([
        AuditEvent(action="candidate_read_by_employer", at=now, object_type="candidate", object_id=cid,
                   organisation_id=org, detail={"part": "employer_view"}),
        *(AuditEvent(action="candidate_read", at=now, actor_id=coach.id, object_type="candidate", object_id=cid,
                     organisation_id=org, detail={"part": part}) for part in ("employer_reads", "placements",
                                                                                "proposals"))])
    db.session.commit()
    for lang, words in (("fi", ("Työnantaja luki asiakkaan profiilin", "Työnantajalle näytetty profiili",
                                "Sijoitukset", "Ehdotukset")),
                        ("sv", ("Förslag", "Placeringar"))):
        page = client.get(f"/coaching/audit?lang={lang}").get_data(as_text=True)
        for code in ("candidate_read_by_employer", "employer_view", "employer_reads", ">placements<",
                     ">proposals<"):
            assert code not in page, (lang, code)
        for word in words:
            assert word in page, (lang, word)


def test_the_log_is_in_words_in_finnish_and_swedish(client, login_as, db):
    admin = login_as("admin", name="Aino Ylläpitäjä")
    coach = make_user("coach", name="Ville Valmentaja", email="ville@test.example")
    candidate = make_candidate(coach)
    now = datetime.now(UTC)
    db.session.add_all([_event("login", now, coach, "user", coach.id),
                        _event("candidate_read", now, coach, "candidate", candidate.id, {"part": "plan"}),
                        _event("organisation_created", now, admin, "organisation", 7),
                        _event("caseload_read", now, coach, "caseload", coach.id, {"candidates": [1, 2, 3]})])
    db.session.commit()
    page = client.get("/admin/audit/?lang=fi").get_data(as_text=True)
    for words in ("Kirjautuminen", "Asiakastietojen luku", "Organisaatio luotu", "Ville Valmentaja",
                  "ville@test.example", "Työhönvalmentaja", f"Asiakas: {candidate.code}", "Suunnitelma",
                  "Käyttäjä: Ville Valmentaja", "Kohde", "Organisaatio nro 7",
                  "Asiakaslistan katselu", "Asiakaslista (3 asiakasta)"):
        assert words in page, words
    assert ">Asiakastiedot</th>" not in page and ">Kohde</th>" in page  # the column that was wrongly headed
    for code in ("<code>", ">login<", ">candidate_read<", ">organisation_created<", "user 1"):  # none shown
        assert code not in page
    page = client.get("/admin/audit/?lang=sv").get_data(as_text=True)
    for words in ("Inloggning", "Läsning av klientuppgifter", "Jobbcoach", "Föremål", f"Klient: {candidate.code}",
                  "Klientlista (3 klienter)"):
        assert words in page, words


def test_filters_by_person_action_code_and_dates(client, login_as, db):
    login_as("admin")
    anna = make_user("coach", name="Anna Arvio", email="anna@test.example")
    bert = make_user("coach", name="Bert Berg", email="bert@test.example")
    first, second = make_candidate(anna), make_candidate(bert)
    day = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)
    db.session.add_all([
        _event("candidate_read", day, anna, "candidate", first.id, {"part": "profile"}),
        _event("candidate_read", day + timedelta(days=5), bert, "candidate", second.id, {"part": "status"}),
        _event("login", day + timedelta(days=10), anna, "user", anna.id),
    ])
    db.session.commit()

    def rows(query):
        page = client.get(f"/admin/audit/?lang=en&{query}").get_data(as_text=True)
        return page.count("<tr>") - 1 if "<tbody>" in page else 0, page

    assert rows("")[0] == 3
    assert rows("who=ANNA")[0] == 2 and rows("who=bert%40test")[0] == 1
    assert rows("action=login")[0] == 1
    assert rows(f"code={second.code.lower()}")[0] == 1
    assert rows("since=2026-11-14")[0] == 2 and rows("until=2026-11-15")[0] == 2
    assert rows("since=2026-11-11&until=2026-11-16")[0] == 1
    assert rows("since=11.11.2026&until=16.11.2026")[0] == 1  # as Finland writes a date, and the hint shows
    count, page = rows("who=anna&action=candidate_read&code=NO-SUCH")
    assert count == 0 and "No events match these filters." in page


def test_bad_filters_give_a_message_and_never_a_500(client, login_as, db):
    login_as("admin")
    for query, message in (("since=31.13.2026", "Give the date as a calendar date"),
                           ("until=2026-02-30", "Give the date as a calendar date"),
                           ("since=2026-12-01&until=2026-11-01", "The end of the period cannot be before its start."),
                           ("action=drop_tables", "Choose the action from the list."),
                           ("code=" + "X" * 40, "A candidate code has at most 16 characters."),
                           ("who=" + "y" * 300, "Write at most 100 characters."),
                           ("sort=nonsense&page=abc", None)):
        response = client.get(f"/admin/audit/?lang=en&{query}")
        assert response.status_code == 200, query
        page = response.get_data(as_text=True)
        if message:
            assert message in page and 'class="error-summary"' in page and "<title>Error:" in page, query
            field = "until" if "until=" in query else query.split("=")[0]
            assert re.search(rf'<(input|select)[^>]*name="{field}"[^>]*aria-invalid="true"', page) or re.search(
                rf'<(input|select)[^>]*aria-invalid="true"[^>]*name="{field}"', page), query  # on the field too
            assert client.get(f"/admin/audit/export.xlsx?{query}").status_code == 200


def test_pagination_and_order_by_time(client, login_as, db):
    admin = login_as("admin")
    start = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    db.session.add_all([_event("login", start + timedelta(hours=n), admin, "organisation", 1000 + n)
                        for n in range(60)])
    db.session.commit()
    first = client.get("/admin/audit/?lang=en").get_data(as_text=True)
    assert "Page 1 of 2 (60 in all)" in first
    assert "no. 1059" in first and "no. 1000" not in first  # newest first
    second = client.get("/admin/audit/?lang=en&page=2").get_data(as_text=True)
    assert "no. 1000" in second
    oldest = client.get("/admin/audit/?lang=en&sort=at").get_data(as_text=True)
    assert oldest.index("no. 1000") < oldest.index("no. 1001") and "no. 1059" not in oldest
    assert "sort=at" in oldest.split('class="pagination"')[1]  # the pages keep the order
    past = client.get("/admin/audit/?lang=fi&page=99999").get_data(as_text=True)  # a page past the end: the last
    assert "Sivu 2 / 2 (yhteensä 60)" in past
    assert "nro 1000" in past and "Lokiin ei ole vielä kirjattu mitään." not in past
    for html in (first, second, past):  # the navigation marks the page; the pagination only its own current
        assert html.count('aria-current="page"') <= 1  # the administration section is marked "true"
        assert html.split('class="pagination"')[1].count('aria-current="true"') == 1


def test_the_download_has_the_filtered_events_in_words_and_is_audited(client, login_as, db):
    admin = login_as("admin", name="Aino Ylläpitäjä")
    coach = make_user("coach", name="Ville Valmentaja")
    day = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)
    db.session.add_all([_event("login", day, coach, "user", coach.id),
                        _event("organisation_created", day, admin, "organisation", 5)])
    db.session.commit()
    response = client.get("/admin/audit/export.xlsx?lang=fi&action=login&since=2026-11-01")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Aika (Suomen aikaa)", "Henkilö", "Sähköposti", "Käyttäjän rooli", "Toiminto")
    assert len(rows) == 2
    assert rows[1][1] == "Ville Valmentaja" and rows[1][3] == "Työhönvalmentaja" and rows[1][4] == "Kirjautuminen"
    assert rows[1][0] == datetime(2026, 11, 10, 12, 0)  # Finnish time
    exported = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "audit_exported")).one()
    assert exported.actor_id == admin.id
    assert exported.detail == {"filters": {"action": "login", "since": "2026-11-01"}, "rows": 1}
    assert "Lokitietojen lataus" in client.get("/admin/audit/?lang=fi").get_data(as_text=True)


def test_only_administrators_see_or_download_the_log(client, login_as, db):
    login_as("coach")
    assert client.get("/admin/audit/").status_code == 403
    assert client.get("/admin/audit/export.xlsx").status_code == 403


def test_the_list_runs_the_same_number_of_queries_for_many_events(client, login_as, db, count_queries):
    admin = login_as("admin")
    now = datetime.now(UTC)

    def add(n):
        for _ in range(n):
            coach = make_user("coach")
            candidate = make_candidate(coach)
            db.session.add_all([_event("login", now, coach, "user", coach.id),
                                _event("candidate_read", now, coach, "candidate", candidate.id, {"part": "plan"}),
                                _event("organisation_updated", now, admin, "organisation", 1)])
        db.session.commit()

    add(2)
    statements = count_queries()
    client.get("/admin/audit/")
    few = len(statements)
    add(12)
    statements = count_queries()
    client.get("/admin/audit/")
    assert len(statements) == few
