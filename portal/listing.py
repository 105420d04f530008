"""Sorting and pagination for list pages, driven by ?sort= and ?page=."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from math import ceil

from flask import has_request_context, request

from portal.extensions import db
from portal.inputs import page_number

PER_PAGE = 25
MAX_PER_PAGE = 100


@dataclass(frozen=True)
class SortChoice:
    key: str
    descending: bool

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key


def sort_choice(allowed: dict, default: str) -> SortChoice:
    """The requested sort if it names an allowed column, else the default."""
    raw = request.args.get("sort", default)
    key = raw.lstrip("-")
    if key not in allowed:
        raw, key = default, default.lstrip("-")
    return SortChoice(key=key, descending=raw.startswith("-"))


def apply_sort(stmt, allowed: dict, choice: SortChoice, tiebreak):
    """Order a select by the chosen column, then by a unique tiebreak for stable pages."""
    column = allowed[choice.key]
    return stmt.order_by(column.desc() if choice.descending else column.asc(), tiebreak)


def _last_page(total: int, per_page: int) -> int:
    return max(ceil(total / per_page), 1)


def paginate(stmt, per_page: int = PER_PAGE):
    """A Flask-SQLAlchemy Pagination for the select; a bad ?page= gives page 1, one past the end the last page.

    A page past the end would otherwise say the list is empty while it is not (a link kept after rows went).
    """
    result = db.paginate(stmt, page=page_number(), per_page=per_page, max_per_page=MAX_PER_PAGE, error_out=False)
    if not result.items and result.total and result.page > result.pages:
        result = db.paginate(stmt, page=result.pages, per_page=per_page, max_per_page=MAX_PER_PAGE,
                             error_out=False)
    return result


@dataclass
class Page:
    """One page of a list that is not a plain select (ranked in memory, or loaded in lean queries).

    It has the attributes of Flask-SQLAlchemy's Pagination that the pagination
    macro and the API read, with the same arithmetic; that class is only made
    by db.paginate, and subclassing it means overriding private hooks.
    """

    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """The number of pages (0 when the list is empty)."""
        return ceil(self.total / self.per_page) if self.total else 0

    @property
    def has_prev(self) -> bool:
        """Whether this is not the first page."""
        return self.page > 1

    @property
    def prev_num(self) -> int | None:
        """The previous page's number, or None on the first page."""
        return self.page - 1 if self.has_prev else None

    @property
    def has_next(self) -> bool:
        """Whether this is not the last page."""
        return self.page < self.pages

    @property
    def next_num(self) -> int | None:
        """The next page's number, or None on the last page."""
        return self.page + 1 if self.has_next else None

    def iter_pages(self, *, left_edge: int = 2, left_current: int = 2, right_current: int = 4,
                   right_edge: int = 2) -> Iterator[int | None]:
        """Page numbers for the pagination widget, None for a gap: Pagination.iter_pages's steps."""
        end = self.pages + 1
        left_end = min(1 + left_edge, end)
        yield from range(1, left_end)
        if left_end == end:
            return
        mid_start, mid_end = max(left_end, self.page - left_current), min(self.page + right_current + 1, end)
        if mid_start > left_end:
            yield None
        yield from range(mid_start, mid_end)
        if mid_end == end:
            return
        right_start = max(mid_end, end - right_edge)
        if right_start > mid_end:
            yield None
        yield from range(right_start, end)

    def __iter__(self) -> Iterator:
        return iter(self.items)


def page_window(per_page: int = PER_PAGE, page: int | None = None) -> tuple[int, int]:
    """(page, per_page) as db.paginate takes them: ?page= by default, per_page within 1..MAX_PER_PAGE."""
    if page is None:
        page = page_number() if has_request_context() else 1
    per_page = min(per_page, MAX_PER_PAGE) if per_page >= 1 else 20
    return max(page, 1), per_page


def list_page(data: list, per_page: int = PER_PAGE) -> Page:
    """A page of a list already in memory, by ?page=; a page past the end is the last page, never an error."""
    page, per_page = page_window(per_page)
    page = min(page, _last_page(len(data), per_page))
    start = (page - 1) * per_page
    return Page(data[start:start + per_page], len(data), page, per_page)


def fetched_page(fetch: Callable[[int, int], tuple[list, int]], per_page: int = PER_PAGE,
                 page: int | None = None) -> Page:
    """A page whose items and total fetch(offset, limit) returns (a ranking, or queries of their own)."""
    page, per_page = page_window(per_page, page)
    items, total = fetch((page - 1) * per_page, per_page)
    if not items and total and page > _last_page(total, per_page):  # past the end: the last page
        page = _last_page(total, per_page)
        items, total = fetch((page - 1) * per_page, per_page)
    return Page(items, total, page, per_page)
