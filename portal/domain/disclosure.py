"""What an aggregate about people may show in public: small cells are hidden.

A count of fewer than MIN_CELL people is never published as a number: a
reader who knows the region could recognise the people behind it. When one
cell of a group is hidden and the group's total is shown, the hidden cell
could be worked out by subtraction, so the next smallest cell is hidden too
(complementary suppression). Figures are codes and numbers, never text.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)  # whatever names a published figure


MIN_CELL = 5


@dataclass(frozen=True)
class Cell:
    """A published figure: its value, or None when it is hidden."""

    value: int | float | None
    hidden: bool

    @property
    def shown(self) -> bool:
        return not self.hidden


def cell(people: int | None, value: int | float | None = None, threshold: int = MIN_CELL) -> Cell:
    """One figure about `people` persons; `value` (e.g. person-months) defaults to the count.

    Hidden when fewer than `threshold` people stand behind it (zero included:
    the rule is about the number, and a hidden zero tells nobody anything).
    """
    if people is None or people < threshold:
        return Cell(None, True)
    return Cell(people if value is None else value, False)


def table(counts: Mapping[str, int], threshold: int = MIN_CELL, total_shown: bool = True) -> dict[str, Cell]:
    """Cells of a group whose total may be published; hides small cells and one more if needed.

    With the total shown, a single hidden cell would be total minus the rest,
    so the smallest shown cell is hidden as well.
    """
    cells = {key: cell(n, threshold=threshold) for key, n in counts.items()}
    hidden = [k for k, c in cells.items() if c.hidden]
    if total_shown and len(hidden) == 1:
        shown = sorted((n, k) for k, n in counts.items() if cells[k].shown)
        if shown:
            _, key = shown[0]
            cells[key] = Cell(None, True)
    return cells


def total(counts: Mapping[str, int], threshold: int = MIN_CELL) -> Cell:
    """The total of a group, itself hidden when it is small."""
    return cell(sum(counts.values()), threshold=threshold)


def suppress(people: Mapping[K, int], groups: Iterable[tuple[K, Iterable[K]]], threshold: int = MIN_CELL) -> set[K]:

    """The keys to hide among figures that are added up into shown totals (complementary suppression).

    `people` maps every published figure (totals and their parts alike) to
    the number of people behind it; `groups` pairs a total's key with the
    keys of its parts. Small figures are hidden; then, as in `table`, while a
    shown total has exactly one hidden part, its smallest shown part is
    hidden too. A part may belong to several totals (a clause to its buyer
    and to its supplier), so this is repeated until nothing changes.
    """
    hidden = {key for key, n in people.items() if n < threshold}
    groups = [(total, list(parts)) for total, parts in groups]
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            if total in hidden or sum(part in hidden for part in parts) != 1:
                continue
            shown = sorted((people[part], repr(part), part) for part in parts if part not in hidden)
            if shown:
                hidden.add(shown[0][2])
                changed = True
    return hidden
