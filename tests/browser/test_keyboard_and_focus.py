"""Keyboard use of the public pages, in Chromium (WCAG 2.1.1, 2.1.2, 2.4.3, 2.4.7, 2.4.11).

Each page is walked with Tab and then Shift+Tab, as a keyboard user would: every control is reached
once, in the order of the page, focus is always visible and never hidden behind something else, and
Tab past the last control leaves the page. The widgets (search suggestions, language switcher, main
navigation, details) are then driven with the keys their WAI-ARIA Authoring Practices pattern names.
"""

import itertools
import re

from allauth.account.models import EmailAddress
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.models import NavigationMenu, StandardPage
from tests.events.booking_helpers import make_bookable_event
from tests.events.factories import make_person, make_venue
from tests.roles import PASSWORD, make_user
from tests.site_tree import english_home

# The controls a keyboard user can reach, as listed by the page itself, in document order.
# Radios count once per group: Tab stops on the checked one (or the first), arrows do the rest.
TAB_STOPS_JS = """
() => {
    const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, '
        + '[tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
    const seenRadioGroups = new Set();
    const stops = Array.from(document.querySelectorAll(selector)).filter((el) => {
        if (el.disabled || el.type === "hidden" || el.closest("[inert]")) return false;
        if (el.getAttribute("tabindex") === "-1") return false;
        if (!el.checkVisibility({ visibilityProperty: true })) return false;
        if (el.type === "radio" && el.name) {
            if (seenRadioGroups.has(el.name)) return false;
            seenRadioGroups.add(el.name);
        }
        return true;
    });
    window.tabStopsForTest = stops;
    return stops.map((el) => window.describeForTest(el));
}
"""

DESCRIBE_JS = """
() => {
    window.describeForTest = (el) => {
        if (!el || el === document.body) return "body";
        const name = (el.getAttribute("aria-label") || el.innerText || el.value || "").trim();
        const target = el.getAttribute("href") || el.getAttribute("name") || el.id || "";
        return `${el.tagName.toLowerCase()} ${target} “${name.slice(0, 40)}”`;
    };
    window.focusStyleForTest = (el) => {
        const style = getComputedStyle(el);
        return {
            outlineStyle: style.outlineStyle,
            outlineWidth: style.outlineWidth,
            outlineColor: style.outlineColor,
            boxShadow: style.boxShadow,
            backgroundColor: style.backgroundColor,
        };
    };
}
"""

# Where focus is now: which listed control, how it looks, and whether it can be seen.
FOCUS_NOW_JS = """
() => {
    const el = document.activeElement;
    if (!document.hasFocus() || !el || el === document.body) {
        return { left: true };
    }
    // The first line box: a link that wraps has a gap in the middle of its bounding box.
    const box = el.getClientRects()[0] || el.getBoundingClientRect();
    const inViewport = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
        && box.top < window.innerHeight && box.left < window.innerWidth;
    const x = (Math.max(box.left, 0) + Math.min(box.right, window.innerWidth)) / 2;
    const y = (Math.max(box.top, 0) + Math.min(box.bottom, window.innerHeight)) / 2;
    const hit = inViewport ? document.elementFromPoint(x, y) : null;
    return {
        left: false,
        index: window.tabStopsForTest.indexOf(el),
        description: window.describeForTest(el),
        style: window.focusStyleForTest(el),
        inViewport: inViewport,
        uncovered: hit !== null && (hit === el || el.contains(hit)),
        coveredBy: hit && hit !== el && !el.contains(hit) ? window.describeForTest(hit) : "",
        top: box.top + window.scrollY,
        bottom: box.bottom + window.scrollY,
        // Distance from where lines begin: the left edge, or the right one in Urdu and Arabic.
        start: document.dir === "rtl" ? window.innerWidth - box.right : box.left,
    };
}
"""

UNFOCUSED_STYLES_JS = """
() => {
    document.activeElement.blur();
    return window.tabStopsForTest.map((el) => window.focusStyleForTest(el));
}
"""

SAFETY_MARGIN = 20  # extra key presses before a walk is called a trap


