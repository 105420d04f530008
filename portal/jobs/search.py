"""The search index of roles and the public search: filters in SQL, words matched fuzzily.

Indexing (on every save and state change): the role's texts, skills, and the
labels of its occupation and municipality in three languages become folded,
stemmed terms (portal/domain/text.py) in ``job_role_term``; each new term
joins the vocabulary ``job_search_term``.

Searching with words: the query's terms are matched against the vocabulary
with rapidfuzz (a few thousand short strings, milliseconds), so a typo or an
inflected form finds the indexed term; one SQL query then fetches the
published roles that hold any matching term and pass the filters, and they
are ranked by ``text.rank``. Without words the filters and sorting run in
SQL alone. Either way a page costs a fixed number of queries, however many
roles there are.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import joinedload, lazyload

from portal.domain import job_roles as jr
from portal.domain import text
from portal.employers.models import JobRole, JobRoleAdjustment, JobRoleTerm, SearchTerm
from portal.extensions import db
from portal.guidance.rules_data import today
from portal.reference.models import ReferenceItem

MAX_TERMS_PER_ROLE = 400
MAX_TERM_LENGTH = 60
MAX_ANSWERS_PER_TERM = 200
MIN_RANK = 70.0
SORTS = ("relevance", "newest", "title", "open_until", "hours")
REMOTE_FILTERS = ("none", "partly", "fully")


def index_role(role: JobRole) -> None:
    """Rebuild the role's search terms and add new ones to the vocabulary (flushes)."""
    codes = [c for c in (role.occupation_code, role.municipality_code) if c]
    labels = []
    if codes:
        rows = db.session.execute(select(ReferenceItem.label_fi, ReferenceItem.label_sv, ReferenceItem.label_en)
                                  .where(ReferenceItem.catalogue.in_(("occupations", "municipalities")),
                                         ReferenceItem.code.in_(codes)))
        labels = [label for row in rows for label in row]
    parts = [role.title, role.tasks, role.description, role.address_area, *labels,
             *(s.name for s in role.skills)]
    terms = [t[:MAX_TERM_LENGTH] for t in text.terms(" ".join(p for p in parts if p))]
    terms = list(dict.fromkeys(terms))[:MAX_TERMS_PER_ROLE]
    db.session.execute(JobRoleTerm.__table__.delete().where(JobRoleTerm.role_id == role.id))
    if terms:
        db.session.execute(JobRoleTerm.__table__.insert(), [{"role_id": role.id, "term": t} for t in terms])
        _add_to_vocabulary(terms)
    db.session.flush()


def _add_to_vocabulary(terms: list[str]) -> None:
    rows = [{"term": t} for t in terms]
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    db.session.execute(insert(SearchTerm).on_conflict_do_nothing(), rows)


@dataclass
class RoleFilters:
    """What a visitor searches for; every field optional."""

    q: str = ""
    municipality: str = ""
    hours_min: int | None = None
    hours_max: int | None = None
    remote: str = ""
    kind: str = ""
    adjustments: list[str] = field(default_factory=list)
    sort: str = ""

    @property
    def effective_sort(self) -> str:
        """The sort in use: relevance by default when words are given, newest otherwise."""
        if self.sort in SORTS and (self.sort != "relevance" or self.terms):
            return self.sort
        return "relevance" if self.terms else "newest"

    @property
    def terms(self) -> list[str]:
        return text.terms(self.q)


def _int(value: str | None, name: str, errors: dict) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 1 <= number <= jr.MAX_WEEKLY_HOURS:
        errors[name] = f"must be a whole number from 1 to {jr.MAX_WEEKLY_HOURS}"
        return None
    return number


def parse_filters(args, municipality_codes: set[str], adjustment_codes: set[str]) -> tuple[RoleFilters, dict]:
    """Filters from query arguments, and the arguments that were not understood (name -> reason)."""
    errors: dict[str, str] = {}
    f = RoleFilters(q=text.clean_line(args.get("q"), 200))
    f.hours_min = _int(args.get("hours_min"), "hours_min", errors)
    f.hours_max = _int(args.get("hours_max"), "hours_max", errors)
    for name, allowed in (("municipality", municipality_codes), ("remote", REMOTE_FILTERS),
                          ("kind", jr.KINDS), ("sort", SORTS)):
        value = args.get(name) or ""
        if value and value not in allowed:
            errors[name] = "unknown value"
        else:
            setattr(f, name, value)
    chosen = args.getlist("adjustment")
    unknown = [c for c in chosen if c not in adjustment_codes]
    if unknown:
        errors["adjustment"] = "unknown value"
    f.adjustments = [c for c in dict.fromkeys(chosen) if c in adjustment_codes]
    return f, errors


