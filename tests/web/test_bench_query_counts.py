"""No list page's SQL query count grows with the data.

Every declared GET route without object ids (tests/access), for every role
that may see it, is asked in the access world once a small share of a
generated region has been handed to the world's home organisations and
coach (a buyer's procurements, a provider's candidates and coaching, an
employer's roles, proposals and placements), and again after several times
as much has been: the number of statements must be the same. (Asking first
in the bare world would also count the queries a page skips while a list is
empty, which do not grow with anything; and the pages are all asked once
before the first count, so that what reading them writes, such as audit
events, is already there.)
"""
from __future__ import annotations

from sqlalchemy import and_, delete, exists, update
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import Organisation, User
from portal.benchdata.services import generate
from portal.extensions import db as _db
from tests.access import PUBLIC, all_routes
from tests.conftest import sign_in

LIST_KINDS = {"html", "json", "xml", "text"}  # downloads (kind "file") stream in chunks by design


def list_pages(world) -> list[tuple]:
    """(route, who) for every GET route without object ids, for each role that may use it."""
    found = []
    for route in all_routes():
        if route.method != "GET" or route.kind not in LIST_KINDS or route.params(world):
            continue
        for who in (("anonymous",) if route.allowed == PUBLIC else route.allowed):
            found.append((route, who))
    return found


def _unique_sets(table, column) -> list[list]:
    """The other columns of every primary key, unique constraint or unique index that holds the column."""
    sets = [list(c.columns) for c in table.constraints if hasattr(c, "columns") and column in list(c.columns)
            and c.__class__.__name__ in ("UniqueConstraint", "PrimaryKeyConstraint")]
    sets += [list(i.columns) for i in table.indexes if i.unique and column in list(i.columns)]
    return [[c for c in cols if c is not column] for cols in sets]


def merge(target_table, source: int, target: int) -> None:
    """Point every reference to row `source` of the table at row `target` instead.

    A reference that would duplicate one the target already has (its
    employer profile, a coach already on the same candidate) is dropped.
    """
    for table in _db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not target_table:
                continue
            column = fk.parent
            for others in _unique_sets(table, column):
                twin = table.alias()
                clash = exists().where(twin.c[column.name] == target,
                                       *[twin.c[o.name] == table.c[o.name] for o in others])
                _db.session.execute(delete(table).where(and_(column == source, clash)))
            try:
                with _db.session.begin_nested():
                    _db.session.execute(update(table).where(column == source).values({column.name: target}))
            except IntegrityError:  # pragma: no cover - reported with the table's name
                raise AssertionError(f"cannot move {table.name}.{column.name} from {source} to {target}") from None


def hand_over(region, world, share: slice) -> None:
    """Give the world's home organisations (and coach) a share of the region's buyers, providers, employers."""
    orgs, users = Organisation.__table__, User.__table__
    for kind, key in (("buyer", "buyers"), ("provider", "providers"), ("employer", "employers")):
        for source in region.ids[key][share]:
            merge(orgs, source, world.orgs[kind].id)
            if kind == "provider":
                for coach in region.ids["staff"][("coach", source)]:
                    merge(users, coach, world.users["coach"].id)
    _db.session.commit()


def count_all(app, world, pages, count_queries, warm: bool = True) -> dict:
    """(endpoint, who, query) -> statements of one request (after a warm-up request when warm)."""
    found = {}
    for route, who in pages:
        client = app.test_client()
        if who != "anonymous":
            sign_in(client, _db.session.get(User, world.users[who].id))
        query = route.query(world)
        if warm:
            assert client.get(route_url(app, route), query_string=query).status_code in route.statuses
        statements = count_queries()
        response = client.get(route_url(app, route), query_string=query)
        assert response.status_code in route.statuses, (route.endpoint, who, response.status_code)
        found[(route.endpoint, who, str(sorted(query.items())))] = len(statements)
    return found


def route_url(app, route) -> str:
    with app.test_request_context():
        from flask import url_for

        return url_for(route.endpoint)


def test_no_list_page_runs_more_queries_with_more_data(app, db, world, count_queries):
    pages = list_pages(world)
    assert len(pages) > 40  # every feature's lists are here
    region = generate(scale=0.01, seed=9)
    db.session.commit()
    hand_over(region, world, slice(0, 1))
    # A first pass leaves what pages write as they are read (the caseload's and an export's audit events)
    # before anything is counted: otherwise a log read before those pages shows fewer kinds of rows.
    count_all(app, world, pages, count_queries, warm=False)
    small = count_all(app, world, pages, count_queries)
    hand_over(region, world, slice(1, 12))
    large = count_all(app, world, pages, count_queries)
    grown = {page: (small[page], large[page]) for page in small if large[page] != small[page]}
    assert not grown, "query counts changed with the data (before, after): " + "; ".join(
        f"{endpoint} as {who} {query}: {before} -> {after}" for (endpoint, who, query), (before, after)
        in sorted(grown.items()))
