"""Events: Helsinki time, sign-up within capacity (also under concurrency), cancellation, .ics, export."""
from __future__ import annotations

import io
import re
import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import func, select

from portal.db_types import utcnow
from portal.errors import ServiceError
from portal.events import services
from portal.events.models import Event, Registration
from portal.extensions import db as _db
from tests.conftest import sign_in
from tests.factories import make_org, make_user

HELSINKI = ZoneInfo("Europe/Helsinki")


def make_event(org, capacity=3, starts_in=timedelta(days=10), published=True, **over) -> Event:
    start = utcnow().replace(microsecond=0) + starts_in
    event = Event(organisation_id=org.id, title_fi="Rekrytointiaamu", title_sv="Rekryteringsmorgon",
                  description_fi="Tervetuloa.", starts_at=start, ends_at=start + timedelta(hours=2),
                  place="Kirjasto", capacity=capacity, taken=0, published=published, **over)
    _db.session.add(event)
    _db.session.flush()
    return event


def test_an_event_typed_in_helsinki_time_is_stored_in_utc_and_shown_in_helsinki(client, login_as, db):
    admin = login_as("admin")
    response = client.post("/manage/events/new", data={
        "title_fi": "Kesätapahtuma", "start_date": "2031-06-12", "start_time": "09:30", "end_time": "11:00",
        "place": "Kaupungintalo", "capacity": "40"})
    assert response.status_code == 302
    event = db.session.scalar(select(Event))
    assert event.starts_at == datetime(2031, 6, 12, 6, 30, tzinfo=UTC)  # UTC+3 in summer
    assert event.organisation_id == admin.organisation_id and not event.published
    client.post("/manage/events/new", data={
        "title_fi": "Talvitapahtuma", "start_date": "2031-01-15", "start_time": "09:30", "end_time": "11:00",
        "place": "Kaupungintalo", "capacity": "40"})
    winter = db.session.scalar(select(Event).where(Event.title_fi == "Talvitapahtuma"))
    assert winter.starts_at.hour == 7  # UTC+2 in winter
    client.post(f"/manage/events/{event.id}/publish")
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "9.30" in page or "09.30" in page
    form = client.get(f"/manage/events/{event.id}").get_data(as_text=True)
    assert 'value="09:30"' in form and 'value="2031-06-12"' in form


def test_bad_event_input_is_refused_with_messages(client, login_as, db):
    login_as("admin")
    base = {"title_fi": "X", "start_date": "2031-06-12", "start_time": "09:30", "end_time": "08:00",
            "place": "Sali", "capacity": "10"}
    assert "päätyttävä alkamisensa jälkeen" in client.post("/manage/events/new", data=base).get_data(as_text=True)
    no_place = {**base, "end_time": "10:00", "place": ""}
    assert "Anna paikka tai verkkolinkki." in client.post("/manage/events/new", data=no_place).get_data(as_text=True)
    js = {**base, "end_time": "10:00", "online_url": "javascript://example.com/%0aalert(1)"}
    assert "https://" in client.post("/manage/events/new", data=js).get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Event)) == 0


def confirmed(client, outbox, event, name, email):
    """Sign up and follow the confirmation link of the mail (a 302 on each step); the seat is then held."""
    assert client.post(f"/events/{event.id}", data={"name": name, "email": email}).status_code == 302
    link = re.search(r"http://localhost(/events/confirm/\S+)", outbox[-1].body).group(1)
    assert client.post(link).status_code == 302
    return link


def test_sign_up_mails_a_cancellation_link_that_frees_the_seat(app, client, db, outbox):
    event = make_event(make_org("operator"), capacity=2)
    confirmed(client, outbox, event, "Maija", "Maija@Example.com")
    db.session.refresh(event)
    assert event.taken == 1
    registration = db.session.scalar(select(Registration))
    assert registration.email == "maija@example.com"
    mail = outbox[-1]
    assert mail.to == "maija@example.com" and "Rekrytointiaamu" in mail.body
    link = re.search(r"http://localhost(/events/cancel/\S+)", mail.body).group(1)
    assert "Perutaanko ilmoittautumisesi?" in client.get(link).get_data(as_text=True)
    assert client.post(link).status_code == 302
    db.session.refresh(event)
    assert event.taken == 0 and db.session.scalar(select(func.count()).select_from(Registration)) == 0
    assert client.get(link).status_code == 404  # spent


def test_sign_up_beyond_capacity_after_the_start_or_twice_is_refused_and_nothing_written(client, db, outbox):
    org = make_org("operator")
    full = make_event(org, capacity=1)
    confirmed(client, outbox, full, "A", "a@example.com")
    again = client.post(f"/events/{full.id}", data={"name": "A", "email": "a@example.com"})
    assert again.status_code == 409
    over = client.post(f"/events/{full.id}", data={"name": "B", "email": "b@example.com"})
    assert over.status_code == 409 and "Tapahtuma on täynnä" in over.get_data(as_text=True)
    started = make_event(org, starts_in=timedelta(minutes=-5))
    late = client.post(f"/events/{started.id}", data={"name": "C", "email": "c@example.com"})
    assert late.status_code == 409 and "Tapahtuma on jo alkanut" in late.get_data(as_text=True)
    hidden = make_event(org, published=False)
    assert client.post(f"/events/{hidden.id}", data={"name": "D", "email": "d@example.com"}).status_code == 404
    bad = client.post(f"/events/{full.id}", data={"name": "", "email": "not-an-email"})
    assert bad.status_code == 400
    assert db.session.scalar(select(func.count()).select_from(Registration)) == 1
    db.session.refresh(full)
    assert full.taken == 1


