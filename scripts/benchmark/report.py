"""The benchmark's results as Markdown tables, each target marked met or not.

    .venv/bin/python scripts/benchmark/report.py results.json

run.py prints this at the end of a run; this command prints it again from the saved JSON.
"""

import json
import sys

COLD_CPU_TARGET_MS = 50  # a third of bakerydemo's home page (~150 ms) on a 2-core machine
WARM_SHARE_OF_STATIC = 0.5
LIBRARY_P95_TARGET_MS = 100
LIBRARY_TARGET_RESOURCES = 10_000
MIXED_TARGET_SECONDS = 300


def number(value, digits=1):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def latencies(latency):
    return " / ".join(number(latency.get(name)) for name in ("p50", "p95", "p99"))


def wrk_errors(row):
    errors = row["errors"]
    return sum(errors.values())


def listed(rows, label):
    if not rows:
        return ""
    return f"; {label}: " + ", ".join(row["name"] for row in rows)


def met(condition):
    return "**met**" if condition else "**not met**"


def pages_table(rows):
    lines = [
        "| page | cache | requests/s | worker CPU ms/request | database CPU ms/request "
        "| latency ms p50 / p95 / p99 | errors | X-Page-Cache |",
        "|---|---|---:|---:|---:|---|---:|---|",
    ]
    for row in rows:
        cpu_note = "" if row["cpu_complete"] else " (incomplete)"
        lines.append(
            f"| {row['name']} | {row['mode']} | {number(row['requests_per_second'])} "
            f"| {number(row['worker_cpu_ms_per_request'], 2)}{cpu_note} "
            f"| {number(row['database_cpu_ms_per_request'], 2)} "
            f"| {latencies(row['latency_ms'])} | {wrk_errors(row)} "
            f"| {row.get('page_cache_header') or '-'} |"
        )
    return lines


def library_table(library):
    row = library["measurement"]
    return [
        "| resources | with a document (text read) | queries (finding something) | requests/s "
        "| worker CPU ms/request | database CPU ms/request | latency ms p50 / p95 / p99 "
        "| errors |",
        "|---:|---:|---:|---:|---:|---:|---|---:|",
        f"| {library['live_resources']:,} | {library['resources_with_documents']:,} "
        f"({library['documents_with_text']:,}) | {library['queries']} "
        f"({library['queries_finding_something']}) | {number(row['requests_per_second'])} "
        f"| {number(row['worker_cpu_ms_per_request'], 2)} "
        f"| {number(row['database_cpu_ms_per_request'], 2)} "
        f"| {latencies(row['latency_ms'])} | {wrk_errors(row)} |",
        "",
        *site_search_line(library),
        f"Generating the resources took {library['generate_seconds']} s and reading their "
        f"documents and indexing them {library['background_tasks_seconds']} s.",
    ]


def site_search_line(library):
    row = library.get("site_search")
    if not row:
        return []
    return [
        f"The site's search at the same size ({row['queries']} queries, every kind of page): "
        f"{number(row['requests_per_second'])} requests/s, "
        f"{number(row['worker_cpu_ms_per_request'], 2)} ms of worker CPU and "
        f"{number(row['database_cpu_ms_per_request'], 2)} ms of database CPU per request, "
        f"latency ms p50 / p95 / p99 {latencies(row['latency_ms'])}, {wrk_errors(row)} errors.",
        "",
    ]


def mixed_failures(mixed):
    clients = mixed["clients"]
    return (
        sum(clients["failures"].values())
        + wrk_errors(mixed["readers"])
        + mixed["server"]["responses_5xx"]
        + mixed["server"]["worker_timeouts"]
    )


def bookings_correct(mixed):
    bookings = mixed["bookings"]
    return bookings["same_bookings"] and all(event_correct(event) for event in bookings["events"])


def event_correct(event):
    return (
        event["within_capacity"] and event["no_place_left_unused"] and event["shown_places_agree"]
    )


