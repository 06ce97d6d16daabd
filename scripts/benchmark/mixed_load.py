"""Searchers and members booking places, against a running site, for a fixed time.

    .venv/bin/python scripts/benchmark/mixed_load.py --base-url http://127.0.0.1:8000 \\
        --seconds 300 --searchers 2 --members 2 --accounts 1800 \\
        --event /events/trauma-informed-care-an-introduction/ --event /events/...

The runner starts it beside wrk, which plays the readers. Prints one JSON object: requests and
latencies per role, every failure, and the bookings it made and cancelled, which the runner
then compares with the database.

A member's visit: sign in (a fresh session, from an address of its own as nginx would report
it), then for each event in turn: open the event page, post its booking form (the CSRF token
comes from the form), open the page again and read the state of their booking from it;
sometimes cancel (post the cancel button, then the "yes, cancel" form) and check the page
offers booking again. An account is used for one visit only, so the site's limit of booking
actions per member per hour is never reached.

Threads and the `requests` library, not Locust: a handful of clients is all a 2-core machine
needs beside wrk, and what matters here is following each member's session and counting exactly
what the site said was booked; threads do that in plain code with nothing more to install.
"""

import argparse
import json
import random
import re
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from urllib.parse import urlencode

import requests
from bench_accounts import MEMBER_EMAIL, MEMBER_PASSWORD
from bench_site import PROXY_HEADERS
from demo_paths import LIBRARY_FACETS, SEARCH_TERMS
from wrk_runs import BROWSER_HEADERS

REQUEST_TIMEOUT = 30  # gunicorn's own timeout: anything slower is a failure there too
BOOK_ACTION = re.compile(r"/accounts/bookings/events/(\d+)/book/$")
CANCEL_ACTION = re.compile(r"/accounts/bookings/(\d+)/cancel/$")
CONFIRMED_MARK = "booking-panel__state--confirmed"
WAITING_MARK = "booking-panel__state--waiting"
KEPT_FAILURES = 20  # examples of failures to print; all are counted


class Forms(HTMLParser):
    """The forms of a page: action and the values of their inputs (enough for hidden fields)."""

    def __init__(self, html):
        super().__init__()
        self.forms = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "fields": {}})
        elif tag in ("input", "button") and self.forms and attributes.get("name"):
            self.forms[-1]["fields"][attributes["name"]] = attributes.get("value") or ""

    def find(self, pattern):
        for form in self.forms:
            if re.search(pattern, form["action"]):
                return form
        return None


