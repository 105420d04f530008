"""The search index of roles, rebuilt by the employers' services on every save and state change.

The role's texts, skills, and the labels of its occupation and municipality in
three languages become folded, stemmed terms (portal/domain/text.py) in
``job_role_term``; each new term joins the vocabulary ``job_search_term``,
which the public search (portal/jobs/search.py) matches a visitor's words against.
"""
from __future__ import annotations

from sqlalchemy import select

from portal.domain import text
from portal.employers.models import JobRole, JobRoleTerm, SearchTerm
from portal.extensions import db
from portal.reference.concepts import concepts
from portal.reference.models import ReferenceItem

MAX_TERMS_PER_ROLE = 400
MAX_TERM_LENGTH = 60


def role_terms(texts: list[str | None]) -> list[str]:
    """The index terms of a role's texts (title, tasks, description, area, labels, skills)."""
    terms = [t[:MAX_TERM_LENGTH] for t in text.terms(" ".join(p for p in texts if p))]
    return list(dict.fromkeys(terms))[:MAX_TERMS_PER_ROLE]


def index_role(role: JobRole) -> None:
    """Rebuild the role's search terms and add new ones to the vocabulary (flushes)."""
    codes = [c for c in (role.occupation_code, role.municipality_code) if c]
    labels = []
    if codes:
        rows = db.session.execute(select(ReferenceItem.label_fi, ReferenceItem.label_sv, ReferenceItem.label_en,
                                         ReferenceItem.data)
                                  .where(ReferenceItem.catalogue.in_(("occupations", "municipalities")),
                                         ReferenceItem.code.in_(codes)))
        # An occupation is found by its common job titles too (its alternative labels): "kokki", not only
        # the classification's "Ravintola- ja suurtaloustyöntekijät".
        labels = [label for *names, data in rows
                  for label in (*names, *(a for alts in ((data or {}).get("alt") or {}).values() for a in alts))]
    # A language skill is found in every language ("svenska", "Swedish", "ruotsi"): its concept's labels.
    skills = concepts()["skills"]
    languages = [label for s in role.skills if s.skill_code in skills and skills[s.skill_code].languages
                 for label in skills[s.skill_code].all_labels()]
    terms = role_terms([role.title, role.tasks, role.description, role.address_area, *labels,
                        *(s.name for s in role.skills), *languages])
    db.session.execute(JobRoleTerm.__table__.delete().where(JobRoleTerm.role_id == role.id))
    if terms:
        db.session.execute(JobRoleTerm.__table__.insert(), [{"role_id": role.id, "term": t} for t in terms])
        add_to_vocabulary(terms)
    db.session.flush()


def add_to_vocabulary(terms: list[str]) -> None:
    """Insert terms the vocabulary does not hold yet (concurrent writers are fine)."""
    rows = [{"term": t} for t in terms]
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    db.session.execute(insert(SearchTerm).on_conflict_do_nothing(), rows)
