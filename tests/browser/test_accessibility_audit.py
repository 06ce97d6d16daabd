"""Every public page type of the demo site, checked in Chromium the way readers meet it: on a
desktop and on a 320px-wide screen, in the light and the dark colour scheme.

Each page must pass axe (WCAG 2.2 AA, including contrast in both schemes), reflow without
horizontal scrolling (WCAG 1.4.10) and name its links and buttons so they make sense out of
context. A run collects what is wrong on every page, then fails once naming each address, so
one bad page does not hide the others.
"""

import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.models import Locale

from communities.models import MeetingNotesPage
from elearning.models import ELearningIndexPage, ELearningModulePage
from events.models import BookingMethod, EventIndexPage, EventPage
from get_involved.models import GetInvolvedFormPage
from home.models import StandardPage
from library.models import (
    EvaluationIndexPage,
    EvaluationReportPage,
    ResourceIndexPage,
    ResourcePage,
)
from members.restrictions import members_only_page_ids
from tests.browser.accessibility import assert_no_axe_violations, unclear_link_names
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage

DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
SERVER_ERROR_PATH = "/audit/server-error/"
MEMBER = "member@example.org"

# What makes the page wider than the screen: the elements sticking out, or whose content does.
REFLOW = """() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    const name = (element) => [element.localName, ...element.classList].join(".");
    const culprits = [...document.body.querySelectorAll("*")].filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        const spills = !style.display.startsWith("inline") && style.overflowX === "visible"
            && element.scrollWidth > element.clientWidth + 1;
        return box.right > width + 1 || box.left < -1 || spills;
    });
    return {scrollWidth, width, culprits: culprits.slice(-5).map(name)};
}"""


# Elements (and their ::before and ::after) that move: a transition or animation longer than a
# millisecond, or smooth scrolling. The probe is an element with the longest motion any
# stylesheet could give it, added after the site's own styles, to show the guard wins.
MOVING_PARTS = """(probe) => {
    if (probe) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`
            @keyframes motion-probe { to { opacity: 0.5; } }
            .motion-probe { transition: opacity 2s; animation: motion-probe 2s infinite; }
            html { scroll-behavior: smooth; }
        `);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        const element = document.createElement("p");
        element.className = "motion-probe";
        document.body.append(element);
    }
    const seconds = (durations) => Math.max(...durations.split(",").map(
        (duration) => parseFloat(duration) / (duration.trim().endsWith("ms") ? 1000 : 1)
    ));
    const moving = [];
    for (const element of document.querySelectorAll("*")) {
        for (const pseudo of [null, "::before", "::after"]) {
            const style = getComputedStyle(element, pseudo);
            const longest = Math.max(
                seconds(style.transitionDuration), seconds(style.animationDuration)
            );
            if (longest > 0.001 || style.scrollBehavior !== "auto") {
                moving.push(`${element.localName}.${element.className}${pseudo || ""}`);
            }
        }
    }
    return moving;
}"""
STYLESHEETS = """() => [...document.styleSheets].filter((sheet) => sheet.href)
    .map((sheet) => new URL(sheet.href).pathname.split("/").pop())"""
CSS = Path(__file__).resolve().parents[2] / "static" / "css"


class Audit:
    """Visits pages in one browser tab and keeps what is wrong with each, by address."""

    def __init__(self, page):
        self.page = page
        self.problems = {}

    def visit(self, what, path, status=200):
        response = self.page.goto(path)
        wrong_page = response.status != status
        self.check(what, [f"answered with status {response.status}"] if wrong_page else [])

    def submit(self, what, button_name):
        with self.page.expect_navigation():
            self.page.locator("main").get_by_role("button", name=button_name).click()
        self.check(what)

    def check(self, what, problems=()):
        problems = list(problems)
        try:
            assert_no_axe_violations(self.page)
        except AssertionError as violations:
            problems.append(str(violations))
        problems += unclear_link_names(self.page)
        overflow = self.page.evaluate(REFLOW)
        if overflow:
            problems.append(
                f"scrolls sideways: {overflow['scrollWidth']}px wide on a {overflow['width']}px "
                f"screen, because of {', '.join(overflow['culprits'])}"
            )
        if problems:
            self.problems[f"{what} ({self.page.url})"] = problems

    def report(self):
        return "\n\n".join(
            f"{where}:\n" + "\n".join(f"  - {problem}" for problem in problems)
            for where, problems in self.problems.items()
        )


def has_dark_background(page):
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    return max(int(channel) for channel in re.findall(r"\d+", background)[:3]) < 64


def moving_parts(page, probe=False):
    return page.evaluate(MOVING_PARTS, probe)


def english(model):
    return model.objects.live().filter(locale=Locale.get_default()).first()


def members_only_resource_and_an_open_one():
    resources = ResourcePage.objects.live().filter(locale=Locale.get_default())
    members_only = members_only_page_ids(resources)
    return (
        resources.filter(pk__in=members_only).first(),
        resources.exclude(pk__in=members_only).first(),
    )


def events_booked_here():
    """An event the demo member could book, and the one they have booked."""
    events = EventPage.objects.live().filter(
        locale=Locale.get_default(), booking_method=BookingMethod.HERE
    )
    booked = events.filter(bookings__user__email=MEMBER)
    return events.exclude(pk__in=booked).first(), booked.get()


def server_error_page():
    """The site's 500 page as Django renders it when the site fails."""
    return server_error(RequestFactory().get("/")).content.decode()


