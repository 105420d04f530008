"""Issue 13, finding 8: event sign-ups are limited per address and event, and hold a seat only once confirmed."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from portal.events.models import Event, Registration
from tests.factories import make_org
from tests.web.test_events import confirmed, make_event


def _sign_up(client, event, n, address="203.0.113.7"):
    return client.post(f"/events/{event.id}", data={"name": f"Kävijä {n}", "email": f"v{n}@example.com"},
                       environ_base={"REMOTE_ADDR": address})


def _link(mail) -> str:
    return re.search(r"http://localhost(/events/confirm/\S+)", mail.body).group(1)


def test_thirty_sign_ups_from_one_address_are_refused_long_before_and_fill_nothing(client, db, outbox):
    event = make_event(make_org("operator"), capacity=30)
    answers = [_sign_up(client, event, n).status_code for n in range(30)]
    assert answers[:10] == [302] * 10 and set(answers[10:]) == {429}  # ten per address and event an hour
    assert len(outbox) == 10 and all("/events/confirm/" in m.body for m in outbox)
    # Outsider pass: the typed name was echoed ("Hei Spam 0,"): a stranger's text into mail to any address.
    assert not any("Kävijä" in m.body for m in outbox)
    db.session.refresh(event)
    assert event.taken == 0  # nobody confirmed: not one seat is held
    # Another address still signs up for this event; one address over many events meets its own limit.
    assert _sign_up(client, event, 99, address="198.51.100.1").status_code == 302
    others = [make_event(make_org("operator")) for _ in range(3)]
    answers = [_sign_up(client, e, f"{k}-{n}", address="192.0.2.5").status_code
               for k, e in enumerate(others) for n in range(9)]
    assert answers[:20] == [302] * 20 and set(answers[20:]) == {429}  # twenty an hour over all events


def test_an_unconfirmed_sign_up_holds_no_seat_and_confirming_takes_it(client, login_as, db, outbox):
    org = make_org("operator")
    event = make_event(org, capacity=1)
    assert _sign_up(client, event, 1).status_code == 302
    assert _sign_up(client, event, 2).status_code == 302  # the single seat is still free: both may ask
    db.session.refresh(event)
    assert event.taken == 0 and "Tapahtuma on täynnä" not in client.get(f"/events/{event.id}").get_data(as_text=True)
    first, second = (_link(m) for m in outbox)
    assert "Vahvista" in client.get(first).get_data(as_text=True) and event.taken == 0  # a GET confirms nothing
    assert client.post(first).status_code == 302
    db.session.refresh(event)
    assert event.taken == 1 and "/events/cancel/" in outbox[-1].body
    refused = client.post(second, follow_redirects=True).get_data(as_text=True)
    assert "Tapahtuma on täynnä" in refused  # the seat went to the one who confirmed first
    db.session.refresh(event)
    assert event.taken == 1
    assert client.post(first).status_code == 404  # a spent link
    # The organiser sees the seat holder, and the one waiting only as a number.
    from tests.factories import make_user
    login_as(make_user("admin", org))
    page = client.get(f"/manage/events/{event.id}/registrations?lang=en").get_data(as_text=True)
    assert "v1@example.com" in page and "v2@example.com" not in page and "1 more sign-up waits" in page


def test_a_lapsed_sign_up_counts_nowhere_and_its_link_no_longer_works(client, db, outbox):
    event = make_event(make_org("operator"), capacity=1)
    assert _sign_up(client, event, 1).status_code == 302
    link = _link(outbox[-1])
    pending = db.session.scalar(select(Registration))
    pending.expires_at -= timedelta(hours=25)  # a day has passed
    db.session.commit()
    assert client.get(link).status_code == 404 and client.post(link).status_code == 404
    db.session.refresh(event)
    assert event.taken == 0
    # Someone else confirms the seat; the lapsed sign-up is deleted on the way, and the same address may start over.
    confirmed(client, outbox, event, "Toinen", "toinen@example.com")
    assert db.session.scalar(select(func.count()).select_from(Registration)) == 1
    assert db.session.get(Event, event.id).taken == 1


def test_the_confirmation_link_ends_when_the_event_starts(client, db, outbox):
    event = make_event(make_org("operator"), capacity=5, starts_in=timedelta(hours=2))
    assert _sign_up(client, event, 1).status_code == 302
    pending = db.session.scalar(select(Registration))
    assert pending.expires_at == event.starts_at  # sooner than a day


def test_a_confirmation_mail_to_one_address_is_not_sent_again_within_minutes(client, db, outbox):
    org = make_org("operator")
    event = make_event(org)
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.3"):  # from several addresses alike
        assert _sign_up(client, event, 1, address=address).status_code == 302
    assert len(outbox) == 1 and db.session.scalar(select(func.count()).select_from(Registration)) == 1
    pending = db.session.scalar(select(Registration))
    pending.mailed_at -= timedelta(minutes=11)
    db.session.commit()
    assert _sign_up(client, event, 1).status_code == 302
    assert len(outbox) == 2
    # Across events, three requests an hour reach one address at most.
    for n in range(4):
        other = make_event(org)
        assert _sign_up(client, other, 1, address=f"192.0.2.{n}").status_code == 302
    assert len(outbox) == 3 and {m.to for m in outbox} == {"v1@example.com"}  # two above, one more here


def test_a_name_with_a_line_break_or_control_character_is_refused_in_words_and_nothing_is_sent(client, db, outbox):
    event = make_event(make_org("operator"))
    for name in ("Eve\r\nBcc: victim@example.org", "Eve\nBcc: x@example.org", "Eve\tTab", "Eve\x1b[2J"):
        response = client.post(f"/events/{event.id}?lang=en", data={"name": name, "email": "eve@example.com"})
        assert response.status_code == 400, repr(name)  # the page again, with the message
        assert "Write this on one line, without line breaks or other special characters." in response.get_data(
            as_text=True)
    assert outbox == [] and db.session.scalar(select(func.count()).select_from(Registration)) == 0
    page = client.post(f"/events/{event.id}?lang=sv", data={"name": "Eve\r\nBcc: v@example.org",
                                                           "email": "eve@example.com"}).get_data(as_text=True)
    assert "Skriv detta på en rad" in page
    assert client.post(f"/events/{event.id}", data={"name": "Eve Ström-Öberg", "email": "eve@example.com"}
                       ).status_code == 302