def _conditions(f: RoleFilters) -> list:
    conds = [JobRole.status == "published", or_(JobRole.open_until.is_(None), JobRole.open_until >= today())]
    if f.municipality:
        conds.append(JobRole.municipality_code == f.municipality)
    if f.hours_max is not None:
        conds.append(JobRole.hours_min <= f.hours_max)
    if f.hours_min is not None:
        conds.append(JobRole.hours_max >= f.hours_min)
    if f.remote == "none":
        conds.append(JobRole.remote == "none")
    elif f.remote == "partly":
        conds.append(JobRole.remote.in_(("partly", "fully")))
    elif f.remote == "fully":
        conds.append(JobRole.remote == "fully")
    if f.kind:
        conds.append(JobRole.kind == f.kind)
    for code in f.adjustments:  # every chosen adjustment must be offered
        conds.append(exists().where(and_(JobRoleAdjustment.role_id == JobRole.id,
                                         JobRoleAdjustment.adjustment_code == code)))
    return conds


_SQL_ORDER = {
    "newest": lambda: (JobRole.published_at.desc(), JobRole.id.desc()),
    "title": lambda: (JobRole.title.asc(), JobRole.id.asc()),
    "open_until": lambda: (JobRole.open_until.is_(None), JobRole.open_until.asc(), JobRole.id.asc()),
    "hours": lambda: (JobRole.hours_min.asc(), JobRole.id.asc()),
}


def _load_options(full: bool) -> list:
    options = [joinedload(JobRole.organisation)]
    if not full:  # a list card shows adjustments only; the rest is never touched, so never loaded
        options += [lazyload(JobRole.skills), lazyload(JobRole.demands), lazyload(JobRole.languages)]
    return options


class RankedPagination(Pagination):
    """A page of an ordered list of role ids, loaded in one query."""

    def _query_items(self) -> list:
        ids = self._query_args["ids"][self._query_offset:self._query_offset + self.per_page]
        if not ids:
            return []
        stmt = select(JobRole).where(JobRole.id.in_(ids)).options(*self._query_args["options"])
        by_id = {r.id: r for r in db.session.scalars(stmt).unique()}
        return [by_id[i] for i in ids if i in by_id]

    def _query_count(self) -> int:
        return len(self._query_args["ids"])


def _ranked_ids(f: RoleFilters) -> list[int]:
    vocabulary = list(db.session.scalars(select(SearchTerm.term)))
    matches = text.fuzzy_lookup(f.terms, vocabulary)
    matches = {q: dict(sorted(a.items(), key=lambda kv: -kv[1])[:MAX_ANSWERS_PER_TERM]) for q, a in matches.items()}
    wanted = {t for answers in matches.values() for t in answers}
    if not wanted:
        return []
    rows = db.session.execute(
        select(JobRoleTerm.role_id, JobRoleTerm.term, JobRole.published_at, JobRole.title, JobRole.open_until,
               JobRole.hours_min)
        .join(JobRole, JobRole.id == JobRoleTerm.role_id)
        .where(JobRoleTerm.term.in_(sorted(wanted)), *_conditions(f)))
    held: dict[int, set[str]] = {}
    info: dict[int, tuple] = {}
    for role_id, term, published, title, open_until, hours in rows:
        held.setdefault(role_id, set()).add(term)
        info[role_id] = (published, title, open_until, hours)
    scores = {i: s for i, s in text.rank(matches, held).items() if s >= MIN_RANK}
    return _order(scores, info, f.effective_sort)


def _order(scores: dict[int, float], info: dict[int, tuple], sort: str) -> list[int]:
    def newest(i):
        published = info[i][0]
        return (-(published.timestamp() if published else 0), -i)
    keys = {
        "relevance": lambda i: (-round(scores[i], 1), *newest(i)),
        "newest": newest,
        "title": lambda i: (info[i][1], i),
        "open_until": lambda i: (info[i][2] is None, info[i][2] or 0, i),
        "hours": lambda i: (info[i][3] if info[i][3] is not None else 999, i),
    }
    return sorted(scores, key=keys[sort])


def search(f: RoleFilters, page: int | None = None, per_page: int = 20, full: bool = False) -> Pagination:
    """A page of published roles that pass the filters, in the chosen order."""
    options = _load_options(full)
    if f.terms:
        return RankedPagination(page=page, per_page=per_page, max_per_page=100, error_out=False,
                                ids=_ranked_ids(f), options=options)
    stmt = select(JobRole).where(*_conditions(f)).order_by(*_SQL_ORDER[f.effective_sort]()).options(*options)
    return db.paginate(stmt, page=page, per_page=per_page, max_per_page=100, error_out=False)


def published_role(role_id: int):
    """A select for one published, still open role, with its employer."""
    return (select(JobRole).where(JobRole.id == role_id, *_conditions(RoleFilters()))
            .options(joinedload(JobRole.organisation)))
