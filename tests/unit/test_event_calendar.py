"""The .ics file follows RFC 5545 and reads back with the icalendar library."""
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from portal.events.ics import calendar, escape, fold

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_escaping_and_folding():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "ä" * 80
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_calendar_parses_back_with_the_same_times_and_texts():
    start = datetime(2026, 6, 12, 9, 30, tzinfo=HELSINKI)  # summer time, UTC+3
    text = calendar(uid="event-7@ote.example", title="Rekrytointiaamu, Åbo; osa 2",
                    description="Rivi 1\nRivi 2 " + "pitkä " * 30, starts_at=start.astimezone(UTC),
                    ends_at=(start + timedelta(hours=2)).astimezone(UTC), location="Kirjasto, sali 2",
                    url="https://ote.example/events/7", stamp=datetime(2026, 5, 1, tzinfo=UTC))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    cal = Calendar.from_ical(text)
    event = cal.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Rekrytointiaamu, Åbo; osa 2"
    assert str(event["DESCRIPTION"]).startswith("Rivi 1\nRivi 2 pitkä")
    assert str(event["LOCATION"]) == "Kirjasto, sali 2"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTSTART").astimezone(HELSINKI).hour == 9
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=2)
    assert str(event["UID"]) == "event-7@ote.example"
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
