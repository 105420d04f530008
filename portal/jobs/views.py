"""The public listing of open roles, each role's page, and the JSON API with its OpenAPI document."""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from flask import current_app, jsonify, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from portal import nav
from portal.accounts.models import Organisation
from portal.domain import word_search
from portal.domain.roles import Role
from portal.employers.forms import hours_text, role_labels
from portal.employers.models import (
    EmployerLocation,
    EmployerProfile,
    JobRole,
    JobRoleAdjustment,
    JobRoleDemand,
    JobRoleLanguage,
    JobRoleSkill,
    JobRoleTerm,
    SearchTerm,
)
from portal.http_cache import shared
from portal.inputs import MAX_PAGE, whole_number
from portal.jobs import bp, search
from portal.jobs.presenters import api_item, json_ld
from portal.links import query_for
from portal.reference.models import ReferenceItem
from portal.security import get_or_404, public
from portal.versions import watch

nav.add("jobs.index", _l("Open roles"), ("anonymous",) + tuple(str(r) for r in Role), order=20)
OPENAPI_FILE = Path(__file__).with_name("openapi.json")
PER_PAGE = 20
MAX_PER_PAGE = 100
# What the role pages show; their anonymous answers' ETags change when one of these does (portal.http_cache).
watch("roles", Organisation, EmployerProfile, EmployerLocation, JobRole, JobRoleSkill, JobRoleDemand,
      JobRoleAdjustment, JobRoleLanguage, JobRoleTerm, SearchTerm, ReferenceItem)
ROLE_PAGES = ("roles",)

# Parameters of the API that take a value when given (q may be empty: no words).
STRICT = ("municipality", "hours_min", "hours_max", "remote", "kind", "sort", "page", "per_page", "lang")


def _filters(names):
    return search.parse_filters(request.args, set(names["municipalities"]), set(names["adjustments"]))


@bp.get("/roles")
@public
@shared(ROLE_PAGES, 60)
def index():
    """Published roles: words (forgiving typos and inflection), filters, sorting, pages."""
    names = role_labels("municipalities", "adjustments")
    filters, _errors = _filters(names)
    page = search.search(filters, per_page=PER_PAGE)
    return render_template("jobs/index.html", page=page, f=filters, labels=names, hours_text=hours_text,
                           sorts=search.SORTS, max_query=search.MAX_QUERY,
                           max_words=word_search.MAX_QUERY_TERMS)


@bp.get("/roles/<int:role_id>")
@public
@shared(ROLE_PAGES, 60)
def role(role_id: int):
    """A published role, with schema.org JobPosting data for search engines."""
    role = get_or_404(search.published_role(role_id))
    names = role_labels()
    return render_template("jobs/role.html", role=role, labels=names, hours_text=hours_text,
                           json_ld=json_ld(role, names))


def _bad_request(invalid: dict):
    detail = "; ".join(f"{k}: {v}" for k, v in sorted(invalid.items()))
    return jsonify(error="Bad request", detail=detail, status=400, invalid=invalid), 400


def _strict_args(invalid: dict) -> None:
    """What the listing page forgives and the API refuses: empty values, a long q, an unknown language."""
    for name in STRICT:
        if "" in request.args.getlist(name):
            invalid[name] = "must not be empty: leave the parameter out instead"
    if len(request.args.get("q", "")) > search.MAX_QUERY:
        invalid["q"] = f"must be at most {search.MAX_QUERY} characters"
    if request.args.get("lang") and request.args["lang"] not in current_app.config["LANGUAGES"]:
        invalid["lang"] = "unknown value"


def _page_args(invalid: dict) -> tuple[int, int]:
    values = {}
    for name, default, highest in (("page", 1, MAX_PAGE), ("per_page", PER_PAGE, MAX_PER_PAGE)):
        raw = request.args.get(name, str(default))
        try:
            value = whole_number(raw)
        except ValueError:
            value = 0
        if not 1 <= value <= highest:
            invalid[name] = f"must be a whole number from 1 to {highest}"
        values[name] = value
    return values["page"], values["per_page"]


@bp.get("/api/v1/roles")
@public
@shared(ROLE_PAGES, 60)
def api_roles():
    """Published roles as paginated JSON, with the listing's filters (see /api/v1/openapi.json)."""
    names = role_labels()
    filters, invalid = _filters(names)
    _strict_args(invalid)
    page_no, per_page = _page_args(invalid)
    if invalid:
        return _bad_request(invalid)
    page = search.search(filters, page=page_no, per_page=per_page, full=True)

    def link(n):
        return url_for("jobs.api_roles", _external=True, **query_for("jobs.api_roles", page=n, per_page=per_page))

    return jsonify(
        items=[api_item(r, names) for r in page.items],
        page=page.page, per_page=page.per_page, total=page.total, pages=page.pages,
        sort=filters.effective_sort,
        links={"self": link(page.page), "next": link(page.next_num) if page.has_next else None,
               "prev": link(page.prev_num) if page.has_prev else None},
    )


@lru_cache(maxsize=1)
def openapi_document() -> dict:
    """The OpenAPI 3.1 document of the API (shipped with the code)."""
    return json.loads(OPENAPI_FILE.read_text("utf-8"))


@bp.get("/api/v1/openapi.json")
@public
def openapi():
    """The OpenAPI document, with this server's address and the codes its filters take."""
    doc = copy.deepcopy(openapi_document())
    doc["servers"] = [{"url": current_app.config["PUBLIC_URL"]}]
    # The catalogues are reference data: the document names the codes of this server's.
    names = role_labels("municipalities", "adjustments")
    params = {p["name"]: p["schema"] for p in doc["paths"]["/api/v1/roles"]["get"]["parameters"]}
    params["municipality"]["enum"] = sorted(names["municipalities"])
    params["adjustment"]["items"]["enum"] = sorted(names["adjustments"])
    return jsonify(doc)
