"""Online backup and restore of the SQLite database; PostgreSQL uses pg_dump/pg_restore.

SQLite: ``sqlite3``'s backup API copies the database page by page inside a
read transaction, so the copy is consistent even while the portal serves
and writes. Restore copies a backup back over the live database the same way
(stop the portal first; the copy replaces everything).

PostgreSQL: ``pg_dump --format=custom`` gives a consistent snapshot while the
portal serves; ``pg_restore --clean --if-exists --no-owner`` puts it back.
``pg_commands`` returns the exact commands for a URL and ``pg_environment``
the environment to run them in (the password goes there, never on a command
line that ``ps`` shows).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url


def sqlite_path(database_url: str) -> Path:
    """The file of a SQLite URL; ValueError for another database."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise ValueError("not a SQLite file database")
    return Path(url.database)


def backup_sqlite(database_url: str, target: Path) -> int:
    """Copy the live database to `target` consistently; returns the copy's size in bytes."""
    source = sqlite3.connect(sqlite_path(database_url))
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target.stat().st_size


def restore_sqlite(database_url: str, backup: Path) -> None:
    """Replace the live database's contents with a backup's."""
    if not backup.is_file():
        raise FileNotFoundError(backup)
    check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ValueError("the backup file fails SQLite's integrity check")
        live = sqlite3.connect(sqlite_path(database_url))
        try:
            with live:
                check.backup(live)
        finally:
            live.close()
    finally:
        check.close()


def pg_commands(database_url: str, dump_file: Path) -> tuple[list[str], list[str]]:
    """The pg_dump and pg_restore command lines for a PostgreSQL URL."""
    url = make_url(database_url)
    conn = ["--host", url.host or "localhost", "--port", str(url.port or 5432),
            "--username", url.username or "postgres"]
    dump = ["pg_dump", *conn, "--format=custom", "--file", str(dump_file), url.database]
    restore = ["pg_restore", *conn, "--clean", "--if-exists", "--no-owner", "--dbname", url.database, str(dump_file)]
    return dump, restore


def pg_environment(database_url: str) -> dict[str, str]:
    """The environment for pg_dump/pg_restore: the URL's password as PGPASSWORD, if it has one."""
    env = dict(os.environ)
    password = make_url(database_url).password
    if password:
        env["PGPASSWORD"] = str(password)
    return env
