"""Supported-employment figures for coaches and the administrator, and the daily commands."""
from __future__ import annotations

from datetime import date

import click
from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import clock, nav
from portal.coaching.access import is_org_admin
from portal.extensions import db
from portal.placements import bp, figures
from portal.placements.reminders import send_trial_reminders
from portal.placements.services import begin_due
from portal.security import roles

nav.add("placements.figures_page", _l("Employment figures"), ("coach",), order=16)
nav.add("placements.figures_providers", _l("Employment figures"), ("admin",), order=82)


@bp.get("/figures")
@roles("coach")
def figures_page():
    """The coach's own figures and their provider's; the provider admin also sees each coach's."""
    today = clock.today()
    whole, per_coach = figures.provider_page(current_user.organisation_id, today)
    own = next((f for coach, f in per_coach if coach.id == current_user.id), None)
    admin = is_org_admin()
    return render_template("placements/figures.html", whole=whole, own=own, today=today,
                           per_coach=per_coach if admin else [], admin=admin)


@bp.get("/figures/providers")
@roles("admin")
def figures_providers():
    """Every provider's figures."""
    today = clock.today()
    return render_template("placements/figures_providers.html", rows=figures.all_providers(today), today=today)


@bp.cli.command("remind")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day to remind for (default: today in Finland).")
def remind(day) -> None:
    """Remind both sides of the work trials that end within two weeks (safe to run from cron)."""
    today: date = day.date() if day else clock.today()
    sent = send_trial_reminders(today)
    db.session.commit()
    click.echo(f"{sent} trial reminders sent")


@bp.cli.command("begin")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day to look from (default: today in Finland).")
def begin(day) -> None:
    """Move the status of candidates whose planned placements have begun (daily, safe to run again)."""
    today: date = day.date() if day else clock.today()
    moved = begin_due(today)
    db.session.commit()
    click.echo(f"{moved} candidates' status moved with a placement that began")
