"""Runs of wrk against the server, with the CPU its workers used per request.

wrk opens a new connection for every request here: gunicorn's sync workers answer each request
with `Connection: close`, as they do behind nginx.
"""

import json
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench_site import PROXY_HEADERS
from process_cpu import CpuMeter

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
# What a browser sends besides the proxy's headers: static files then come gzipped, as they do
# to visitors (pages are not compressed by the site itself).
BROWSER_HEADERS = {"Accept-Encoding": "gzip", "Accept-Language": "en-GB,en;q=0.9"}


@dataclass
class Load:
    """How hard wrk pushes: `connections` requests in flight at once, for `seconds`."""

    seconds: int
    connections: int
    threads: int
    timeout_seconds: int = 5


@dataclass
class Measurement:
    name: str
    paths: list
    load: Load
    requests: int = 0
    seconds: float = 0.0
    errors: dict = field(default_factory=dict)
    latency_ms: dict = field(default_factory=dict)
    worker_cpu_ms: float | None = None
    database_cpu_ms: float | None = None
    cpu_complete: bool = False

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed(self):
        return sum(self.errors.values())

    def per_request(self, total_ms):
        if total_ms is None or not self.requests:
            return None
        return total_ms / self.requests

    def as_dict(self):
        data = asdict(self)
        data["requests_per_second"] = round(self.requests_per_second, 1)
        data["worker_cpu_ms_per_request"] = self.per_request(self.worker_cpu_ms)
        data["database_cpu_ms_per_request"] = self.per_request(self.database_cpu_ms)
        return data


def wrk_command(base_url, paths, load):
    headers = {**PROXY_HEADERS, **BROWSER_HEADERS}
    command = [
        "wrk",
        f"--threads={load.threads}",
        f"--connections={load.connections}",
        f"--duration={load.seconds}s",
        f"--timeout={load.timeout_seconds}s",
        f"--script={WRK_SCRIPT}",
    ]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    return [*command, base_url + paths[0], "--", *paths]


def start_wrk(base_url, paths, load):
    """Start wrk in the background (the mixed load runs it beside other clients)."""
    return subprocess.Popen(  # noqa: S603 - wrk with arguments built here
        wrk_command(base_url, paths, load),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wrk_results(process):
    """Wait for wrk and return the JSON line wrk_report.lua printed."""
    try:
        output, _ = process.communicate()
    except BaseException:  # interrupted: wrk must not outlive the benchmark
        process.kill()
        process.wait()
        raise
    for line in reversed(output.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit(f"wrk gave no results:\n{output}")


def apply_wrk_results(measurement, results):
    measurement.requests = results["requests"]
    measurement.seconds = results["duration_us"] / 1_000_000
    measurement.errors = results["errors"]
    measurement.latency_ms = {
        name: round(value / 1000, 2) for name, value in results["latency_us"].items()
    }


def measure(name, server, database, paths, load):
    """One wrk run over `paths`, with the CPU of gunicorn's workers and their database
    connections over exactly that run."""
    workers = CpuMeter(server.worker_pids())
    backends = CpuMeter(database.backend_pids())
    measurement = Measurement(name=name, paths=list(paths), load=load)
    # Readable when PostgreSQL runs on this machine and this user may read its processes.
    database_readable = backends.readable
    workers.start()
    backends.start()
    results = wrk_results(start_wrk(server.base_url, paths, load))
    workers.stop()
    backends.stop()
    apply_wrk_results(measurement, results)
    measurement.worker_cpu_ms = workers.used_seconds * 1000
    measurement.database_cpu_ms = backends.used_seconds * 1000 if database_readable else None
    # Same workers and connections from start to end, or the CPU figures are not the run's.
    measurement.cpu_complete = (
        workers.complete
        and sorted(server.worker_pids()) == sorted(workers.pids)
        and sorted(database.backend_pids()) == sorted(backends.pids)
    )
    return measurement