class Tally:
    """What every client saw, shared between threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = Counter()
        self.statuses = Counter()
        self.latencies = defaultdict(list)
        self.failures = Counter()
        self.failure_examples = []
        self.booked = {}  # (email, event id) -> "confirmed" or "waiting", while active
        self.bookings_made = 0
        self.cancellations = 0
        self.visits = 0

    def response(self, role, status, seconds):
        with self.lock:
            self.requests[role] += 1
            self.statuses[f"{status // 100}xx"] += 1
            self.latencies[role].append(seconds)

    def failure(self, kind, detail):
        with self.lock:
            self.failures[kind] += 1
            if len(self.failure_examples) < KEPT_FAILURES:
                self.failure_examples.append(f"{kind}: {detail}")

    def summary(self):
        return {
            "requests": dict(self.requests),
            "statuses": dict(self.statuses),
            "latency_ms": {role: percentiles(values) for role, values in self.latencies.items()},
            "failures": dict(self.failures),
            "failure_examples": self.failure_examples,
            "member_visits": self.visits,
            "bookings_made": self.bookings_made,
            "cancellations": self.cancellations,
            "active_bookings": sorted([email, event] for email, event in self.booked),
        }


def percentiles(values):
    if len(values) < 2:
        return {}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {
        "p50": round(cuts[49] * 1000, 1),
        "p95": round(cuts[94] * 1000, 1),
        "p99": round(cuts[98] * 1000, 1),
        "max": round(max(values) * 1000, 1),
    }


class FlowError(Exception):
    """A step did not go as a visitor would expect; the visit stops there."""


class Visitor:
    """One browser: its own cookies and (as the proxy reports it) its own address."""

    def __init__(self, base_url, address, role, tally):
        self.base_url = base_url
        self.role = role
        self.tally = tally
        self.session = requests.Session()
        self.session.headers.update({**PROXY_HEADERS, **BROWSER_HEADERS, "X-Real-IP": address})
        # What a browser sends with a form, as the CSRF check reads it over https.
        self.origin = "https://" + base_url.split("://", 1)[1]

    def request(self, method, path, expect, data=None):
        headers = {}
        if method == "POST":
            headers = {"Origin": self.origin, "Referer": self.origin + self.last_path}
        started = time.perf_counter()
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                data=data,
                headers=headers,
                allow_redirects=False,
                timeout=REQUEST_TIMEOUT,
            )
        except requests.RequestException as error:
            self.tally.failure("connection error", f"{method} {path}: {error!r}")
            raise FlowError from error
        self.tally.response(self.role, response.status_code, time.perf_counter() - started)
        self.keep_cookies_for_plain_http()
        if response.status_code >= 500:
            self.tally.failure("server error (5xx)", f"{method} {path}: {response.status_code}")
            raise FlowError
        if response.status_code != expect:
            self.tally.failure(
                "unexpected response", f"{method} {path}: {response.status_code}, not {expect}"
            )
            raise FlowError
        if method == "GET":
            self.last_path = path
        return response

    last_path = "/"

    def keep_cookies_for_plain_http(self):
        """Send the site's Secure cookies back over plain http.

        The site believes it is served over https (the proxy's X-Forwarded-Proto header says
        so) and marks its session and CSRF cookies Secure; a browser sends them to nginx over
        https. Here the client talks plain http to gunicorn on loopback, standing in for that.
        """
        for cookie in self.session.cookies:
            cookie.secure = False

    def get(self, path, expect=200):
        return self.request("GET", path, expect)

    def post(self, path, data, expect=302):
        return self.request("POST", path, expect, data=data)


def booking_state(html):
    if CONFIRMED_MARK in html:
        return "confirmed"
    if WAITING_MARK in html:
        return "waiting"
    return None


class Member:
    """Signs in with a fresh account, books each event, sometimes cancels."""

    def __init__(self, options, tally, accounts, rng):
        self.options = options
        self.tally = tally
        self.accounts = accounts
        self.rng = rng

    def visit(self, number):
        email = MEMBER_EMAIL.format(number=number)
        address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        visitor = Visitor(self.options.base_url, address, "members", self.tally)
        login = Forms(visitor.get("/accounts/login/").text).find(r"/accounts/login/")
        if login is None:
            raise FlowError
        fields = {**login["fields"], "login": email, "password": MEMBER_PASSWORD}
        visitor.post("/accounts/login/", fields)
        events = list(self.options.events)
        self.rng.shuffle(events)
        for event_path in events:
            self.book(visitor, email, event_path)

    def book(self, visitor, email, event_path):
        form = Forms(visitor.get(event_path).text).find(BOOK_ACTION.pattern)
        if form is None:
            self.tally.failure("no booking form", f"{email} on {event_path}")
            raise FlowError
        event_id = int(BOOK_ACTION.search(form["action"]).group(1))
        visitor.post(form["action"], form["fields"])
        # The site says what happened on the page it sends the member back to.
        page = visitor.get(event_path).text
        state = booking_state(page)
        if state is None:
            self.tally.failure("booking not shown", f"{email} on {event_path}")
            raise FlowError
        with self.tally.lock:
            self.tally.booked[(email, event_id)] = state
            self.tally.bookings_made += 1
        if self.rng.random() < self.options.cancel_share:
            self.cancel(visitor, email, event_path, event_id, page)

    def cancel(self, visitor, email, event_path, event_id, page):
        button = Forms(page).find(CANCEL_ACTION.pattern)
        if button is None:
            self.tally.failure("no cancel button", f"{email} on {event_path}")
            raise FlowError
        question = visitor.post(button["action"], button["fields"], expect=200)
        confirm = Forms(question.text).find(CANCEL_ACTION.pattern)
        if confirm is None or confirm["fields"].get("confirm") != "yes":
            self.tally.failure("no confirm form", f"{email} on {event_path}")
            raise FlowError
        visitor.post(confirm["action"], confirm["fields"])
        if booking_state(visitor.get(event_path).text) is not None:
            self.tally.failure("cancellation not shown", f"{email} on {event_path}")
            raise FlowError
        with self.tally.lock:
            del self.tally.booked[(email, event_id)]
            self.tally.cancellations += 1

    def run(self, deadline):
        while time.monotonic() < deadline:
            number = next(self.accounts, None)
            if number is None:
                self.tally.failure("ran out of accounts", "give --accounts a larger number")
                return
            with self.tally.lock:
                self.tally.visits += 1
            try:
                self.visit(number)
            except FlowError:
                continue  # counted; the next member carries on


class Searcher:
    """Searches the site, or the library with a filter, one query after another."""

    def __init__(self, options, tally, number, rng):
        self.rng = rng
        self.visitor = Visitor(options.base_url, f"192.0.2.{number % 250 + 1}", "searchers", tally)

    def run(self, deadline):
        while time.monotonic() < deadline:
            term = self.rng.choice(SEARCH_TERMS)
            if self.rng.random() < 0.5:
                path = "/search/?" + urlencode({"q": term})
            else:
                name, value = self.rng.choice(LIBRARY_FACETS)
                path = "/resources/?" + urlencode({"q": term, name: value})
            try:
                self.visitor.get(path)
            except FlowError:
                continue


class SharedCounter:
    """Account numbers 1..last, each handed out once across threads."""

    def __init__(self, last):
        self.numbers = iter(range(1, last + 1))
        self.lock = threading.Lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self.lock:
            return next(self.numbers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--searchers", type=int, default=2)
    parser.add_argument("--members", type=int, default=2)
    parser.add_argument("--accounts", type=int, required=True, help="Accounts 1..N to use.")
    parser.add_argument("--event", dest="events", action="append", required=True)
    parser.add_argument("--cancel-share", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=2017)
    options = parser.parse_args()

    tally = Tally()
    accounts = SharedCounter(options.accounts)
    deadline = time.monotonic() + options.seconds
    clients = [
        Member(options, tally, accounts, random.Random(f"{options.seed}-member-{n}"))  # noqa: S311
        for n in range(options.members)
    ] + [
        Searcher(options, tally, n, random.Random(f"{options.seed}-search-{n}"))  # noqa: S311
        for n in range(options.searchers)
    ]
    threads = [threading.Thread(target=client.run, args=(deadline,)) for client in clients]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = tally.summary()
    result["seconds"] = round(time.monotonic() - started, 1)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