def test_concurrent_sign_ups_never_exceed_the_capacity(app, db):
    """Twenty people sign up at the same moment for five seats (SQLite and PostgreSQL alike)."""
    event = make_event(make_org("operator"), capacity=5)
    db.session.commit()
    event_id, start = event.id, threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def sign_up(n: int) -> None:
        with app.app_context():
            start.wait()
            try:
                registration, _mail = services.register(event_id, f"Person {n}", f"p{n}@example.com", "fi")
                _db.session.commit()
                services.confirm(registration)  # the seat is taken when the sign-up is confirmed
                _db.session.commit()
                result = "ok"
            except ServiceError:
                _db.session.rollback()
                result = "refused"
            except Exception as exc:  # noqa: BLE001 a database that gave up waiting is a refusal, never an overbooking
                _db.session.rollback()
                result = f"error {type(exc).__name__}"
            finally:
                _db.session.remove()
            with lock:
                outcomes.append(result)

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    db.session.expire_all()
    stored = db.session.scalar(select(func.count()).select_from(Registration).where(
        Registration.event_id == event_id, Registration.confirmed_at.is_not(None)))
    assert outcomes.count("ok") == stored == 5, outcomes
    assert db.session.get(Event, event_id).taken == 5
    assert len(outcomes) == 20


def test_the_database_refuses_a_seat_beyond_capacity_even_without_the_service(db):
    import pytest
    from sqlalchemy.exc import IntegrityError

    event = make_event(make_org("operator"), capacity=1)
    event.taken = 2
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_calendar_file_parses_back(client, db):
    event = make_event(make_org("operator"))
    response = client.get(f"/events/{event.id}/calendar.ics?lang=sv")
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    vevent = Calendar.from_ical(response.data).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "Rekryteringsmorgon"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert str(vevent["LOCATION"]) == "Kirjasto"
    assert str(vevent["URL"]).endswith(f"/events/{event.id}")


def test_only_the_organising_organisation_sees_and_exports_the_sign_ups(app, client, login_as, db, outbox):
    from portal.campaigns.models import CampaignEditor

    admin = login_as("admin")
    event = make_event(admin.organisation, capacity=10)
    confirmed(client, outbox, event, "=HYPERLINK(\"http://x\")", "x@example.com")
    sign_in(client, admin)
    page = client.get(f"/manage/events/{event.id}/registrations").get_data(as_text=True)
    assert "x@example.com" in page
    export = client.get(f"/manage/events/{event.id}/registrations.xlsx")
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.data), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Nro", "Nimi", "Sähköposti")
    assert rows[1][1] == "=HYPERLINK(\"http://x\")" and rows[1][2] == "x@example.com"  # text, not a formula
    officer = make_user("officer", make_org("buyer"))
    db.session.add(CampaignEditor(user_id=officer.id))
    db.session.commit()
    other = app.test_client()
    sign_in(other, officer)
    assert other.get(f"/manage/events/{event.id}/registrations").status_code == 404
    assert other.get(f"/manage/events/{event.id}/registrations.xlsx").status_code == 404
    assert other.get(f"/manage/events/{event.id}").status_code == 404


def test_event_lists_page_and_keep_queries_flat(client, db, count_queries):
    org = make_org("operator")
    for n in range(3):
        make_event(org, starts_in=timedelta(days=n + 1))
    _db.session.commit()  # the setup's own commit (and its change counters) stays out of the count
    statements = count_queries()
    client.get("/events")
    few = len(statements)
    for n in range(30):
        make_event(org, starts_in=timedelta(days=n + 5))
    _db.session.commit()
    statements.clear()
    page = client.get("/events").get_data(as_text=True)
    assert len(statements) == few
    assert "Sivu 1 / 2" in page


def test_the_sign_up_mails_links_open_in_the_language_signed_up_in(client, db, outbox):
    event = make_event(make_org("operator"), capacity=5)
    assert client.post(f"/events/{event.id}?lang=sv", data={"name": "Stina", "email": "stina@example.com"}
                       ).status_code == 302
    link = re.search(r"http://localhost(/events/confirm/\S+)", outbox[-1].body).group(1)
    assert link.endswith("?lang=sv")
    assert client.post(link).status_code == 302
    body = outbox[-1].body
    for path in (f"/events/{event.id}?lang=sv", f"/events/{event.id}/calendar.ics?lang=sv", "/events/cancel/"):
        assert f"http://localhost{path}" in body, path
    assert re.search(r"/events/cancel/\S+\?lang=sv", body)