def list_tab_stops(page):
    page.evaluate(DESCRIBE_JS)
    return page.evaluate(TAB_STOPS_JS)


def walk(page, key, limit):
    """Press key until focus leaves the page or comes round to a control already passed.

    Returns the stops on the way and how the walk ended: "left", "came round" or "stuck".
    Headless Chromium has no toolbar to take focus before the page, so Shift+Tab from the first
    control wraps straight to the last: that is the browser, not a trap in the page.
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        now = page.evaluate(FOCUS_NOW_JS)
        if now["left"]:
            return stops, "left"
        if now["index"] >= 0 and now["index"] in {stop["index"] for stop in stops}:
            return stops, "came round"
        stops.append(now)
    return stops, "stuck"


def is_visible_colour(colour):
    return colour != "transparent" and not re.search(r",\s*0\)$", colour)


def focus_indicator(focused, unfocused):
    """What makes focus visible: the properties that change, in a colour that can be seen."""
    changes = []
    if focused["backgroundColor"] != unfocused["backgroundColor"]:
        changes.append("background")
    if focused["boxShadow"] != unfocused["boxShadow"] and focused["boxShadow"] != "none":
        changes.append("box-shadow")
    outline = ("outlineStyle", "outlineWidth", "outlineColor")
    if (
        any(focused[name] != unfocused[name] for name in outline)
        and focused["outlineStyle"] != "none"
        and focused["outlineWidth"] != "0px"
        and is_visible_colour(focused["outlineColor"])
    ):
        changes.append("outline")
    return changes


def out_of_reading_order(stops):
    """Pairs of stops where the next one sits above, or on the same line but behind, the last."""
    problems = []
    for before, after in itertools.pairwise(stops):
        same_line = after["top"] < before["bottom"] and before["top"] < after["bottom"]
        if same_line:
            if after["start"] < before["start"]:
                problems.append(f"{after['description']} sits before {before['description']}")
        elif after["top"] < before["top"]:
            problems.append(f"{after['description']} sits above {before['description']}")
    return problems


def assert_keyboard_walk(page, check_reading_order=False):
    """Tab through the whole page and back again, checking order, traps and visible focus.

    The page must be freshly loaded: the walk starts where a visitor starts, at the top."""
    expected = list_tab_stops(page)
    assert expected, "nothing on the page can take focus"
    assert (
        page.locator("[tabindex]").evaluate_all(
            "els => els.filter(el => el.tabIndex > 0).map(el => el.outerHTML.slice(0, 80))"
        )
        == []
    ), "a positive tabindex takes a control out of the page's order"
    limit = len(expected) + SAFETY_MARGIN

    forward, ended = walk(page, "Tab", limit)
    assert ended == "left", f"Tab does not leave the page after {forward[-1]['description']}"
    assert [stop["description"] for stop in forward] == expected
    assert [stop["index"] for stop in forward] == list(range(len(expected)))

    unfocused = page.evaluate(UNFOCUSED_STYLES_JS)
    unseen = [
        stop["description"]
        for stop in forward
        if not focus_indicator(stop["style"], unfocused[stop["index"]])
    ]
    assert unseen == [], f"no visible change when these take focus: {unseen}"
    offscreen = [stop["description"] for stop in forward if not stop["inViewport"]]
    assert offscreen == [], f"focused outside the viewport: {offscreen}"
    covered = [
        f"{stop['description']} under {stop['coveredBy']}"
        for stop in forward
        if not stop["uncovered"]
    ]
    assert covered == [], f"focus obscured: {covered}"
    if check_reading_order:
        # The skip link floats over the header while it has focus, so the check starts after it.
        disordered = out_of_reading_order(forward[1:])
        assert disordered == [], f"Tab order and the order on screen differ: {disordered}"

    # Focus is in the browser's own controls now; Shift+Tab comes back in at the end.
    backward, ended = walk(page, "Shift+Tab", limit)
    assert ended != "stuck", "Shift+Tab never gets back to where it started"
    assert [stop["description"] for stop in backward] == expected[::-1]
    return expected


def tab_to(page, control, limit=200):
    """Press Tab until the control has focus: it is reached the way a keyboard user reaches it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if control.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reaches {control}")


