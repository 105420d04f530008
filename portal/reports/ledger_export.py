"""The placements ledger and the coach's caseload as workbooks, each within the reader's scope.

The placements ledger names people only by their pseudonymous code, for
every audience, and holds the rows of the page each audience reads them on:
administrators the region's placements; officers those counted on their own
clauses, with the columns of their "placements on our clauses" page only
(wage subsidy, reason for ending, job role and provider are figures the
dashboard shows to them only as aggregates, hidden when small; nor does the
municipality filter apply, which would tie a code to a municipality);
coaches the placements of their own candidates, the set of their placements
page (a colleague's candidates are not theirs, whatever the organisation).
The caseload is the coach's own (the caseload page's candidates) through
the coach's privacy projection, without the sensitive parts a list does not
need; the download is logged like a read of the caseload.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import Float, and_, or_, select, type_coerce
from sqlalchemy.orm import aliased

from portal import clock
from portal.accounts.models import Organisation
from portal.audit.services import record
from portal.coaching.caseload import caseload_query
from portal.coaching.labels import INTENSITY_LABELS
from portal.coaching.models import Candidate, CandidateCoach
from portal.domain.outcomes import month_end
from portal.domain.placements import timing
from portal.domain.privacy import Audience, visible_fields
from portal.employers.models import JobRole
from portal.excel import Sheet
from portal.extensions import db
from portal.placements.models import Placement
from portal.procurements.models import EmploymentClause, Procurement
from portal.reference.services import labels
from portal.reports import labels as words
from portal.reports.facts import raw_dates
from portal.reports.scope import Filters, Scope


def placement_rows(scope: Scope, filters: Filters):
    """The ledger's rows (a generator over a streamed query) within the scope and filters."""
    f = filters.within(scope)
    employer, provider, buyer = aliased(Organisation), aliased(Organisation), aliased(Organisation)
    text, as_date = raw_dates()
    stmt = (select(Placement.id, Candidate.code, Placement.kind, Placement.state, text(Placement.start_on),
                   text(Placement.end_on), type_coerce(Placement.work_share, Float), Placement.wage_subsidy,
                   employer.name, JobRole.title,
                   provider.name, Placement.clause_id, Procurement.reference, buyer.name, Placement.end_reason)
            .join(Candidate, Candidate.id == Placement.candidate_id)
            .join(JobRole, JobRole.id == Placement.role_id)
            .join(employer, employer.id == Placement.organisation_id)
            .join(provider, provider.id == Placement.provider_id)
            .outerjoin(EmploymentClause, EmploymentClause.id == Placement.clause_id)
            .outerjoin(Procurement, Procurement.id == EmploymentClause.procurement_id)
            .outerjoin(buyer, buyer.id == Procurement.buyer_id)
            .where(Placement.start_on <= month_end(f.last),
                   or_(Placement.end_on.is_(None), Placement.end_on >= f.first)))
    if f.provider_id is not None:
        stmt = stmt.where(Placement.provider_id == f.provider_id)
    if scope.coach_id is not None:  # the coach's own candidates, as on the placements page
        stmt = stmt.where(Placement.candidate_id.in_(
            select(CandidateCoach.candidate_id).where(CandidateCoach.user_id == scope.coach_id)))
    if f.buyer_id is not None:
        stmt = stmt.where(and_(Placement.clause_id.is_not(None), Procurement.buyer_id == f.buyer_id))
    if f.municipality and scope.audience != "buyer":
        stmt = stmt.where(Candidate.municipality_code == f.municipality)
    kinds, states = words.plain(words.PLACEMENT_KIND_LABELS), words.plain(words.PLACEMENT_STATE_LABELS)
    reasons, yes, no = words.plain(words.END_REASON_LABELS), str(words.YES), str(words.NO)
    # Plain rows from the session's connection, fetched in batches: no ORM bookkeeping per row.
    result = db.session.connection().execution_options(yield_per=2000).execute(
        stmt.order_by(Placement.start_on, Placement.id))
    keep = OFFICER_COLUMNS if scope.audience == "buyer" else None
    today = clock.today()
    for (pid, code, kind, state, start, end, share, subsidy, emp, title, prov, clause, ref, buyer_name,
         reason) in result:
        # A running placement that has not begun reads "Planned" (portal.domain.placements.timing).
        state = "planned" if timing(state, as_date(start), today) == "planned" else state
        row = [pid, code, kinds.get(kind, kind), states.get(state, state), as_date(start), as_date(end), share * 100,
               yes if subsidy else no, emp, title, prov, clause, ref, buyer_name, reasons.get(reason, reason)]
        yield [row[i] for i in keep] if keep else row


