"""Column types shared by every feature."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import mapped_column
from sqlalchemy.types import TypeDecorator

from portal.domain.text_language import guess_language


class UTCDateTime(TypeDecorator):
    """A timestamp stored as UTC and always returned timezone-aware.

    SQLite drops the offset, PostgreSQL keeps it; this makes both behave alike.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use utcnow()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def content_language(*fields: str):
    """A `language` column (fi, sv, en) of a user-written text; when a row is added without one, the guess.

    The forms choose it (portal.domain.text_language.content_language); rows written elsewhere
    (demo data, imports, tests) get the language their fields' words suggest, as the migration did.
    """
    def guess(context) -> str:
        if context is None:  # bulk inserts of generated data ask without a row: the default language
            return guess_language()
        values = context.get_current_parameters()
        return guess_language(*(values.get(name) or "" for name in fields))

    return mapped_column(String(2), default=guess, server_default="fi")