def painted(locator):
    return locator.evaluate(
        "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).boxShadow,"
        " getComputedStyle(el).outlineStyle]"
    )


def assert_skip_link_leads_into_main(page):
    """On a freshly loaded page: the skip link comes first, shows, and Enter moves focus to <main>;
    the next Tab reaches the first control inside it."""
    list_tab_stops(page)
    main = page.locator("main")
    unfocused_main = painted(main)
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["height"] >= 24 and box["width"] >= 24
    page.keyboard.press("Enter")
    expect(main).to_be_focused()
    # <main> takes focus only to move the reading position: it is not painted like a control.
    assert painted(main) == unfocused_main
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.activeElement === window.tabStopsForTest.find("
        "el => document.querySelector('main').contains(el))"
    ), "Tab after the skip link does not go to the first control in the main content"


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}


def test_home_page_by_keyboard_at_desktop_and_phone_widths(page, demo_content):
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto("/")
        stops = assert_keyboard_walk(page, check_reading_order=True)
        assert stops[0].startswith("a #main-content")
        assert any("“See all events”" in stop for stop in stops)


def test_an_event_is_booked_with_the_keyboard_alone(page):
    event = make_bookable_event(
        capacity=3,
        title="Trauma-informed care: an introduction",
        venue=make_venue(),
        speakers=[(make_person("Amira Hussain"), "Small changes that make services safer")],
    )
    member = make_user("mo@example.org", "Members", first_name="Mo")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(event.url)
        stops = assert_keyboard_walk(page, check_reading_order=True)
        assert any("“Sign in to book”" in stop for stop in stops)
    page.set_viewport_size(DESKTOP)
    page.goto(event.url)
    assert_skip_link_leads_into_main(page)

    tab_to(page, page.get_by_role("link", name="Sign in to book"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, page.locator("input[name=login]"))
    page.keyboard.type(member.email)
    tab_to(page, page.locator("input[name=password]"))
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(event.url)

    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(event.url)
        stops = assert_keyboard_walk(page, check_reading_order=True)
        assert any("“Book a place" in stop for stop in stops)
    page.set_viewport_size(DESKTOP)
    page.goto(event.url)
    tab_to(page, page.get_by_role("button", name=re.compile("^Book a place")))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#booking")).to_contain_text("You have a place.")
    stops = assert_keyboard_walk(page, check_reading_order=True)
    assert any("“Cancel your booking" in stop for stop in stops)


def test_library_search_and_filters_by_keyboard(page, demo_content):
    page.set_viewport_size(PHONE)
    page.goto("/resources/")
    assert_keyboard_walk(page, check_reading_order=True)
    # Side by side at desktop width: filters first, then results, in the order they are read.
    page.set_viewport_size(DESKTOP)
    page.goto("/resources/")
    stops = assert_keyboard_walk(page)
    assert stops.index("a #results “Skip to results”") < stops.index("button  “Apply filters”")
    page.goto("/resources/")
    assert_skip_link_leads_into_main(page)

    page.goto("/resources/")
    podcasts = page.get_by_role("checkbox", name=re.compile(r"^Podcast \("))
    tab_to(page, podcasts)
    page.keyboard.press("Space")
    expect(podcasts).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Apply filters"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "type=podcast" in page.url
    expect(page.get_by_role("checkbox", name=re.compile(r"^Podcast \("))).to_be_checked()
    stops = assert_keyboard_walk(page)
    assert any("“Remove filter: Podcast”" in stop for stop in stops)

    # "Skip to results" shows when it has focus and takes the reader past the filters.
    page.reload()
    skip_to_results = page.get_by_role("link", name="Skip to results")
    tab_to(page, skip_to_results)
    expect(skip_to_results).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Remove filter: Podcast")).to_be_focused()


def make_pages_with_a_main_menu():
    """Two pages in the main menu; the first also in Polish and in Urdu."""
    home = english_home()
    about = home.add_child(instance=StandardPage(title="About the PDU", slug="about"))
    events = home.add_child(instance=StandardPage(title="Events", slug="events"))
    menu = NavigationMenu(name="Main menu", locale=Locale.get_default())
    menu.items = [
        menu.items.model(page=about, sort_order=0),
        menu.items.model(page=events, label="What's on", sort_order=1),
    ]
    menu.save()
    for code, title in [("pl", "O programie PDU"), ("ur", "پی ڈی یو کے بارے میں")]:
        translation = about.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        )
        translation.title = title
        translation.save_revision().publish()
    return about, events


