"""The site under test: a throwaway PostgreSQL database, Django commands, and gunicorn.

Content is loaded with the development settings (the production settings refuse demo content),
then the site is served with the production settings, as on a server behind nginx: every
request carries `X-Forwarded-Proto: https` and `X-Real-IP`, so nothing is redirected to https
and rate limits count each simulated visitor, not the one address they all come from here.
"""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

import psycopg2
import redis
from process_cpu import children_of

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# Every command run here is a fixed program from the repository's virtualenv with arguments
# built here, never a shell line (hence the noqa: S603 marks).

# What nginx adds in front of the site (docs/deployment.md).
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Real-IP": "198.51.100.1"}
SERVER_START_SECONDS = 60
SERVER_STOP_SECONDS = 30


class BenchDatabase:
    """A database of its own on the PostgreSQL server at `server_url`, dropped at the end."""

    def __init__(self, server_url):
        self.server_url = server_url.rstrip("/")
        stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
        self.name = f"pdu_bench_{stamp}_{os.getpid()}"
        self.url = f"{self.server_url}/{self.name}"
        self.created = False

    def _admin(self, sql):
        connection = psycopg2.connect(f"{self.server_url}/postgres")
        connection.autocommit = True  # CREATE and DROP DATABASE cannot run in a transaction
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def create(self):
        self._admin(f'CREATE DATABASE "{self.name}"')
        self.created = True

    def drop(self):
        if self.created:
            # FORCE ends any connection left behind by a process that did not stop cleanly.
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self.created = False

    def analyze(self):
        """Refresh the planner's statistics after a bulk import, as autovacuum soon does on a
        production server (the test server may run without it)."""
        connection = psycopg2.connect(self.url)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        finally:
            connection.close()

    def server_version(self):
        return self._query("SHOW server_version")[0][0]

    def backend_pids(self):
        """The server processes serving this database's connections (the web workers')."""
        return sorted(
            row[0]
            for row in self._query(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
        )

    def _query(self, sql):
        connection = psycopg2.connect(self.url)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        finally:
            connection.close()


class SharedCache:
    """The Redis database the two workers share. Only this one database is ever emptied."""

    def __init__(self, url):
        self.url = url
        self.client = redis.Redis.from_url(url)

    def check_unused(self):
        keys = self.client.dbsize()
        if keys:
            raise SystemExit(
                f"Redis database {self.url} holds {keys} keys: it may be someone else's. "
                "Choose an empty one with --redis-url (it is emptied between runs)."
            )

    def empty(self):
        self.client.flushdb()


class Site:
    """Everything the site needs on this machine: its database, folders and settings."""

    def __init__(self, database, cache, workdir, logdir, log):
        self.database = database
        self.cache = cache
        self.workdir = Path(workdir)
        self.logdir = Path(logdir)
        self.log = log
        self.secret_key = secrets.token_urlsafe(64)

    def environment(self, settings, **extra):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": f"pdu_site.settings.{settings}",
            "DATABASE_URL": self.database.url,
            "REDIS_URL": self.cache.url,
            "MEDIA_ROOT": str(self.workdir / "media"),
            "STATIC_ROOT": str(self.workdir / "static"),
            "PDU_BACKUP_ENABLED": "false",
            "PYTHONUNBUFFERED": "1",
        }
        if settings == "production":
            env.update(
                SECRET_KEY=self.secret_key,
                ALLOWED_HOSTS="127.0.0.1",
                # Behind nginx: it says the visitor came over https and from which address.
                SECURE_PROXY_SSL_HEADER="true",
                CLIENT_IP_HEADER="X-Real-IP",
            )
        env.update({name: str(value) for name, value in extra.items()})
        return env

    def manage(self, *args, settings="dev"):
        """Run a management command with output to the log; stop the benchmark if it fails."""
        self.run([str(PYTHON), "manage.py", *args], settings)

    def run_script(self, script, *args, settings="dev"):
        """Run a Python script (with Django set up by the script itself); return its output."""
        completed = subprocess.run(  # noqa: S603
            [str(PYTHON), str(script), *args],
            cwd=ROOT,
            env=self.environment(settings),
            capture_output=True,
            text=True,
            check=False,
        )
        self.log.write(completed.stderr)
        if completed.returncode:
            raise SystemExit(f"{script.name} {' '.join(args)} failed:\n{completed.stderr[-2000:]}")
        return completed.stdout

    def run(self, command, settings):
        self.log.write(f"\n$ {' '.join(command)}\n")
        self.log.flush()
        completed = subprocess.run(  # noqa: S603
            command,
            cwd=ROOT,
            env=self.environment(settings),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            check=False,
        )
        if completed.returncode:
            raise SystemExit(f"{' '.join(command)} failed: see {self.log.name}")

    def drain_task_queue(self, workers=2):
        """Run the background tasks queued so far (search indexing, document text) and stop.

        A few workers at once: most of each task's time is spent waiting for the database.
        """
        command = [
            str(PYTHON),
            "manage.py",
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--verbosity",
            "0",
        ]
        self.log.write(f"\n$ {' '.join(command)}  (x{workers})\n")
        self.log.flush()
        processes = [
            subprocess.Popen(  # noqa: S603
                command,
                cwd=ROOT,
                env=self.environment("dev"),
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
            for _ in range(workers)
        ]
        try:
            failed = [process.wait() for process in processes]
        finally:
            for process in processes:
                if process.poll() is None:
                    process.terminate()
                    process.wait()
        if any(failed):
            raise SystemExit(f"The task worker failed: see {self.log.name}")


def get(url, headers=None, timeout=60):
    """One GET to the server on loopback, through the proxy's headers: (status, headers, body).

    An error status is returned like any other; a connection that fails raises OSError.
    """
    request = urllib.request.Request(url, headers={**PROXY_HEADERS, **(headers or {})})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, ""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers and the production settings, as gunicorn.conf.py sets it up.

    Workers are not replaced after a number of requests (GUNICORN_MAX_REQUESTS=0) so that each
    measurement follows the same two processes; production replaces them every ~2,000 requests.
    """

    running = set()  # every server started and not yet stopped, for the final clean-up

    def __init__(self, site, label, page_cache_seconds, workers=2):
        self.site = site
        self.page_cache_seconds = page_cache_seconds
        self.workers = workers
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_path = site.logdir / f"gunicorn-{label}.log"

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()  # __exit__ is not called when __enter__ fails
            raise
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def start(self):
        env = self.site.environment(
            "production",
            PDU_PAGE_CACHE_SECONDS=self.page_cache_seconds,
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            WEB_CONCURRENCY=self.workers,
            GUNICORN_MAX_REQUESTS=0,
        )
        log = open(self.log_path, "a")  # noqa: SIM115 - gunicorn writes to it until stop()
        self.process = subprocess.Popen(  # noqa: S603
            [str(GUNICORN)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        Server.running.add(self)
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start-up: see {self.log_path}")
            if len(self.worker_pids()) == self.workers and self.answers("/healthz"):
                return
            time.sleep(0.5)
        raise SystemExit(f"gunicorn did not answer /healthz in time: see {self.log_path}")

    def answers(self, path):
        try:
            return get(self.base_url + path, timeout=5)[0] == 200
        except OSError:  # not listening yet
            return False

    def worker_pids(self):
        return children_of(self.process.pid) if self.process else []

    def stop(self):
        """Stop gracefully (SIGTERM to the arbiter); kill it and its workers if that hangs."""
        if self.process is not None and self.process.poll() is None:
            workers = self.worker_pids()
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=SERVER_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                for pid in [self.process.pid, *workers]:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                self.process.wait()
        Server.running.discard(self)

    def log_since(self, offset):
        """The server's log from byte `offset` on (to count errors during one run)."""
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def log_size(self):
        return self.log_path.stat().st_size if self.log_path.exists() else 0
