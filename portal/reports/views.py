"""The outcome dashboard, its Excel exports, and the `flask reports refresh` command."""
from __future__ import annotations

import click
from flask import render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from portal import clock, nav
from portal.accounts.models import Organisation
from portal.extensions import db
from portal.identity.choices import organisation_choices
from portal.reference.services import choices
from portal.reports import bp, exports, labels, ledger_export, presenters
from portal.reports.refresh import refresh
from portal.reports.scope import Filters, scope_for
from portal.reports.streaming import send_workbook
from portal.reports.summaries import dashboard
from portal.security import roles

nav.add("reports.index", _l("Outcomes"), ("admin", "officer", "coach"), order=60)
AUDIENCES = ("admin", "officer", "coach")
bp.add_app_template_filter(presenters.value_text, "report_value")


def _organisations(kind: str) -> list[tuple[int, str]]:
    """(id, label) of the organisations of a kind: their business IDs and municipalities tell namesakes apart."""
    return organisation_choices(db.session.scalars(select(Organisation).where(Organisation.kind == kind)
                                                   .order_by(Organisation.name, Organisation.id)))


def _board():
    scope = scope_for(current_user)
    return dashboard(scope, Filters.from_args(request.args, clock.today()))


@bp.get("/")
@roles(*AUDIENCES)
def index():
    """The outcome dashboard of the user's scope: figures, charts with their tables, export links."""
    board = _board()
    scope = board.scope
    return render_template(
        "reports/index.html", board=board, show=presenters, words=labels, zip=zip,
        municipalities=choices("municipalities"),
        providers=_organisations("provider") if scope.provider_id is None else [],
        buyers=_organisations("buyer") if scope.buyer_id is None else [])


@bp.get("/outcomes.xlsx")
@roles(*AUDIENCES)
def export_outcomes():
    """The outcome report: the dashboard's figures within the same filters."""
    return send_workbook(exports.outcome_sheets(_board()), "outcomes.xlsx")


@bp.get("/clauses.xlsx")
@roles("admin", "officer")
def export_clauses():
    """The clause report across the buyer's (or, for administrators, every buyer's) procurements."""
    board = _board()
    names = dict(db.session.execute(select(Organisation.id, Organisation.name)).all())
    return send_workbook(exports.clause_sheets(board, names), "clauses.xlsx")


@bp.get("/placements.xlsx")
@roles(*AUDIENCES)
def export_placements():
    """The placements ledger within the user's scope and the filters (people by code only)."""
    scope = scope_for(current_user)
    sheets = ledger_export.placement_sheets(scope, Filters.from_args(request.args, clock.today()))
    return send_workbook(sheets, "placements.xlsx")


@bp.get("/caseload.xlsx")
@roles("coach")
def export_caseload():
    """The coach's own caseload, through the coach's projection (the download is logged)."""
    response = send_workbook(ledger_export.caseload_sheets(current_user, clock.today()), "caseload.xlsx")
    db.session.commit()
    return response


@bp.cli.command("refresh")
def refresh_command() -> None:
    """Bring the dashboard's summaries up to date (safe to run from cron while the portal serves)."""
    generation = refresh()
    click.echo(f"summaries refreshed: generation {generation.id}, {generation.cells} cells, "
               f"{generation.clauses} clauses, figures on {generation.as_of.isoformat()}")
