"""The kinds of import the portal knows: each one's template columns, row check and writer.

A kind checks one row at a time and answers with what it read and its
problems as codes by column; it never writes while checking. The runner
(portal.imports.runner) reads the file, finds duplicates by the kind's key,
and calls the writer only when every row is clean, in one transaction.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from portal.i18n import in_language

LANGS = ("fi", "sv", "en")

Problems = dict[str, tuple[str, dict]]  # column -> (code, parameters)


@dataclass(frozen=True)
class ImportKind:
    """What one kind of import needs from the mechanism."""

    name: str
    title: Any  # a lazy string
    columns: tuple[str, ...]
    headers: dict[str, Any]  # column -> lazy header
    max_rows: int
    prepare: Callable[[Any, Any], Any]  # (user, target) -> context for checking and writing
    check: Callable[[Any, dict], tuple[Any, Problems]]  # (context, values by column) -> (item, problems)
    write: Callable[[Any, list, Any], int]  # (context, items, user) -> rows written
    message: Callable[[str, dict], str]  # a row problem in the user's language
    instructions: Callable[[Any], list[tuple[str, str]]]  # (target) -> (column header, what to write)
    key: Callable[[Any], Any] | None = None  # what makes a row a duplicate
    key_column: str | None = None
    existing_keys: Callable[[Any], set] | None = None  # (context) -> keys already in the portal
    file_messages: dict[str, Any] = field(default_factory=dict)  # overrides of the file-level messages
    widths: tuple[int, ...] = ()
    # Header rows of earlier templates, still read: a file downloaded before a header was reworded keeps working.
    former_headers: tuple[tuple[str, ...], ...] = ()

    def headers_in(self, lang: str) -> list[str]:
        """The template's column names in a language."""
        with in_language(lang):
            return [str(self.headers[c]) for c in self.columns]

    def header(self, column: str) -> str:
        """A column's name in the user's language."""
        return str(self.headers[column])


_KINDS: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> ImportKind:
    """Make a kind known (modules call this when imported)."""
    _KINDS[kind.name] = kind
    return kind


def get(name: str) -> ImportKind:
    """A known kind by name; KeyError for any other.

    Kinds register when their feature is imported (portal.features imports every one): the
    candidates and roles kinds with this package, the ledger kind with procurements.
    """
    return _KINDS[name]