def visit_content_pages(audit, event):
    audit.visit("home page", "/")
    audit.visit("workstreams", english(WorkstreamIndexPage).url)
    audit.visit("a workstream", english(WorkstreamPage).url)
    audit.visit("a Community of Practice", english(CommunityOfPracticePage).url)
    audit.visit("meeting notes, signed out", english(MeetingNotesPage).url)
    events = english(EventIndexPage).url
    audit.visit("What's on", events)
    audit.visit("What's on, filtered", f"{events}?type=webinar&format=online")
    audit.visit("an event with booking open", event.url)
    library = english(ResourceIndexPage).url
    audit.visit("the library", library)
    filtered = f"{library}?q=trauma&topic=trauma-informed-care"
    audit.visit("the library, searched and filtered", filtered)
    members_only, open_resource = members_only_resource_and_an_open_one()
    audit.visit("a resource", open_resource.url)
    audit.visit("a members-only resource, signed out", members_only.url)
    audit.visit("evaluation", english(EvaluationIndexPage).url)
    audit.visit("an evaluation report", english(EvaluationReportPage).url)
    audit.visit("e-learning", english(ELearningIndexPage).url)
    audit.visit("an e-learning module, signed out", english(ELearningModulePage).url)
    standard_pages = StandardPage.objects.live().filter(locale=Locale.get_default())
    audit.visit("About", standard_pages.get(slug="about").url)
    audit.visit("Accessibility statement", standard_pages.get(slug="accessibility").url)
    polish_event = EventPage.objects.live().filter(locale__language_code="pl").first()
    audit.visit("an event page in Polish", polish_event.url)
    audit.visit("the home page in Urdu", "/ur/")
    audit.visit("What's on in Urdu", "/ur/events/")


def visit_get_involved_form(audit):
    audit.visit("a Get involved form", english(GetInvolvedFormPage).url)
    audit.submit("a Get involved form sent empty", "Send")
    audit.page.get_by_label("Topic").fill("Hoarding")
    audit.page.get_by_label("Why it matters").fill("Tenants at risk of eviction.")
    audit.submit("a Get involved form's thank-you page", "Send")


def visit_search_and_errors(audit):
    audit.visit("search", "/search/")
    audit.visit("search with results", "/search/?q=trauma")
    audit.visit("search with no results", "/search/?q=zzyzxqv")
    audit.visit("page not found", "/no-such-page/", status=404)
    html = server_error_page()
    audit.page.route(
        f"**{SERVER_ERROR_PATH}",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
    )
    audit.visit("server error", SERVER_ERROR_PATH, status=500)


def visit_account_pages(audit):
    audit.visit("sign up", "/accounts/signup/")
    audit.submit("sign up with errors", "Join")
    audit.visit("password reset", "/accounts/password/reset/")
    audit.visit("sign in", "/accounts/login/")
    audit.page.fill("input[name=login]", MEMBER)
    audit.page.fill("input[name=password]", "not-the-password")
    audit.submit("sign in with a wrong password", "Sign in")
    audit.page.fill("input[name=password]", "member-demo-password")
    with audit.page.expect_navigation():
        audit.page.locator("main").get_by_role("button", name="Sign in").click()
    assert audit.page.get_by_role("link", name="Sign in").count() == 0, "still signed out"


def visit_as_member(audit, open_event, booked_event):
    audit.visit("the member's hub", "/accounts/hub/")
    audit.visit("an event's booking panel, signed in", open_event.url)
    assert audit.page.get_by_role("button", name=re.compile("^Book a place")).is_visible()
    audit.visit("an event's booking panel with the member's booking", booked_event.url)
    assert audit.page.get_by_role("button", name="Cancel your booking").is_visible()
    audit.visit("meeting notes, signed in", english(MeetingNotesPage).url)
    audit.visit("an e-learning module, signed in", english(ELearningModulePage).url)


RUNS = {
    "desktop-light": (DESKTOP, "light"),
    "narrow-light": (NARROW, "light"),
    "desktop-dark": (DESKTOP, "dark"),
}


@contextmanager
def new_tab(browser, live_server):
    """A tab in a browser context of its own: nothing from an earlier run, such as signing in."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    try:
        yield context.new_page()
    finally:
        context.close()


def audit_every_page_type(page, viewport, colour_scheme, open_event, booked_event):
    cache.clear()  # rate limits on forms and sign-in count across runs
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=colour_scheme)
    audit = Audit(page)

    visit_content_pages(audit, open_event)
    # The dark run checks the dark palette's contrast, not the light one's.
    assert has_dark_background(page) == (colour_scheme == "dark")
    visit_get_involved_form(audit)
    visit_search_and_errors(audit)
    visit_account_pages(audit)
    visit_as_member(audit, open_event, booked_event)

    if audit.problems:
        pytest.fail(audit.report(), pytrace=False)


def test_every_public_page_type_is_accessible(browser, live_server, demo_content, subtests):
    # One demo site for the three runs (loading it is the slow part); each run is a subtest,
    # so a failure names its run and the other runs still go ahead.
    open_event, booked_event = events_booked_here()
    for name, (viewport, colour_scheme) in RUNS.items():
        with subtests.test(msg=name), new_tab(browser, live_server) as page:
            audit_every_page_type(page, viewport, colour_scheme, open_event, booked_event)


def test_nothing_moves_for_a_reader_who_asks_for_reduced_motion(page, demo_content):
    page.emulate_media(reduced_motion="no-preference")
    page.goto("/")
    assert moving_parts(page, probe=True) != [], "the probe should move without the preference"

    page.emulate_media(reduced_motion="reduce")
    stylesheets = set()
    for model in [EventIndexPage, ResourceIndexPage, ELearningIndexPage, GetInvolvedFormPage]:
        page.goto(english(model).url)
        assert moving_parts(page) == [], page.url
        stylesheets |= set(page.evaluate(STYLESHEETS))
    assert moving_parts(page, probe=True) == []
    assert stylesheets >= {path.name for path in CSS.glob("*.css")}