def test_the_language_switcher_is_reached_and_used_with_the_keyboard(page):
    about, _events = make_pages_with_a_main_menu()
    page.goto(about.url)
    expect(page.get_by_role("navigation", name="Languages")).to_have_count(1)
    languages = page.locator(".language-switcher")  # its name is in the language being read
    links = languages.get_by_role("link")
    expect(links).to_have_text(["English", "Polski", "اردو"])
    for link, tag in zip(links.all(), ["en-GB", "pl", "ur"], strict=True):
        assert link.get_attribute("lang") == tag
        assert link.get_attribute("hreflang") == tag
    assert [link.get_attribute("aria-current") for link in links.all()] == ["true", None, None]

    # Straight after the skip link: a reader who does not read English finds it first.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    tab_to(page, languages.get_by_role("link", name="Polski"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/pl/about/")
    assert page.locator("html").get_attribute("lang") == "pl"
    expect(page.locator("h1")).to_have_text("O programie PDU")
    expect(languages.get_by_role("link", name="Polski")).to_have_attribute("aria-current", "true")

    tab_to(page, languages.get_by_role("link", name="اردو"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/ur/about/")
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(languages.get_by_role("link", name="اردو")).to_have_attribute("aria-current", "true")
    assert_keyboard_walk(page, check_reading_order=True)  # mirrored, and still in order

    tab_to(page, languages.get_by_role("link", name="English"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(about.url)
    assert page.locator("html").get_attribute("dir") == "ltr"


def test_the_main_navigation_marks_the_page_being_read(page):
    _about, events = make_pages_with_a_main_menu()
    page.goto("/")
    menu = page.get_by_role("navigation", name="Main")
    expect(menu).to_have_count(1)
    links = menu.get_by_role("link")
    expect(links).to_have_text(["About the PDU", "What's on"])
    assert menu.locator("[aria-current]").count() == 0  # the home page is not in the menu

    tab_to(page, menu.get_by_role("link", name="What's on"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(events.url)
    current = menu.get_by_role("link", name="What's on")
    expect(current).to_have_attribute("aria-current", "page")
    assert menu.locator("[aria-current]").count() == 1
    # Marked by more than colour (WCAG 1.4.1): the current page is underlined, the others not.
    underline = "el => getComputedStyle(el).textDecorationLine"
    assert current.evaluate(underline) == "underline"
    assert menu.get_by_role("link", name="About the PDU").evaluate(underline) == "none"


def make_hoarding_pages():
    home = english_home()
    titles = [
        "Hoarding awareness",
        "Hoarding: a guide for frontline workers",
        "Hoarding and self-neglect",
    ]
    for title in titles:
        home.add_child(instance=StandardPage(title=title))
    return titles


def chosen_options(listbox):
    return listbox.get_by_role("option").evaluate_all(
        "options => options.filter(o => o.getAttribute('aria-selected') === 'true').map(o => o.id)"
    )


def test_search_suggestions_follow_the_list_autocomplete_pattern(page):
    make_hoarding_pages()
    page.goto("/")
    box = page.get_by_role("combobox", name="Search this site")
    listbox = page.get_by_role("listbox", name="Suggested pages")
    tab_to(page, box)
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-autocomplete", "list")

    page.keyboard.type("hoard", delay=30)
    expect(listbox).to_be_visible()
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options).to_have_count(3)
    assert box.get_attribute("aria-activedescendant") is None  # nothing chosen by typing
    assert listbox.locator("a, button, [tabindex]").count() == 0  # the options are not Tab stops
    ids = [option.get_attribute("id") for option in options.all()]

    # Up from the box goes to the last suggestion, Down from the last wraps to the first.
    page.keyboard.press("ArrowUp")
    assert chosen_options(listbox) == [ids[2]]
    expect(box).to_have_attribute("aria-activedescendant", ids[2])
    page.keyboard.press("ArrowDown")
    assert chosen_options(listbox) == [ids[0]]
    expect(box).to_have_attribute("aria-activedescendant", ids[0])
    expect(box).to_be_focused()
    assert painted(options.nth(0)) != painted(options.nth(1)), "the choice does not show"

    # Left and Right move the cursor in the text again: no suggestion chosen, the list stays.
    page.keyboard.press("ArrowLeft")
    assert chosen_options(listbox) == []
    assert box.get_attribute("aria-activedescendant") is None
    expect(listbox).to_be_visible()

    # Escape closes the list and keeps the text; Alt+Down opens it without choosing.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.get_attribute("aria-activedescendant") is None
    expect(box).to_have_value("hoard")
    page.keyboard.press("Alt+ArrowDown")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    assert chosen_options(listbox) == []
    page.keyboard.press("Alt+ArrowUp")
    expect(listbox).to_be_hidden()

    # A second Escape, with the list closed, clears the box.
    page.keyboard.press("Escape")
    expect(box).to_have_value("")
    expect(box).to_be_focused()

    # Tab closes the list and goes on to the Search button: no trap in the box.
    page.keyboard.type("hoard", delay=30)
    expect(listbox).to_be_visible()
    page.keyboard.press("Tab")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("button", name="Search", exact=True)).to_be_focused()

    # Typing after choosing goes back to the text; Enter on a suggestion opens its page.
    page.keyboard.press("Shift+Tab")
    expect(box).to_be_focused()
    page.keyboard.press("ArrowDown")
    assert chosen_options(listbox) == [ids[0]]
    options.evaluate_all("all => all.forEach((o) => { o.dataset.before = 'typing'; })")
    page.keyboard.type("ing")
    assert box.get_attribute("aria-activedescendant") is None
    assert chosen_options(listbox) == []
    # The suggestions for "hoarding" replace the old ones: wait for them before choosing.
    expect(listbox.locator("[data-before]")).to_have_count(0)
    expect(options).to_have_count(3)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen_title = options.nth(1).locator(".search-suggest__title").inner_text()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(chosen_title)


ARCHIVE_NOTE = '<p>Ask us for <a href="https://example.org/archive">the archive</a>.</p>'


def test_details_open_and_close_from_the_keyboard(page):
    older = english_home().add_child(
        instance=StandardPage(
            title="Older documents",
            body=[
                (
                    "details",
                    {"summary": "Documents from before 2020", "content": RichText(ARCHIVE_NOTE)},
                )
            ],
        )
    )
    page.goto(older.url)
    summary = page.locator("summary", has_text="Documents from before 2020")
    archive = page.get_by_role("link", name="the archive")
    expect(archive).to_be_hidden()
    closed = assert_keyboard_walk(page)
    assert not any("“the archive”" in stop for stop in closed)

    # The WAI-ARIA disclosure pattern: Enter and Space toggle, focus stays on the summary.
    # (It gives Escape no part, and neither does the browser's own <details>.)
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(archive).to_be_visible()
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    expect(archive).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    expect(archive).to_be_hidden()
    expect(summary).to_be_focused()
    page.keyboard.press("Space")
    expect(archive).to_be_visible()

    # Open, its content takes its place in the order, straight after the summary.
    page.reload()  # focus back at the top of the page, where the walk starts
    summary.evaluate("el => { el.parentElement.open = true; }")
    opened = assert_keyboard_walk(page)
    after_summary = opened[opened.index("summary  “Documents from before 2020”") + 1]
    assert after_summary == "a https://example.org/archive “the archive”"
