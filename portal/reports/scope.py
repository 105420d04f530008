"""Who sees which figures (the audience's scope) and the dashboard's filters.

A region's administrators see everything; a buyer's officers see their own
procurements' clauses and the placements counted on them; a provider's
coaches see their own organisation's candidates and placements. The scope
is fixed by the user's organisation; filters only narrow it further.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.domain.outcomes import month_start
from portal.domain.person_months import add_months
from portal.inputs import calendar_month, db_int

CANDIDATE_SECTIONS = ("status", "moves", "contact", "caseload")
PLACEMENT_SECTIONS = ("trials", "retention", "subsidy")
SECTIONS = {
    "region": frozenset(CANDIDATE_SECTIONS + PLACEMENT_SECTIONS + ("clauses",)),
    "buyer": frozenset(PLACEMENT_SECTIONS + ("clauses",)),
    "provider": frozenset(CANDIDATE_SECTIONS + PLACEMENT_SECTIONS),
}


@dataclass(frozen=True)
class Scope:
    """The audience (region, buyer or provider), the organisation it is fixed to, and a coach's own id.

    Aggregates of a coach's scope cover the provider (small cells hidden);
    rows about single people cover only the coach's own candidates, the set
    of the coach's placements page.
    """

    audience: str
    provider_id: int | None = None
    buyer_id: int | None = None
    coach_id: int | None = None

    @property
    def sections(self) -> frozenset[str]:
        return SECTIONS[self.audience]

    def shows(self, section: str) -> bool:
        """Whether the audience sees a section of the dashboard."""
        return section in self.sections


def scope_for(user) -> Scope:
    """The scope of a signed-in admin, officer or coach."""
    if user.role == "admin":
        return Scope("region")
    if user.role == "officer":
        return Scope("buyer", buyer_id=user.organisation_id)
    if user.role == "coach":
        return Scope("provider", provider_id=user.organisation_id, coach_id=user.id)
    raise PermissionError(user.role)


@dataclass(frozen=True)
class Filters:
    """Period (whole months), municipality, provider and buyer; unreadable values are ignored."""

    first: date
    last: date
    municipality: str = ""
    provider_id: int | None = None
    buyer_id: int | None = None

    @classmethod
    def default(cls, today: date) -> Filters:
        """The twelve months up to and including the current one."""
        return cls(add_months(month_start(today), -11), month_start(today))

    @classmethod
    def from_args(cls, args, today: date) -> Filters:
        """Filters from a query string: ?from=YYYY-MM&to=YYYY-MM&municipality=&provider=&buyer=."""
        base = cls.default(today)

        def month(name, fallback):
            try:
                return calendar_month(args.get(name, "")[:7])
            except ValueError:  # unreadable, or a year past FIRST_YEAR..LAST_YEAR: its next month may not exist
                return fallback

        first, last = month("from", base.first), month("to", base.last)
        if first > last:
            first, last = last, first
        if (last.year - first.year) * 12 + last.month - first.month > 59:  # at most five years on one page
            first = add_months(last, -59)
        muni = args.get("municipality", "")
        return cls(first, last, muni if len(muni) == 3 and muni.isascii() and muni.isdigit() else "",
                   args.get("provider", type=db_int), args.get("buyer", type=db_int))

    def within(self, scope: Scope) -> Filters:
        """The filters with the scope's fixed organisation put in place of any other choice."""
        return Filters(self.first, self.last, self.municipality,
                       scope.provider_id if scope.provider_id is not None else self.provider_id,
                       scope.buyer_id if scope.buyer_id is not None else self.buyer_id)

    def query(self) -> dict[str, str]:
        """The filters as query-string arguments (for the export links)."""
        found = {"from": self.first.strftime("%Y-%m"), "to": self.last.strftime("%Y-%m")}
        if self.municipality:
            found["municipality"] = self.municipality
        if self.provider_id:
            found["provider"] = str(self.provider_id)
        if self.buyer_id:
            found["buyer"] = str(self.buyer_id)
        return found
