"""`flask bench generate`: fill the database with a synthetic region for measurements."""
from __future__ import annotations

import json
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from portal.extensions import db

bench = AppGroup("bench", help="Synthetic data for measurements (never in production).")


@bench.command("generate")
@click.option("--scale", type=float, default=1.0, show_default=True,
              help="1 is 50,000 candidates and 200,000 placements; fractions make a smaller region.")
@click.option("--seed", type=int, default=2026, show_default=True, help="The same seed gives the same region.")
@click.option("--password", default=None, help="The password of every generated user (a fixed one by default).")
@click.option("--targets", "targets_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the sign-ins and sample ids a load test needs to this JSON file.")
def generate(scale: float, seed: int, password: str | None, targets_file: Path | None) -> None:
    """Add a believable region of organisations, people, roles, procurements and placements, in bulk."""
    from portal.benchdata import services

    if current_app.config.get("PORTAL_ENV") == "production":
        raise click.ClickException("refusing to add synthetic people to a production database")
    started = time.perf_counter()
    try:
        region = services.generate(scale, seed, password or services.DEFAULT_PASSWORD, progress=click.echo)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--scale") from exc
    db.session.commit()
    services.analyse()
    for table, count in sorted(region.writer.counts.items()):
        click.echo(f"  {table:32} {count:>9,}")
    click.echo(f"region of scale {scale:g} written in {time.perf_counter() - started:.1f} s "
               f"({sum(region.writer.counts.values()):,} rows)")
    if targets_file:
        targets_file.write_text(json.dumps(services.targets(region), indent=1))
        click.echo(f"sign-ins and sample ids written to {targets_file}")