# Columns of the ledger an officer gets: those of the officer's placements page (code, supplier, clause, kind,
# dates, share, state) and the procurement; by position in the full row.
OFFICER_COLUMNS = (0, 1, 2, 3, 4, 5, 6, 8, 11, 12)


def placement_sheets(scope: Scope, filters: Filters) -> list[Sheet]:
    """The placements ledger sheet, with the columns the audience's page shows."""
    headers = [_("Placement"), _("Person code"), _("Kind"), _("State"), _("Start date"), _("End date"),
               _("Working-time share (%)"), _("Wage subsidy"), _("Employer"), _("Job role"), _("Provider"), _("Clause"),
               _("Procurement"), _("Buyer"), _("Reason for ending")]
    widths = [11, 14, 16, 22, 12, 12, 12, 10, 28, 30, 28, 8, 18, 28, 30]
    if scope.audience == "buyer":
        headers, widths = [headers[i] for i in OFFICER_COLUMNS], [widths[i] for i in OFFICER_COLUMNS]
    return [Sheet(_("Placements"), headers, placement_rows(scope, filters), widths=widths)]


@dataclass(frozen=True)
class Column:
    """A caseload column: the profile field it shows (checked against the projection), header and value."""

    field: str
    header: object
    value: object


# Fields of the coach's projection that a caseload list shows; health data, limits, target groups and
# assessments stay on the record pages, where each read is logged part by part.
CASELOAD_COLUMNS = [
    Column("code", lambda: _("Code"), lambda c, m, t: c.code),
    Column("name", lambda: _("Name"), lambda c, m, t: c.name),
    Column("email", lambda: _("Email"), lambda c, m, t: c.email),
    Column("phone", lambda: _("Phone"), lambda c, m, t: c.phone),
    Column("municipality", lambda: _("Municipality"), lambda c, m, t: m.get(c.municipality_code, "")),
    Column("status", lambda: _("Status"), lambda c, m, t: str(words.STATUS_LABELS.get(c.status, c.status))),
    Column("status", lambda: _("Status since"), lambda c, m, t: c.status_since),
    Column("status", lambda: _("Intake date"), lambda c, m, t: c.intake_on),
    Column("status", lambda: _("Next follow-up"), lambda c, m, t: c.next_follow_up),
    Column("status", lambda: _("Last employer contact"), lambda c, m, t: c.last_employer_contact),
    Column("status", lambda: _("Days since employer contact"),
           lambda c, m, t: (t - c.last_employer_contact).days if c.last_employer_contact else None),
    Column("support_intensity", lambda: _("Support"),
           lambda c, m, t: str(INTENSITY_LABELS.get(c.support_intensity, ""))),
    Column("hours_min", lambda: _("Hours a week, at least"), lambda c, m, t: c.hours_min),
    Column("hours_max", lambda: _("Hours a week, at most"), lambda c, m, t: c.hours_max),
]


def caseload_columns(audience: Audience) -> list[Column]:
    """The caseload columns the audience's projection allows."""
    allowed = visible_fields(audience)
    return [c for c in CASELOAD_COLUMNS if c.field in allowed]


def caseload_sheets(coach, today: date) -> list[Sheet]:
    """The coach's own caseload (every status), by name; the download is logged with the candidates' ids."""
    columns = caseload_columns(Audience.COACH)
    candidates = list(db.session.scalars(caseload_query(coach, status="all").order_by(Candidate.name,
                                                                                         Candidate.id)))
    municipalities = labels("municipalities")
    record("caseload_exported", "caseload", coach.id, organisation_id=coach.organisation_id,
           detail={"candidates": [c.id for c in candidates]})
    rows = [[col.value(c, municipalities, today) for col in columns] for c in candidates]
    return [Sheet(_("Caseload"), [str(col.header()) for col in columns], rows)]
