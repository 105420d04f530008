"""Bulk writing for the synthetic region: COPY on PostgreSQL, multi-row INSERTs elsewhere.

Rows are plain dicts with explicit ids (so that children can point at their
parents without asking the database). Column defaults the models declare are
filled in here, since COPY bypasses them, and every value goes through the
column type's own bind processing (UTC timestamps, JSON), so a row written
here reads back exactly as one written by the ORM.
"""
from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import JSON, func, insert, select, text

CHUNK = 5_000


class Writer:
    """Writes rows table by table in the session's transaction and counts them."""

    def __init__(self, session):
        self.session = session
        self.dialect = session.get_bind().dialect
        self.counts: Counter[str] = Counter()

    @property
    def postgresql(self) -> bool:
        """Whether COPY is available."""
        return self.dialect.name == "postgresql"

    def next_id(self, model) -> int:
        """The first free id of a table (the region may be added to a database that has rows)."""
        table = model.__table__
        return (self.session.scalar(select(func.max(table.c.id))) or 0) + 1

    def write(self, model, rows: list[dict]) -> None:
        """Insert the rows (all with the same keys) into the model's table."""
        if not rows:
            return
        table = getattr(model, "__table__", model)
        rows = self._with_defaults(table, rows)
        if self.postgresql:
            self._copy(table, rows)
        else:
            for start in range(0, len(rows), CHUNK):
                self.session.execute(insert(table), rows[start:start + CHUNK])
        self.counts[table.name] += len(rows)

    def _with_defaults(self, table, rows: list[dict]) -> list[dict]:
        missing = {}
        for column in table.columns:
            if column.name in rows[0] or column.default is None or column.default.is_sequence:
                continue
            default = column.default
            missing[column.name] = default.arg(None) if default.is_callable else default.arg
        if missing:
            rows = [{**missing, **row} for row in rows]
        return rows

    def _copy(self, table, rows: list[dict]) -> None:
        names = list(rows[0])
        processors = []
        for name in names:
            column_type = table.c[name].type
            if isinstance(column_type, JSON):
                processors.append(lambda v: None if v is None else json.dumps(v))
            else:
                processors.append(column_type.dialect_impl(self.dialect).bind_processor(self.dialect))
        cursor = self.session.connection().connection.driver_connection.cursor()
        columns = ", ".join(f'"{n}"' for n in names)
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([p(row[n]) if p else row[n] for n, p in zip(names, processors, strict=True)])

    def reset_sequences(self, models) -> None:
        """After explicit ids, move PostgreSQL's sequences past them (SQLite needs nothing)."""
        if not self.postgresql:
            return
        for model in models:
            table = model.__table__
            if "id" not in table.c or not table.c.id.autoincrement:
                continue
            self.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"GREATEST((SELECT COALESCE(MAX(id), 0) FROM \"{table.name}\"), 1))"))
