"""Database outage drill: what visitors see while PostgreSQL is down, and that the site recovers.

    .venv/bin/python scripts/database_outage_drill.py [--db-port 55432] [--web-port 8765]

Builds a throwaway PostgreSQL cluster (initdb) on a spare port, migrates it, loads the demo
content and serves the site with gunicorn under the production settings (plain HTTP on
loopback). It then measures /healthz, the home page and a get-involved form while the database
is up, stopped (`pg_ctl stop -m immediate`), not answering (a port that accepts connections and
says nothing, as when a network drops packets) and back again, with no restart of the web
server. Prints a table and removes the cluster. Never touches any other PostgreSQL server.

Needs the PostgreSQL server binaries (initdb, pg_ctl: PG_BIN or /usr/lib/postgresql/*/bin).
Run as root, it runs them as the `postgres` system user, as initdb refuses root.
"""

import argparse
import glob
import http.client
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# Every command run here is a fixed program from this machine with arguments built here, never a
# shell line (hence the noqa: S603 marks).
SORRY = "Sorry, there is a problem with the site"
REQUEST_TIMEOUT = 60


def postgres_bin():
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    sys.exit("initdb not found: install the PostgreSQL server or set PG_BIN.")


class Cluster:
    """A PostgreSQL cluster of its own in a temporary folder, on `port` only."""

    def __init__(self, workdir, port):
        self.bin = postgres_bin()
        self.workdir = workdir
        self.data = workdir / "data"
        self.port = port
        self.as_root = os.geteuid() == 0

    def run(self, *command, check=True):
        command = [str(part) for part in command]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)  # noqa: S603

    def create(self):
        if self.as_root:
            shutil.chown(self.workdir, "postgres")
        self.run(
            self.bin / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8"
        )
        self.start()
        self.run(self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "pdu")

    def start(self):
        options = f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1"
        log = self.workdir / "postgres.log"
        self.run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", log, "-w", "start")

    def stop(self, mode="immediate"):
        self.run(self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop", check=False)

    def query(self, sql):
        result = self.run(
            self.bin / "psql", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "-d", "pdu",
            "-tAc", sql,
        )  # fmt: skip
        return result.stdout.strip()

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/pdu"


class SilentServer(threading.Thread):
    """Accepts connections on `port` and never answers: a database behind a broken network."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.listener = socket.create_server(("127.0.0.1", port))
        self.connections = []
        self.stopped = False

    def run(self):
        self.listener.settimeout(0.2)
        while not self.stopped:
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)

    def stop(self):
        self.stopped = True
        self.join()
        for connection in self.connections:
            connection.close()
        self.listener.close()


class FormReader(HTMLParser):
    """The fields of the first POST form on a page, filled in with plausible answers."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = {}
        self.in_form = False
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post" and self.action is None:
            self.in_form = True
            self.action = attrs.get("action", "")
        elif not self.in_form:
            return
        elif tag == "input" and attrs.get("name"):
            self.add_input(attrs)
        elif tag == "textarea" and attrs.get("name"):
            self.fields[attrs["name"]] = "Sent during the database outage drill."
        elif tag == "select" and attrs.get("name"):
            self.select = attrs["name"]
        elif tag == "option" and self.select and attrs.get("value"):
            self.fields.setdefault(self.select, attrs["value"])

    def add_input(self, attrs):
        name, kind = attrs["name"], attrs.get("type", "text")
        if kind == "hidden":
            self.fields[name] = attrs.get("value", "")
        elif kind in ("checkbox", "radio"):
            self.fields.setdefault(name, attrs.get("value", "on"))
        elif kind == "email":
            self.fields[name] = "drill@example.org"
        elif "website" not in name:  # the spam trap stays empty
            self.fields[name] = "Outage drill"

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None


class Browser:
    """Plain HTTP to the site on loopback, keeping the CSRF cookie like a browser would."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            return None, time.monotonic() - started, f"no answer ({error})"
        finally:
            connection.close()
        seconds = time.monotonic() - started
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        return response.status, seconds, content


def what_it_shows(status, content):
    if status is None:
        return content
    if content.lstrip().startswith("{"):
        return content.strip()
    if SORRY in content:
        return f"friendly error page ({SORRY})"
    if "Thank you" in content:
        return "thank-you page"
    start = content.find("<title>")
    title = content[start + 7 : content.find("</title>")].strip() if start >= 0 else ""
    return f"page: {title}" if title else f"{len(content)} bytes"


def wait_for_web(browser, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        status, _seconds, _content = browser.request("GET", "/healthz")
        if status is not None:
            return
        time.sleep(0.5)
    sys.exit("The web server did not start.")


def manage(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-port", type=int, default=55432)
    parser.add_argument("--web-port", type=int, default=8765)
    options = parser.parse_args()
    if options.db_port == 5432:
        sys.exit("Choose a spare port: 5432 is where a real PostgreSQL server usually runs.")

    workdir = Path(tempfile.mkdtemp(prefix="pdu-outage-drill-"))
    cluster = Cluster(workdir, options.db_port)
    web = None
    rows = []
    try:
        print(f"Creating a throwaway cluster in {workdir} on port {options.db_port}...")
        cluster.create()
        base_env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DATABASE_URL": cluster.url,
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
        }
        dev_env = {**base_env, "DJANGO_SETTINGS_MODULE": "pdu_site.settings.dev"}
        print("Migrating and loading the demo content (a few minutes)...")
        manage(dev_env, "migrate", "--noinput", "-v", "0")
        manage(dev_env, "load_demo_content")
        web_env = {
            **base_env,
            "DJANGO_SETTINGS_MODULE": "pdu_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
        }
        manage(web_env, "collectstatic", "--noinput", "-v", "0")
        form_path = cluster.query(
            "select url_path from wagtailcore_page p join wagtailcore_locale l "
            "on l.id = p.locale_id join django_content_type c on c.id = p.content_type_id "
            "where c.model = 'getinvolvedformpage' and p.live and l.language_code = 'en-gb' "
            "order by p.path limit 1"
        )
        # url_path starts with the home page's own slug: "/home/get-involved/..." is served at
        # "/get-involved/...".
        form_path = "/" + form_path.strip("/").split("/", 1)[1] + "/"

        # The errors logged during the outage are expected; they go to a file, not the screen.
        web_log = open(workdir / "web.log", "w")  # noqa: SIM115 (open while the server runs)
        web = subprocess.Popen(  # noqa: S603 (fixed command, no shell)
            [str(GUNICORN), "pdu_site.wsgi", "--bind", f"127.0.0.1:{options.web_port}",
             "--workers", "2", "--timeout", "60", "--log-level", "warning"],
            cwd=ROOT, env=web_env, stdout=web_log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        browser = Browser(options.web_port)
        wait_for_web(browser)

        def measure(phase, label, method, path, form=None):
            status, seconds, content = browser.request(method, path, form)
            rows.append((phase, label, status, seconds, what_it_shows(status, content)))
            return status, content

        def visit_all(phase, form):
            measure(phase, "GET /healthz", "GET", "/healthz")
            measure(phase, "GET / (home page)", "GET", "/")
            measure(phase, f"POST {form_path} (form)", "POST", form_path, form)

        _status, page = measure("up", "GET /healthz", "GET", "/healthz")
        measure("up", "GET / (home page)", "GET", "/")
        _status, page = measure("up", f"GET {form_path} (form)", "GET", form_path)
        reader = FormReader()
        reader.feed(page)
        form = reader.fields

        cluster.stop("immediate")
        visit_all("stopped", form)

        silent = SilentServer(options.db_port)
        silent.start()
        try:
            visit_all("not answering", form)
        finally:
            silent.stop()

        cluster.start()
        before = int(cluster.query("select count(*) from get_involved_getinvolvedformsubmission"))
        visit_all("back", form)
        after = int(cluster.query("select count(*) from get_involved_getinvolvedformsubmission"))
        rows.append(("back", "form submissions stored", None, 0.0, f"{before} -> {after}"))
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=30)
        cluster.stop("fast")
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print("| database | request | status | seconds | what it shows |")
    print("|---|---|---|---|---|")
    for phase, label, status, seconds, shows in rows:
        status_text = "" if status is None else str(status)
        print(f"| {phase} | {label} | {status_text} | {seconds:.2f} | {shows} |")


if __name__ == "__main__":
    main()