def mixed_tables(mixed):
    clients = mixed["clients"]
    readers = mixed["readers"]
    lines = [
        "| who | requests | latency ms p50 / p95 / p99 | failures |",
        "|---|---:|---|---:|",
        f"| readers (wrk, {readers['load']['connections']} connections) | {readers['requests']:,} "
        f"| {latencies(readers['latency_ms'])} | {wrk_errors(readers)} |",
    ]
    for role in ("searchers", "members"):
        lines.append(
            f"| {role} | {clients['requests'].get(role, 0):,} "
            f"| {latencies(clients['latency_ms'].get(role, {}))} | see below |"
        )
    server = mixed["server"]
    bookings = mixed["bookings"]
    failures = clients["failures"]
    kinds = ", ".join(f"{kind}: {count}" for kind, count in failures.items())
    lines += [
        "",
        f"- Failures seen by searchers and members: {sum(failures.values())}"
        + (f" ({kinds})" if kinds else "")
        + f"; responses with a 5xx status in the server's log: {server['responses_5xx']} of "
        f"{server['responses_logged']:,}; worker timeouts: {server['worker_timeouts']}.",
        f"- Worker CPU over the whole mix: {number(server['worker_cpu_ms_per_request'], 2)} ms "
        "per request.",
        f"- Members: {clients['member_visits']} visits (each signs in with its own account), "
        f"{bookings['made']} bookings made, {bookings['cancelled']} cancelled; active bookings "
        f"the members were shown: {bookings['active_told_to_members']}, in the database: "
        f"{bookings['active_in_database']} (cancelled in the database: "
        f"{bookings['cancelled_in_database']}); the same bookings: "
        f"{'yes' if bookings['same_bookings'] else 'NO'}.",
        "",
        "| event | capacity | confirmed | waiting | places left, as visitors see it | correct |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for event in bookings["events"]:
        shown = event["places_shown_to_visitors"]
        lines.append(
            f"| {event['url']} | {event['capacity']} | {event['confirmed']} | {event['waiting']} "
            f"| {'-' if shown is None else shown} | {'yes' if event_correct(event) else 'NO'} |"
        )
    if clients["failure_examples"]:
        lines += ["", "Examples of failures:", ""]
        lines += [f"- `{example}`" for example in clients["failure_examples"]]
    return lines


def targets_table(results):
    lines = ["| target | measured | |", "|---|---|---|"]
    pages = results.get("pages", [])
    cold = [row for row in pages if row["mode"] == "cold" and not row["name"].startswith("static")]
    if cold:
        over = [row for row in cold if row["worker_cpu_ms_per_request"] > COLD_CPU_TARGET_MS]
        worst = max(cold, key=lambda row: row["worker_cpu_ms_per_request"])
        lines.append(
            f"| cold pages at most {COLD_CPU_TARGET_MS} ms of worker CPU "
            f"| {len(cold) - len(over)} of {len(cold)} pages; most: {worst['name']}, "
            f"{number(worst['worker_cpu_ms_per_request'])} ms{listed(over, 'over')} "
            f"| {met(not over)} |"
        )
    warm = [row for row in pages if row["mode"] == "warm"]
    static = [row for row in warm if row["name"].startswith("static")]
    warm_pages = [row for row in warm if not row["name"].startswith("static")]
    if static and warm_pages:
        static_rps = static[0]["requests_per_second"]
        under = [
            row
            for row in warm_pages
            if row["requests_per_second"] < WARM_SHARE_OF_STATIC * static_rps
        ]
        lines.append(
            "| warm pages at least half the static file's requests/s "
            f"| {len(warm_pages) - len(under)} of {len(warm_pages)} pages; static file "
            f"{number(static_rps)} requests/s{listed(under, 'under half')} | {met(not under)} |"
        )
    library = results.get("library")
    if library:
        p95 = library["measurement"]["latency_ms"]["p95"]
        at = library["live_resources"]
        note = "" if at >= LIBRARY_TARGET_RESOURCES else f" (only {at:,} resources)"
        lines.append(
            f"| library search with facets under {LIBRARY_P95_TARGET_MS} ms at the 95th "
            f"percentile, {LIBRARY_TARGET_RESOURCES:,} resources | p95 {number(p95)} ms{note} "
            f"| {met(p95 < LIBRARY_P95_TARGET_MS and not note)} |"
        )
    mixed = results.get("mixed")
    if mixed:
        seconds = mixed["seconds"]
        note = "" if seconds >= MIXED_TARGET_SECONDS else f" (a {seconds} s run, not 5 minutes)"
        failures = mixed_failures(mixed)
        lines.append(
            f"| zero errors over a 5-minute mixed load | {failures} errors{note} "
            f"| {met(failures == 0 and not note)} |"
        )
        lines.append(
            "| correct booking count afterwards, never over capacity "
            f"| {'correct' if bookings_correct(mixed) else 'WRONG'} "
            f"| {met(bookings_correct(mixed))} |"
        )
    return lines


def markdown(results):
    machine = results.get("machine", {})
    lines = [
        f"Run of {results['started']} on {machine.get('cpu', '?')}, {machine.get('cores')} "
        f"cores, {machine.get('memory_gb')} GB; PostgreSQL {machine.get('postgresql')}, "
        f"{machine.get('gunicorn')}, {machine.get('wrk')}. Load average at the start: "
        f"{', '.join(number(value, 2) for value in machine.get('load_average', []))}; at the "
        f"end: {', '.join(number(value, 2) for value in machine.get('load_average_at_end', []))}.",
        "",
    ]
    arguments = results["arguments"]
    if results.get("pages"):
        lines += [
            f"### Pages ({arguments['seconds']} s each, wrk -t {arguments['threads']} "
            f"-c {arguments['connections']})",
            "",
            *pages_table(results["pages"]),
            "",
        ]
    if results.get("library"):
        lines += [
            f"### Library search with a facet, cache off ({arguments['library_seconds']} s, wrk "
            f"-c {arguments['search_connections']})",
            "",
            *library_table(results["library"]),
            "",
        ]
    if results.get("mixed"):
        lines += [
            f"### Mixed load ({results['mixed']['seconds']} s, page cache on)",
            "",
            *mixed_tables(results["mixed"]),
            "",
        ]
    lines += ["### Targets", "", *targets_table(results)]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    with open(sys.argv[1]) as saved:
        print(markdown(json.load(saved)))
