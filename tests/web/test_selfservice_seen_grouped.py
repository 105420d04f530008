"""Who saw what: reloads of the same part by the same person within a minute are one row with a count, and the
list can be narrowed to one organisation."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portal.audit.models import AuditEvent
from portal.domain.privacy import collapse_repeats
from tests.conftest import sign_in
from tests.factories import make_user

START = datetime(2026, 10, 1, 5, 59, 3, tzinfo=UTC)


def _read(world, user, at, part="plan"):
    return AuditEvent(action="candidate_read", at=at, actor_id=user.id, object_type="candidate",
                      object_id=world.ids["candidate"], organisation_id=user.organisation_id, detail={"part": part})


def test_collapse_repeats_counts_runs_of_neighbours_only():
    assert collapse_repeats([1, 1, 2, 1, 1, 1], key=lambda x: x) == [(1, 2), (2, 1), (1, 3)]
    assert collapse_repeats([], key=lambda x: x) == []


def test_five_reloads_in_one_minute_are_one_row_with_a_count_and_the_organisation_filter_narrows(client, world, db):
    coach = world.users["coach"]
    colleague = make_user("coach", org=coach.organisation)
    stranger = world.users["other_coach"] if "other_coach" in world.users else make_user("coach")
    reads = [_read(world, coach, START + timedelta(seconds=s)) for s in (0, 10, 20, 30, 40)]  # one minute
    reads += [_read(world, coach, START + timedelta(minutes=3))]  # later: its own row
    reads += [_read(world, colleague, START + timedelta(seconds=50))]  # another person: never merged
    reads += [_read(world, coach, START + timedelta(seconds=55), part="record")]  # another part: its own row
    reads += [_read(world, stranger, START + timedelta(hours=1))]
    db.session.add_all(reads)
    db.session.commit()
    sign_in(client, world.users["candidate"])
    page = client.get("/my/seen?lang=en").get_data(as_text=True)
    rows = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr")
    assert rows == 5
    assert "(5 times in the same minute)" in page and page.count("times in the same minute") == 1
    assert "(5 kertaa saman minuutin aikana)" in client.get("/my/seen?lang=fi").get_data(as_text=True)

    assert 'name="organisation"' in page and stranger.organisation.name in page
    only = client.get(f"/my/seen?lang=en&organisation={stranger.organisation_id}").get_data(as_text=True)
    assert only.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr") == 1
    # Not an organisation of the list, or not a number: the whole list, never an error.
    for bad in ("999999", "x", "-1", "99999999999999999999"):
        response = client.get(f"/my/seen?lang=en&organisation={bad}")
        assert response.status_code == 200 and "(5 times in the same minute)" in response.get_data(as_text=True)
