"""The search index of roles and the public search: filters in SQL, words matched fuzzily.

Indexing is the employers' (portal/employers/search_index.py): every saved
role's terms in ``job_role_term``, each new term in the vocabulary
``job_search_term``.

Searching with words: the query's terms are matched against the vocabulary
with rapidfuzz (a few thousand short strings, milliseconds), so a typo or an
inflected form finds the indexed term; the published roles that hold an
answering term and pass the filters are then scored and ranked in SQL, as
``word_search.rank`` defines it (a role that answers more of the words first;
words no role mentions are left out and named on the page), and only one page
leaves the database. Words longer than ``MAX_QUERY`` characters are refused
with a message, not cut. Without
words the filters and sorting run in SQL alone. Either way a page costs a
fixed number of queries, however many roles there are.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import joinedload, lazyload

from portal.clock import today
from portal.domain import job_roles as jr
from portal.domain import text, word_search
from portal.employers.models import JobRole, JobRoleAdjustment, JobRoleTerm, SearchTerm
from portal.extensions import db
from portal.inputs import whole_number
from portal.listing import Page, fetched_page
from portal.reference.concepts import generic_stems

MAX_ANSWERS_PER_TERM = 200
MAX_QUERY = 200  # characters of words
SORTS = ("relevance", "newest", "title", "open_until", "hours")
REMOTE_FILTERS = ("none", "partly", "fully")


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
    too_long: bool = False  # the words were longer than MAX_QUERY: not searched (the page says so)
    unknown: list[str] = field(default_factory=list)  # words, as typed, that no role mentions (left out)
    beyond: list[str] = field(default_factory=list)  # words past word_search.MAX_QUERY_TERMS (left out)

    @property
    def effective_sort(self) -> str:
        """The sort in use: relevance by default when words are given, newest otherwise."""
        if self.sort in SORTS and (self.sort != "relevance" or self.terms):
            return self.sort
        return "relevance" if self.terms else "newest"

    @property
    def terms(self) -> list[str]:
        """The query's stems (none when the words were too long to search)."""
        return [] if self.too_long else text.terms(self.q)

    def typed(self, stems: list[str]) -> list[str]:
        """The words as typed whose stems these are."""
        by_stem = {text.stem(w): w for w in reversed(text.raw_words(self.q))}
        return [by_stem.get(s, s) for s in stems]


def _int(value: str | None, name: str, errors: dict) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = whole_number(value)
    except ValueError:
        number = -1
    if not 1 <= number <= jr.MAX_WEEKLY_HOURS:
        errors[name] = f"must be a whole number from 1 to {jr.MAX_WEEKLY_HOURS}"
        return None
    return number


def words_filter(q: str | None) -> RoleFilters:
    """The words part of the filters: the typed line cleaned, marked too long (not searched) past MAX_QUERY."""
    line = text.clean_line(q)
    return RoleFilters(q=line, too_long=len(line) > MAX_QUERY)


def parse_filters(args, municipality_codes: set[str], adjustment_codes: set[str]) -> tuple[RoleFilters, dict]:
    """Filters from query arguments, and the arguments that were not understood (name -> reason)."""
    errors: dict[str, str] = {}
    f = words_filter(args.get("q"))
    if f.too_long:
        errors["q"] = f"must be at most {MAX_QUERY} characters"
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


def relevance_ties() -> tuple:
    """The order of roles whose scores tie, in the public and the coach's role search alike: newest first."""
    return _SQL_ORDER["newest"]()


def _load_options(full: bool) -> list:
    options = [joinedload(JobRole.organisation)]
    if not full:  # a list card shows adjustments only; the rest is never touched, so never loaded
        options += [lazyload(JobRole.skills), lazyload(JobRole.demands), lazyload(JobRole.languages)]
    return options


def _greatest(a, b):
    return case((a >= b, a), else_=b)


def _word_score(answers: word_search.Answers):
    """SQL for the best answer a role's terms give one query word (``word_search.Answers.score``)."""
    def best(scores) -> object:
        if not scores:
            return literal(0.0)
        return func.max(case(*[(JobRoleTerm.term == t, round(s, 2)) for t, s in scores.items()], else_=0.0))

    score = best(answers.alone)
    for c in answers.compounds:
        head, modifier = best({c.head: c.score}), best(c.modifier)
        score = _greatest(score, case((head <= modifier, head), else_=modifier))
    return score


