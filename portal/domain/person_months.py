"""Calendar-month arithmetic for counting person-months (rule 4 of portal.domain.obligations).

A day is worth 1/(days of its month), so a whole calendar month is 1 whatever
its length and any split of a period adds up to the same months.
"""
from __future__ import annotations

import calendar
from datetime import date
from functools import cache


@cache
def days_in_month(year: int, month: int) -> int:
    """28..31."""
    return calendar.monthrange(year, month)[1]


def months_covered(start: date, end: date) -> float:
    """Calendar months covered by the days start..end inclusive (rule 4, share 1)."""
    if end < start:
        return 0.0
    sy, sm, ey, em = start.year, start.month, end.year, end.month
    if sy == ey and sm == em:
        return (end.day - start.day + 1) / days_in_month(sy, sm)
    first = days_in_month(sy, sm)
    return ((first - start.day + 1) / first + (ey * 12 + em) - (sy * 12 + sm) - 1
            + end.day / days_in_month(ey, em))


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def merged_months(spans: list[tuple[date, date]]) -> float:
    """Months covered by possibly overlapping spans (sorted in place), each day counted once."""
    if len(spans) == 1:
        return months_covered(*spans[0])
    spans.sort()
    total = 0.0
    cur_start, cur_end = spans[0]
    for start, end in spans[1:]:
        if start <= cur_end:
            if end > cur_end:
                cur_end = end
        else:
            total += months_covered(cur_start, cur_end)
            cur_start, cur_end = start, end
    return total + months_covered(cur_start, cur_end)


def person_months(start: date, end: date, share: float) -> float:
    """Person-months of one period at a working-time share (rule 4)."""
    return months_covered(start, end) * share
