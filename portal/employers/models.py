"""Employer profiles and the adjustable roles they post.

The matching engine reads roles too, so what it needs is kept in clean
columns and association tables, normalised when saved: skills with their
folded text and essential mark, physical demands with levels, adjustments
offered, languages needed, hours range, remote option, municipality, kind,
positions. ``job_role_term`` and ``job_search_term`` are the search index of
the public listing (folded, stemmed terms; see portal/domain/text.py).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import Organisation
from portal.db_types import UTCDateTime, content_language, utcnow
from portal.extensions import db
from portal.procurements.models import EmploymentClause
from portal.reference.models import ReferenceItem
from portal.versions import watch


class EmployerProfile(db.Model):
    """What an employer organisation tells about itself."""

    __tablename__ = "employer_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), unique=True)
    industry_code: Mapped[str | None] = mapped_column(String(10))
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    inclusion_statement: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    locations: Mapped[list[EmployerLocation]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="EmployerLocation.municipality_code")

    @property
    def location_codes(self) -> list[str]:
        return [loc.municipality_code for loc in self.locations]


class EmployerLocation(db.Model):
    """A municipality where the employer has a workplace."""

    __tablename__ = "employer_location"

    profile_id: Mapped[int] = mapped_column(ForeignKey("employer_profile.id", ondelete="CASCADE"), primary_key=True)
    municipality_code: Mapped[str] = mapped_column(String(3), primary_key=True)


class JobRole(db.Model):
    """An adjustable role, apprenticeship or work trial of an employer."""

    __tablename__ = "job_role"
    __table_args__ = (
        Index("ix_job_role_status_published_at", "status", "published_at"),
        Index("ix_job_role_status_municipality", "status", "municipality_code"),
        # The public listing counts and sorts published, still open roles from these alone.
        Index("ix_job_role_status_open_until", "status", "open_until", "published_at"),
        Index("ix_job_role_status_title", "status", "title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    kind: Mapped[str] = mapped_column(String(20), default="job")
    title: Mapped[str] = mapped_column(String(200))
    tasks: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    occupation_code: Mapped[str | None] = mapped_column(String(10))
    municipality_code: Mapped[str | None] = mapped_column(String(3))
    address_area: Mapped[str] = mapped_column(String(200), default="")
    # The language the text is written in (WCAG 3.1.2: pages mark it; readers of another language are told).
    language: Mapped[str] = content_language("title", "tasks", "description")
    remote: Mapped[str] = mapped_column(String(10), default="none")
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    schedule: Mapped[str] = mapped_column(String(10), default="agreed")
    trial_weeks: Mapped[int | None]
    positions: Mapped[int] = mapped_column(default=1)
    wage_subsidy_interest: Mapped[bool] = mapped_column(default=False)
    # An employment clause of the employer that the role helps to meet (portal.procurements);
    # checked against portal.procurements.services.clauses_for_supplier when saved.
    clause_id: Mapped[int | None] = mapped_column(ForeignKey("employment_clause.id"), index=True)
    open_until: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    skills: Mapped[list[JobRoleSkill]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="JobRoleSkill.position")
    demands: Mapped[list[JobRoleDemand]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="JobRoleDemand.demand_code")
    adjustments: Mapped[list[JobRoleAdjustment]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="JobRoleAdjustment.adjustment_code")
    languages: Mapped[list[JobRoleLanguage]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="JobRoleLanguage.language_code")

    @property
    def essential_skills(self) -> list[JobRoleSkill]:
        return [s for s in self.skills if s.essential]

    @property
    def negotiable_skills(self) -> list[JobRoleSkill]:
        return [s for s in self.skills if not s.essential]

    @property
    def adjustment_codes(self) -> list[str]:
        return [a.adjustment_code for a in self.adjustments]

    @property
    def demand_levels(self) -> dict[str, str]:
        return {d.demand_code: d.level_code for d in self.demands}

    @property
    def language_codes(self) -> list[str]:
        return [lang.language_code for lang in self.languages]

    def __repr__(self) -> str:
        return f"<JobRole {self.id} {self.status} {self.title!r}>"


class JobRoleSkill(db.Model):
    """A skill a role asks for, as the employer wrote it, with its folded form for matching."""

    __tablename__ = "job_role_skill"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(100))
    name_folded: Mapped[str] = mapped_column(String(100))
    essential: Mapped[bool] = mapped_column(default=True)
    # The skills catalogue item whose label the text equals, when there is one.
    skill_code: Mapped[str | None] = mapped_column(String(40))


class JobRoleDemand(db.Model):
    """A physical or other demand of the work at a level (catalogues physical_demands, demand_levels)."""

    __tablename__ = "job_role_demand"

    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id", ondelete="CASCADE"), primary_key=True)
    demand_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    level_code: Mapped[str] = mapped_column(String(40))


class JobRoleAdjustment(db.Model):
    """An adjustment the workplace can offer in this role (catalogue adjustments)."""

    __tablename__ = "job_role_adjustment"
    __table_args__ = (Index("ix_job_role_adjustment_code", "adjustment_code", "role_id"),)

    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id", ondelete="CASCADE"), primary_key=True)
    adjustment_code: Mapped[str] = mapped_column(String(40), primary_key=True)


class JobRoleLanguage(db.Model):
    """A language the work needs (catalogue languages)."""

    __tablename__ = "job_role_language"

    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id", ondelete="CASCADE"), primary_key=True)
    language_code: Mapped[str] = mapped_column(String(10), primary_key=True)


class JobRoleTerm(db.Model):
    """A folded, stemmed term of a role's text: the search index of the public listing."""

    __tablename__ = "job_role_term"
    __table_args__ = (Index("ix_job_role_term_term", "term", "role_id"),)

    role_id: Mapped[int] = mapped_column(ForeignKey("job_role.id", ondelete="CASCADE"), primary_key=True)
    term: Mapped[str] = mapped_column(String(60), primary_key=True)


class SearchTerm(db.Model):
    """Every term ever indexed: the small vocabulary a query is fuzzily matched against.

    Terms are only added; a term no published role holds any more simply
    finds nothing, so the table needs no bookkeeping when roles change.
    """

    __tablename__ = "job_search_term"

    term: Mapped[str] = mapped_column(String(60), primary_key=True)


# Matching keeps every open role's profile per worker (portal.matching.open_roles) while this counter
# stands still: the roles with their skills, demands, adjustments and languages, and what a profile also reads,
# the employer's name, the clause's target groups and the catalogues.
watch("roles", JobRole, JobRoleSkill, JobRoleDemand, JobRoleAdjustment, JobRoleLanguage, Organisation,
      EmploymentClause, ReferenceItem)