def _ranked(f: RoleFilters):
    """A subquery of (role_id, score) for the words of the query, scored in SQL; None when no word is known.

    The query's words are matched against the vocabulary in Python (fuzzy,
    milliseconds); words no term answers are left out (``f.unknown``), and so
    are words past ``word_search.MAX_QUERY_TERMS`` (``f.beyond``). The database
    then scores every role that holds an answering term: for each known word
    the best answer among the role's terms (a CASE over the answers), summed
    over the known words and divided by their number, as ``word_search.rank``
    defines it; a role that answers no known word is not found.
    """
    vocabulary = list(db.session.scalars(select(SearchTerm.term)))
    terms = f.terms
    f.beyond = f.typed(terms[word_search.MAX_QUERY_TERMS:])
    heads = generic_stems()["fi"]
    matches = word_search.lookup(terms, vocabulary, readings=word_search.readings(f.q, heads), generic=heads)
    f.unknown = f.typed([q for q, a in matches.items() if not a.known])
    known = [word_search.Answers(dict(sorted(a.alone.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ANSWERS_PER_TERM]),
                                 a.compounds) for a in matches.values() if a.known]
    wanted = sorted({t for answers in known for t in answers.terms()})
    if not wanted:
        return None
    parts = [_word_score(answers) for answers in known]
    score = (sum(parts[1:], parts[0]) / len(parts)).label("score")
    return (select(JobRoleTerm.role_id.label("role_id"), score)
            .where(JobRoleTerm.term.in_(wanted))
            .group_by(JobRoleTerm.role_id)
            .having(score > 0)).subquery("ranked")


def relevance(f: RoleFilters):
    """Role search's (role_id, score) subquery of the filters' words, for other lists (fills f.unknown, f.beyond)."""
    return _ranked(f) if f.terms else None


def _id_page(ids_stmt, options: list, window: bool):
    """fetch(offset, limit) for listing.fetched_page: one page in lean queries.

    The page's ids, the total, then the roles by id: sorting and counting run
    over ids and indexed sort keys only, never over whole rows with their long
    texts; the roles of the page are then loaded by id with their relations.
    With ``window`` the total comes with the ids (a window count, for ranked
    searches, whose scoring would otherwise run twice); without it a separate
    count runs from the listing's indexes.
    """
    def fetch(offset: int, limit: int) -> tuple[list, int]:
        rows = db.session.execute(ids_stmt.limit(limit).offset(offset)).all()
        if window and rows:
            total = rows[0].total
        else:
            counted = ids_stmt.order_by(None).with_only_columns(JobRole.id).subquery()
            total = db.session.scalar(select(func.count()).select_from(counted))
        if not rows:
            return [], total
        ids = [row.id for row in rows]
        by_id = {r.id: r for r in db.session.scalars(select(JobRole).where(JobRole.id.in_(ids)).options(*options))}
        return [by_id[i] for i in ids], total

    return fetch


def search(f: RoleFilters, page: int | None = None, per_page: int = 20, full: bool = False) -> Page:
    """A page of published roles that pass the filters, in the chosen order."""
    order = _SQL_ORDER[f.effective_sort]() if f.effective_sort != "relevance" else ()
    ranked = _ranked(f) if f.terms else None
    if ranked is None:
        ids = select(JobRole.id.label("id")).where(*_conditions(f))
        if f.terms or f.too_long:  # words that no indexed term answers, or too long to search
            ids = ids.where(literal(False))
    else:
        ids = (select(JobRole.id.label("id"), func.count().over().label("total"))
               .join(ranked, ranked.c.role_id == JobRole.id).where(*_conditions(f)))
        if f.effective_sort == "relevance":
            order = (ranked.c.score.desc(), *relevance_ties())
    return fetched_page(_id_page(ids.order_by(*order), _load_options(full), ranked is not None), per_page,
                        page or None)


def published_role(role_id: int):
    """A select for one published, still open role, with its employer."""
    return (select(JobRole).where(JobRole.id == role_id, *_conditions(RoleFilters()))
            .options(joinedload(JobRole.organisation)))
