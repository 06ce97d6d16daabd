"""Benchmarks of the site on this machine: gunicorn (2 sync workers) and wrk, on PostgreSQL.

    .venv/bin/python scripts/benchmark/run.py            the full run (docs/performance.md)
    .venv/bin/python scripts/benchmark/run.py --seconds 5 --mixed-seconds 30    a quick try
    make bench BENCH_ARGS="--parts pages"

On a new PostgreSQL database of its own (pdu_bench_..., dropped at the end, whatever happens):
migrate, load the demo content, add member accounts, run the queued background tasks, collect
the static files into a temporary folder. Then three parts, each with gunicorn serving the
production settings:

- pages: each page on its own, then a static file, with the page cache off (cold:
  PDU_PAGE_CACHE_SECONDS=0) and then on (warm); requests per second, latency and the CPU the
  two workers (and their database connections) used per request;
- mixed: readers (wrk), searchers and members booking places (mixed_load.py) at once, with the
  page cache on as in production; then no error anywhere, and the bookings in the database are
  exactly the ones the members were told they had;
- library: generate_resources up to 10,000 resources (some with a document whose text is
  searched), then the library's search with a facet, cache off, over distinct queries.

Prints the results as Markdown tables (for docs/performance.md) and writes them as JSON next to
the logs. Needs: wrk (`apt-get install wrk`), PostgreSQL, Redis, the repository's .venv.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench_site import PYTHON, ROOT, BenchDatabase, Server, SharedCache, Site, get
from demo_paths import (
    LIBRARY_RESULT_MARK,
    MEASURED_PAGES,
    READER_PATHS,
    SEARCH_RESULT_MARK,
    library_search_paths,
    site_search_paths,
)
from process_cpu import CpuMeter
from report import markdown
from wrk_runs import Load, Measurement, apply_wrk_results, measure, start_wrk, wrk_results

HERE = Path(__file__).resolve().parent
PARTS = ("pages", "mixed", "library")
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/static/[^"]+\.css)"')
PLACES_LEFT = re.compile(r"(\d+) places? left")
FULL = "This event is full"
ACCESS_LOG_STATUS = re.compile(r'^\S+ \S+ \S+ \[[^\]]+\] "[^"]*" (\d{3}) ', re.MULTILINE)


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--parts", default=",".join(PARTS), help="Some of: pages,mixed,library.")
    parser.add_argument("--seconds", type=int, default=20, help="Each measured run (default 20).")
    parser.add_argument("--warmup-seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=4, help="wrk's, for pages (4).")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads (2).")
    parser.add_argument("--page-cache-seconds", type=int, default=600, help="Warm runs' cache.")
    parser.add_argument("--mixed-seconds", type=int, default=300)
    parser.add_argument("--readers", type=int, default=2, help="wrk connections in the mix.")
    parser.add_argument("--searchers", type=int, default=2)
    parser.add_argument("--members", type=int, default=2, help="Members booking at once.")
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=1_000, help="Resources with a document.")
    parser.add_argument("--library-seconds", type=int, default=60, help="The library's run.")
    parser.add_argument("--search-connections", type=int, default=2, help="wrk's, library part.")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--log-dir", help="Where logs and results.json go (default: new folder).")
    arguments = parser.parse_args()
    arguments.parts = [part.strip() for part in arguments.parts.split(",") if part.strip()]
    unknown = set(arguments.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return arguments


def say(message):
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def stop_on_sigterm():
    """SIGTERM ends the run like Ctrl+C does: through the clean-up below, not around it."""

    def stop(signum, frame):
        raise SystemExit("Stopped (SIGTERM).")

    signal.signal(signal.SIGTERM, stop)


def fetch(server, path):
    """One GET as a visitor's browser makes it, without cookies: (status, headers, body)."""
    return get(server.base_url + path, {"Accept-Language": "en-GB,en;q=0.9"})


def check_path(server, path, result_mark=None):
    """The path answers 200 (not a redirect) and, for a search, finds something."""
    status, _headers, body = fetch(server, path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}, not 200: the demo content has changed?")
    return body.count(result_mark) if result_mark else None


def result_mark_for(path):
    if path.startswith("/search/"):
        return SEARCH_RESULT_MARK
    if path.startswith("/resources/?") and "q=" in path:
        return LIBRARY_RESULT_MARK
    return None


def warm_up(server, paths, arguments):
    load = Load(arguments.warmup_seconds, arguments.connections, arguments.threads)
    wrk_results(start_wrk(server.base_url, paths, load))


# Preparation --------------------------------------------------------------------------------


