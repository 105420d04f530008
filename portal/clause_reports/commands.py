"""`flask clause-reports remind`: the daily reminders about report dates (idempotent)."""
from __future__ import annotations

import click

from portal.clause_reports import bp
from portal.clause_reports.reminders import send_reminders
from portal.clock import today


@bp.cli.command("remind")
def remind_command() -> None:
    """Send the reminders due today that were not sent before (safe to run more than once a day)."""
    sent = send_reminders(today())
    click.echo(f"reminders sent: {sent.reminders} ({sent.notifications} notifications), on {today().isoformat()}")
