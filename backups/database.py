"""Copying the site's database into a file and back: PostgreSQL with pg_dump and pg_restore,
SQLite with its online backup API. Both are consistent copies taken while the site runs."""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

POSTGRES = "postgresql"
SQLITE = "sqlite"
DUMP_FILES = {POSTGRES: "database.dump", SQLITE: "database.sqlite3"}


class DatabaseCopyError(Exception):
    """pg_dump or pg_restore failed (their own message says why), or the database is unsupported."""


def engine():
    if connection.vendor not in DUMP_FILES:
        raise DatabaseCopyError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def dump_file_name():
    return DUMP_FILES[engine()]


def table_names():
    return connection.introspection.table_names()


def postgres_environment():
    """libpq's own variables, so the password never shows on a command line (or in `ps`)."""
    database = connection.settings_dict
    options = database.get("OPTIONS", {})
    values = {
        "PGHOST": database["HOST"],
        "PGPORT": database["PORT"],
        "PGUSER": database["USER"],
        "PGPASSWORD": database["PASSWORD"],
        "PGDATABASE": database["NAME"],
        "PGSSLMODE": options.get("sslmode"),
        "PGCONNECT_TIMEOUT": options.get("connect_timeout"),
    }
    return {**os.environ, **{name: str(value) for name, value in values.items() if value}}


def run_postgres_tool(arguments):
    try:
        result = subprocess.run(  # noqa: S603 (a fixed program; arguments are ours)
            arguments,
            env=postgres_environment(),
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        raise DatabaseCopyError(
            f"{arguments[0]} was not found: install the PostgreSQL client tools "
            "(Debian: postgresql-client) in the same major version as the server."
        ) from None
    if result.returncode != 0:
        raise DatabaseCopyError(
            result.stderr.strip() or f"{arguments[0]} stopped with exit code {result.returncode}."
        )


def dump(path):
    """Write a copy of the whole database to `path`."""
    if engine() == POSTGRES:
        # Custom format: compressed, and pg_restore can restore it into any empty database.
        run_postgres_tool(["pg_dump", "--format=custom", f"--file={path}"])
    else:
        if connection.in_atomic_block:
            # SQLite would wait forever for this connection's own transaction to finish.
            raise DatabaseCopyError("An SQLite database cannot be backed up inside a transaction.")
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()


def drop_all_tables():
    """Empty the database, before restoring over it (--replace-existing)."""
    tables = table_names()
    if not tables:
        return
    if engine() == POSTGRES:
        quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {quoted} CASCADE")
    # SQLite needs nothing: restoring replaces the whole file's contents.


def restore(path):
    """Load the copy at `path` into the (empty) database."""
    if engine() == POSTGRES:
        run_postgres_tool(
            [
                "pg_restore",
                # Owned by whoever restores it, whatever user made the backup.
                "--no-owner",
                "--no-privileges",
                # All or nothing: an error part-way leaves the database as it was.
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ]
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    connection.close()
