"""Create or drop a PostgreSQL database for a test run: pgdb.py create|drop NAME."""
import os
import re
import sys

import psycopg


def main(action: str, name: str) -> None:
    if not re.fullmatch(r"[a-z0-9_]+", name) or "test" not in name:
        raise SystemExit(f"refusing database name {name!r}")
    conn = psycopg.connect(host=os.environ.get("PG_HOST", "127.0.0.1"), port=int(os.environ.get("PG_PORT", 5432)),
                           user=os.environ.get("PG_USER", "postgres"), dbname="postgres", autocommit=True)
    with conn:
        if action == "create":
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        elif action == "drop":
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            raise SystemExit("usage: pgdb.py create|drop NAME")


if __name__ == "__main__":
    main(*sys.argv[1:3])
