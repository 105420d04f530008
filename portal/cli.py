"""Command groups: `flask seed reference|demo`, `flask i18n ...`, `flask backup create|restore`, `flask users`."""
from __future__ import annotations

import subprocess
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from portal.cache import clear as clear_cache
from portal.extensions import db

seed = AppGroup("seed", help="Load reference and demo data (both idempotent).")
i18n = AppGroup("i18n", help="Extract, update, compile and check translations.")
backup = AppGroup("backup", help="Back up and restore the database.")


@seed.command("reference")
def seed_reference() -> None:
    """Load the shared catalogues from seeds/reference."""
    from portal.reference.services import load_reference

    written = load_reference()
    db.session.commit()
    for name, count in written.items():
        click.echo(f"{name}: {count} written")


@seed.command("demo")
def seed_demo() -> None:
    """Load demo organisations, one login per role, and each feature's demo data."""
    from portal.features import DEMOS
    from portal.reference.services import load_reference

    if current_app.config.get("PORTAL_ENV") == "production":
        # The demo logins and their passwords are published in README.md.
        raise click.ClickException("refusing to load demo accounts with published passwords into production")
    load_reference()
    for module in DEMOS:  # in their order: later ones build on earlier data
        name = module.__name__.split(".")[1]
        summary = module.seed()
        db.session.commit()
        click.echo(f"{name}: {summary}")


@i18n.command("update")
@click.argument("catalog", required=False)
def i18n_update(catalog: str | None) -> None:
    """Extract messages and update every catalog (core and per feature), or only the one named."""
    from portal import i18n_tools

    for line in i18n_tools.update_all(catalog):
        click.echo(line)


@i18n.command("compile")
def i18n_compile() -> None:
    """Compile every catalog to .mo."""
    from portal import i18n_tools

    for line in i18n_tools.compile_all():
        click.echo(line)


@i18n.command("missing")
def i18n_missing() -> None:
    """List Finnish and Swedish messages that have no translation."""
    from portal import i18n_tools

    missing = i18n_tools.untranslated()
    for (catalog, lang), ids in missing.items():
        for msgid in ids:
            click.echo(f"{catalog} [{lang}] {msgid}")
    raise SystemExit(1 if any(missing.values()) else 0)


@backup.command("create")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def backup_create(target: Path) -> None:
    """Write a consistent copy of the database to TARGET (online: the portal may keep serving)."""
    from portal.maintenance import services

    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite"):
        size = services.backup_sqlite(url, target)
        click.echo(f"backup written to {target} ({size} bytes)")
    else:
        dump, restore = services.pg_commands(url, target)
        subprocess.run(dump, check=True, env=services.pg_environment(url))
        click.echo(f"pg_dump written to {target}; restore with: {' '.join(restore)}")


@backup.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def backup_restore(source: Path, yes: bool) -> None:
    """Replace the database's contents with SOURCE (stop the portal first)."""
    from portal.maintenance import services

    if not yes:
        click.confirm("This replaces every record in the database. Continue?", abort=True)
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    db.engine.dispose()
    if url.startswith("sqlite"):
        services.restore_sqlite(url, source)
    else:
        _dump, restore = services.pg_commands(url, source)
        subprocess.run(restore, check=True, env=services.pg_environment(url))
    # The change counters come back as they were in the copy: answers cached since then could meet their keys.
    clear_cache()
    click.echo(f"restored from {source}; the cache is cleared")


@click.command("cache-clear")
def cache_clear() -> None:
    """Empty the server-side cache (after restoring a database by hand)."""
    clear_cache()
    click.echo("the cache is cleared")


def init_app(app: Flask) -> None:
    """Attach the command groups to the app."""
    app.cli.add_command(cache_clear)
    app.cli.add_command(seed)
    app.cli.add_command(i18n)
    app.cli.add_command(backup)
    from portal.accounts.cli import users  # the first administrator of a new installation

    app.cli.add_command(users)
    from portal.benchdata.cli import bench  # the synthetic region for measurements

    app.cli.add_command(bench)
