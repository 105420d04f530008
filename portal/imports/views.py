"""Import pages: the user's imports, an upload page and template per kind, a job's result and its progress."""
from __future__ import annotations

from io import BytesIO

from flask import jsonify, redirect, render_template, request, send_file, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from portal import nav
from portal.excel import XLSX_MIMETYPE
from portal.imports import bp, messages, registry
from portal.imports.forms import UploadForm
from portal.imports.models import ImportJob
from portal.imports.runner import rejection, run
from portal.imports.templates import template_workbook
from portal.listing import apply_sort, paginate, sort_choice
from portal.security import get_or_404, roles

nav.add("imports.index", _l("Excel imports"), ("employer", "coach"), order=70)
USERS = ("employer", "coach")
KINDS_OF_ROLE = {"employer": ("roles",), "coach": ("candidates",)}
SORTS = {"created": ImportJob.created_at, "kind": ImportJob.kind, "state": ImportJob.state}
# Whole sentences per kind: composing them from a translated noun would not translate well.
PAGE_TITLES = {"roles": _l("Import roles"), "candidates": _l("Import candidates")}
TEMPLATE_LINKS = {"roles": _l("Download the roles template"), "candidates": _l("Download the candidates template")}


def own_jobs(user):
    """A select of the user's own import jobs."""
    return select(ImportJob).where(ImportJob.user_id == user.id)


@bp.get("/")
@roles(*USERS)
def index():
    """The imports the user can make, and the user's earlier imports."""
    sort = sort_choice(SORTS, "-created")
    page = paginate(apply_sort(own_jobs(current_user), SORTS, sort, ImportJob.id.desc()))
    kinds = [registry.get(k) for k in KINDS_OF_ROLE[current_user.role]]
    return render_template("imports/index.html", page=page, sort=sort, kinds=kinds, states=messages.STATE_LABELS,
                           page_titles=PAGE_TITLES, template_links=TEMPLATE_LINKS,
                           titles={k: registry.get(k).title for k in ("roles", "candidates", "ledger")})


def _upload(kind_name: str):
    """Parse the form, run the import, and show its result (JSON for the progress script)."""
    kind = registry.get(kind_name)
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        job = run(kind_name, upload.read(), current_user, token=form.token.data, filename=upload.filename)
        location = url_for("imports.job", job_id=job.id)
        if request.accept_mimetypes.best == "application/json":
            return jsonify(location=location)
        return redirect(location, 303)
    return render_template("imports/upload.html", form=form, kind=kind, title=PAGE_TITLES[kind_name],
                           template_url=url_for(f"imports.{kind_name}_template"),
                           progress_url=url_for("imports.progress", token=form.token.data))


@bp.route("/roles", methods=["GET", "POST"])
@roles("employer")
def roles_upload():
    """Import the employer's roles from the template (saved as drafts)."""
    return _upload("roles")


@bp.get("/roles/template.xlsx")
@roles("employer")
def roles_template():
    """The roles template."""
    return _template("roles")


@bp.route("/candidates", methods=["GET", "POST"])
@roles("coach")
def candidates_upload():
    """Import candidates into the coach's caseload from the template."""
    return _upload("candidates")


@bp.get("/candidates/template.xlsx")
@roles("coach")
def candidates_template():
    """The candidates template."""
    return _template("candidates")


def _template(kind_name: str):
    data = template_workbook(registry.get(kind_name))
    return send_file(BytesIO(data), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=f"{kind_name}-template.xlsx")


@bp.get("/jobs/<int:job_id>")
@roles(*USERS)
def job(job_id: int):
    """One import's result: how many rows were imported, or every problem by row and column."""
    item = get_or_404(own_jobs(current_user).where(ImportJob.id == job_id))
    return render_template("imports/job.html", job=item, kind=registry.get(item.kind), rejected=rejection(item),
                           states=messages.STATE_LABELS)


@bp.get("/progress/<token>")
@roles(*USERS)
def progress(token: str):
    """How far the import with this token has got (polled by static/js/imports.js)."""
    item = get_or_404(own_jobs(current_user).where(ImportJob.token == token))
    return jsonify(state=item.state, read=item.rows_read, total=item.rows_total, finished=item.finished,
                   message=messages.progress_text(item.state, item.rows_read, item.rows_total),
                   location=url_for("imports.job", job_id=item.id) if item.finished else None)
