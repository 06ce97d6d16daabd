"""CPU time used by processes on this machine, read from /proc (Linux).

The benchmark divides the CPU the gunicorn workers (and their PostgreSQL connections) used
during a run by the requests served: a cost per request that does not depend on how busy the
rest of the machine is, unlike requests per second.
"""

import os
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")


def cpu_seconds(pid):
    """User plus system CPU seconds used so far by process `pid`; None if it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5)
    return (utime + stime) / TICKS_PER_SECOND


def children_of(pid):
    """The process ids whose parent is `pid` (gunicorn's workers, for the arbiter's pid)."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])  # field 4 of proc(5)
        if parent == pid:
            found.append(int(entry.name))
    return sorted(found)


class CpuMeter:
    """CPU used by a fixed set of processes between start() and stop().

    If any of them ends (or a new one replaces it) in between, the measurement is not complete
    and `complete` says so: a restarted gunicorn worker would hide its own CPU and add its
    start-up to the next one's.
    """

    def __init__(self, pids):
        self.pids = list(pids)
        self.started = {}
        self.used_seconds = None
        self.complete = False

    @property
    def readable(self):
        return bool(self.pids) and all(cpu_seconds(pid) is not None for pid in self.pids)

    def start(self):
        self.started = {pid: cpu_seconds(pid) for pid in self.pids}

    def stop(self):
        ended = {pid: cpu_seconds(pid) for pid in self.pids}
        self.complete = all(
            self.started.get(pid) is not None and ended[pid] is not None for pid in self.pids
        )
        self.used_seconds = sum(
            ended[pid] - self.started[pid]
            for pid in self.pids
            if self.started.get(pid) is not None and ended[pid] is not None
        )
        return self.used_seconds
