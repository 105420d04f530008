"""Sorting and pagination for list pages, driven by ?sort= and ?page=."""
from __future__ import annotations

from dataclasses import dataclass

from flask import request

from portal.extensions import db
from portal.inputs import page_number

PER_PAGE = 25


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


def paginate(stmt, per_page: int = PER_PAGE):
    """A Flask-SQLAlchemy Pagination for the select; a bad ?page= gives page 1."""
    return db.paginate(stmt, page=page_number(), per_page=per_page, max_per_page=100, error_out=False)
