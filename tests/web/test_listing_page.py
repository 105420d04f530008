"""listing.Page: the same page arithmetic as Flask-SQLAlchemy's Pagination, without subclassing it."""
from __future__ import annotations

from itertools import product
from types import SimpleNamespace

from flask_sqlalchemy.pagination import Pagination

from portal.listing import Page, fetched_page, list_page

WIDGETS = [{}, {"left_edge": 1, "left_current": 2, "right_current": 2, "right_edge": 1},
           {"left_edge": 0, "left_current": 0, "right_current": 0, "right_edge": 0}]


def _reference(page: Page) -> SimpleNamespace:
    """What Pagination computes for the same page, total and size (its methods read only these)."""
    ref = SimpleNamespace(page=page.page, per_page=page.per_page, total=page.total, items=page.items)
    ref.pages = Pagination.pages.fget(ref)
    ref.has_prev, ref.has_next = Pagination.has_prev.fget(ref), Pagination.has_next.fget(ref)
    ref.prev_num, ref.next_num = Pagination.prev_num.fget(ref), Pagination.next_num.fget(ref)
    return ref


def test_page_numbers_and_links_agree_with_flask_sqlalchemy_for_every_page_in_range():
    for total, per_page in product(range(0, 130, 7), (1, 10, 25)):
        pages = max(1, -(-total // per_page))
        for number in range(1, pages + 1):
            page = Page(list(range(min(per_page, max(0, total - (number - 1) * per_page)))), total, number, per_page)
            ref = _reference(page)
            assert (page.pages, page.has_prev, page.has_next, page.prev_num, page.next_num) == (
                ref.pages, ref.has_prev, ref.has_next, ref.prev_num, ref.next_num)
            for widget in WIDGETS:
                assert list(page.iter_pages(**widget)) == list(Pagination.iter_pages(ref, **widget)), (
                    total, per_page, number, widget)


def test_a_list_is_cut_by_page_and_a_page_past_the_end_is_the_last_page(app):
    data = list(range(53))
    with app.test_request_context("/?page=3"):
        page = list_page(data, per_page=25)
        assert page.items == [50, 51, 52] and page.total == 53 and page.pages == 3 and not page.has_next
    with app.test_request_context("/?page=9"):
        last = list_page(data, per_page=25)
        assert last.items == [50, 51, 52] and last.page == 3
    with app.test_request_context("/?page=9"):
        assert list_page([], per_page=25).items == []
    with app.test_request_context("/?page=x"):
        assert list_page(data, per_page=25).page == 1


def test_a_fetched_page_asks_for_its_own_slice_and_keeps_sizes_within_bounds(app):
    asked = []

    def fetch(offset, limit):
        asked.append((offset, limit))
        return ["a"], 250

    with app.test_request_context("/?page=2"):
        page = fetched_page(fetch, per_page=500)
    assert asked == [(100, 100)] and page.per_page == 100 and page.pages == 3 and list(page) == ["a"]
    assert fetched_page(fetch, per_page=0, page=1).per_page == 20  # as db.paginate: a size below 1 is 20