def prepare(site, member_accounts):
    say("Migrating and loading the demo content (development settings)")
    site.manage("migrate", "--noinput")
    site.manage("compile_translations")
    site.manage("load_demo_content")
    say(f"Adding {member_accounts} member accounts for the mixed load")
    site.run_script(HERE / "site_data.py", "add-members", str(member_accounts))
    say("Running the queued background tasks (search index)")
    site.drain_task_queue()
    say("Collecting static files (production settings)")
    site.run(
        [str(PYTHON), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        "production",
    )


# Part 1: pages, cold and warm -----------------------------------------------------------------


def run_pages(site, arguments):
    load = Load(arguments.seconds, arguments.connections, arguments.threads)
    rows = []
    for mode, cache_seconds in (("cold", 0), ("warm", arguments.page_cache_seconds)):
        site.cache.empty()
        with Server(site, f"pages-{mode}", cache_seconds) as server:
            _status, _headers, home = fetch(server, "/")
            stylesheet = STYLESHEET.search(home)
            if stylesheet is None:
                raise SystemExit("No stylesheet link on the home page.")
            paths = {**MEASURED_PAGES, "static file (CSS)": stylesheet.group(1)}
            for name, path in paths.items():
                found = check_path(server, path, result_mark_for(path))
                if found == 0:
                    raise SystemExit(f"{path} found nothing: choose another search.")
                say(f"  {mode}: {name} ({path})")
                warm_up(server, [path], arguments)
                _status, headers, _body = fetch(server, path)
                measurement = measure(name, server, site.database, [path], load)
                rows.append(
                    {
                        **measurement.as_dict(),
                        "mode": mode,
                        "page_cache_header": headers.get("X-Page-Cache"),
                        "results_on_page": found,
                    }
                )
    return rows


# Part 2: the mixed load -----------------------------------------------------------------------


def bookings(site):
    return json.loads(site.run_script(HERE / "site_data.py", "bookings"))


def places_shown(server, path):
    """The number of places an anonymous visitor is told are left (0 when full)."""
    _status, _headers, body = fetch(server, path)
    if FULL in body:
        return 0
    found = PLACES_LEFT.search(body)
    return int(found.group(1)) if found else None


def run_mixed(site, arguments, member_accounts):
    before = bookings(site)
    # The English events (their translations are pages of their own, with places of their own).
    events = [event for event in before["events"] if event["live"] and event["language"] == "en-gb"]
    site.cache.empty()
    with Server(site, "mixed", arguments.page_cache_seconds) as server:
        for path in READER_PATHS:
            check_path(server, path)
        warm_up(server, READER_PATHS, arguments)
        say(f"  mixed load for {arguments.mixed_seconds} s")
        log_start = server.log_size()
        workers = CpuMeter(server.worker_pids())
        workers.start()
        readers_load = Load(arguments.mixed_seconds, arguments.readers, 1, timeout_seconds=30)
        readers = start_wrk(server.base_url, READER_PATHS, readers_load)
        clients = subprocess.Popen(  # noqa: S603 - the repository's own script
            [
                str(PYTHON),
                str(HERE / "mixed_load.py"),
                f"--base-url={server.base_url}",
                f"--seconds={arguments.mixed_seconds}",
                f"--searchers={arguments.searchers}",
                f"--members={arguments.members}",
                f"--accounts={member_accounts}",
                *(f"--event={event['url']}" for event in events),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            clients_output, _ = clients.communicate()
            readers_results = wrk_results(readers)
        finally:
            for process in (clients, readers):
                if process.poll() is None:
                    process.kill()
                    process.wait()
        workers.stop()
        if clients.returncode:
            raise SystemExit("mixed_load.py failed (its error is above).")
        server_log = server.log_since(log_start)
        shown = {event["id"]: places_shown(server, event["url"]) for event in events}
    after = bookings(site)
    return mixed_results(
        arguments, json.loads(clients_output), readers_results, workers, server_log, after, shown
    )


def mixed_results(arguments, clients, readers_results, workers, server_log, after, shown):
    readers = Load(arguments.mixed_seconds, arguments.readers, 1)
    reader_measurement = Measurement("readers", READER_PATHS, readers)
    apply_wrk_results(reader_measurement, readers_results)
    statuses = [int(status) for status in ACCESS_LOG_STATUS.findall(server_log)]
    total_requests = reader_measurement.requests + sum(clients["requests"].values())
    expected_active = sorted(clients["active_bookings"])
    events = []
    for event in after["events"]:
        places_left = max((event["capacity"] or 0) - event["confirmed"], 0)
        shown_left = shown.get(event["id"])
        events.append(
            {
                **event,
                "within_capacity": event["confirmed"] <= (event["capacity"] or 0),
                # Nobody waits while a place is free.
                "no_place_left_unused": not event["waiting"] or places_left == 0,
                # The page anonymous visitors get (from the page cache) is not out of date.
                "places_shown_to_visitors": shown_left,
                "shown_places_agree": shown_left is None or shown_left == places_left,
            }
        )
    return {
        "seconds": arguments.mixed_seconds,
        "readers": reader_measurement.as_dict(),
        "clients": clients,
        "server": {
            "responses_logged": len(statuses),
            "responses_5xx": sum(status >= 500 for status in statuses),
            "worker_timeouts": server_log.count("WORKER TIMEOUT"),
            "worker_cpu_ms_per_request": (workers.used_seconds * 1000 / total_requests)
            if total_requests
            else None,
        },
        "bookings": {
            "made": clients["bookings_made"],
            "cancelled": clients["cancellations"],
            "active_told_to_members": len(expected_active),
            "active_in_database": len(after["bench_active"]),
            "cancelled_in_database": after["bench_cancelled"],
            "same_bookings": after["bench_active"] == expected_active
            and after["bench_cancelled"] == clients["cancellations"],
            "events": events,
        },
    }


# Part 3: the library at 10,000 resources ------------------------------------------------------


def run_library(site, arguments):
    started = time.monotonic()
    if arguments.documents:
        say(f"Generating {arguments.documents} resources with documents")
        site.manage("generate_resources", str(arguments.documents), "--with-documents")
    say(f"Generating resources up to {arguments.resources}")
    site.manage("generate_resources", str(arguments.resources))
    generated = time.monotonic()
    say("Running the queued background tasks (document text, search index)")
    site.drain_task_queue()
    site.database.analyze()
    drained = time.monotonic()
    library = json.loads(site.run_script(HERE / "site_data.py", "library"))
    paths = library_search_paths()
    site.cache.empty()
    with Server(site, "library-cold", 0) as server:
        say(f"  asking each of {len(paths)} library searches once (check and warm-up)")
        found = [check_path(server, path, LIBRARY_RESULT_MARK) for path in paths]
        load = Load(
            arguments.library_seconds, arguments.search_connections, arguments.search_connections
        )
        measurement = measure("library search with a facet", server, site.database, paths, load)
        # The site's search covers every page, so it grows with the library too.
        searches = site_search_paths()
        say(f"  asking each of {len(searches)} site searches once (check and warm-up)")
        for path in searches:
            check_path(server, path, SEARCH_RESULT_MARK)
        site_search = measure("site search", server, site.database, searches, load)
    return {
        **library,
        "generate_seconds": round(generated - started),
        "background_tasks_seconds": round(drained - generated),
        "queries": len(paths),
        "queries_finding_something": sum(1 for count in found if count),
        "measurement": {**measurement.as_dict(), "mode": "cold"},
        "site_search": {**site_search.as_dict(), "mode": "cold", "queries": len(searches)},
    }


# The machine ----------------------------------------------------------------------------------


def command_output(command):
    try:
        completed = subprocess.run(  # noqa: S603 - fixed commands
            command, capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (completed.stdout or completed.stderr).strip()


def machine(database):
    cpu_model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu_model,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": database.server_version(),
        "wrk": " ".join(command_output(["wrk", "--version"]).split()[:2]),
        "gunicorn": command_output([str(ROOT / ".venv" / "bin" / "gunicorn"), "--version"]),
        "load_average": os.getloadavg(),
    }


# The run -----------------------------------------------------------------------------------------


def main():
    arguments = parse_arguments()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `sudo apt-get install wrk` (Debian, Ubuntu).")
    stop_on_sigterm()
    cache = SharedCache(arguments.redis_url)
    cache.check_unused()
    database = BenchDatabase(arguments.postgres_url)
    logdir = Path(arguments.log_dir or tempfile.mkdtemp(prefix="pdu-bench-logs-"))
    logdir.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="pdu-bench-"))
    # Enough accounts that none runs out: a visit takes well over a second.
    member_accounts = max(100, arguments.mixed_seconds * arguments.members * 2)
    results = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "arguments": vars(arguments),
        "member_accounts": member_accounts,
    }
    say(f"Logs in {logdir}")
    try:
        with open(logdir / "commands.log", "a") as log:
            database.create()
            say(f"Database {database.name}")
            site = Site(database, cache, workdir, logdir, log)
            prepare(site, member_accounts)
            results["machine"] = machine(database)
            if "pages" in arguments.parts:
                say("Pages, cold and warm")
                results["pages"] = run_pages(site, arguments)
            if "mixed" in arguments.parts:
                say("Mixed load")
                results["mixed"] = run_mixed(site, arguments, member_accounts)
            if "library" in arguments.parts:
                say(f"Library search at {arguments.resources} resources")
                results["library"] = run_library(site, arguments)
            results["machine"]["load_average_at_end"] = os.getloadavg()
    finally:
        # A second Ctrl+C or SIGTERM must not cut the clean-up short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        say("Cleaning up: web server, database, cache, temporary files")
        for server in list(Server.running):
            server.stop()
        database.drop()
        cache.empty()
        shutil.rmtree(workdir, ignore_errors=True)
    results_path = logdir / "results.json"
    results_path.write_text(json.dumps(results, indent=2) + "\n")
    say(f"Results: {results_path}")
    print(markdown(results))


if __name__ == "__main__":
    main()
