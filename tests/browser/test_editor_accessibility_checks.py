"""Editors see the content checks, set to the site's standard, where they write and on the site.

In the page editor, the "Checks" panel shows the readability of the page and the problems the
checker finds in its preview; on the live page, the quick-actions bar runs the same checker under
the strict Content Security Policy. A page with vague link text, a skipped heading level and alt
text that is a file name is reported; a page without them is not.
"""

import io
import json
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from playwright.sync_api import expect
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from editorial.accessibility_checks import CONTENT_RULES, WCAG_22_AA_TAGS
from home.models import StandardPage
from members.demo import create_demo_users
from tests.browser.admin_sign_in import sign_in_to_the_admin
from tests.site_tree import ensure_site_tree

EDITOR = ("editor@example.org", "editor-demo-password")

CLEAR_TEXT = (
    "<p>Our peer mentors meet new members at the hub every Tuesday morning. Everyone is "
    "welcome, and nobody needs to book.</p>"
    "<h2>Booking a place</h2>"
    '<p>You can <a href="https://example.org/booking">book a place on the next session</a>.</p>'
)
# The same page as an editor might first write it: a level 3 heading straight after the
# title, "click here" for a link.
UNCLEAR_TEXT = (
    "<p>Our peer mentors meet new members at the hub every Tuesday morning. Everyone is "
    "welcome, and nobody needs to book.</p>"
    "<h3>Booking a place</h3>"
    '<p>To book a place on the next session, <a href="https://example.org/booking">click '
    "here</a>.</p>"
)
PROBLEMS = [
    "Link text does not say where the link goes",
    "Incorrect heading hierarchy",
    "Image alt text looks like a file name",
]


def make_image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (80, 60), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Outreach", file=ImageFile(buffer, name="outreach.png")
    )


def live_page(title, text, alt_text):
    home = ensure_site_tree()
    image = make_image()
    image.contextual_alt_text, image.decorative = alt_text, False
    page = home.add_child(
        instance=StandardPage(
            title=title,
            introduction="How peer mentors welcome people to the hub.",
            body=[("paragraph", RichText(text)), ("figure", {"image": image, "caption": ""})],
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def pages(page):
    create_demo_users()
    return {
        "clear": live_page(
            "Meeting the peer mentors", CLEAR_TEXT, "Two peer mentors chatting over tea"
        ),
        "unclear": live_page("Meet the mentors", UNCLEAR_TEXT, "mentors_tea.jpg"),
    }


def open_checks_panel(page, edited):
    # The admin reopens the last side panel used; start from none, so the click opens Checks.
    page.evaluate("() => localStorage.removeItem('wagtail:side-panel-open')")
    page.goto(f"/admin/pages/{edited.pk}/edit/")
    page.locator("[data-side-panel-toggle=checks]").click()
    panel = page.locator("[data-side-panel=checks]")
    expect(panel).to_be_visible()
    # The panel fills in once the preview has loaded and the checker has run in it.
    expect(panel.locator("[data-content-readability-score]")).to_have_text(
        re.compile("^(Good|Fair|Complex)$"), timeout=30_000
    )
    return panel


def issue_names(container):
    return container.locator("[data-content-checker-name]").all_inner_texts()


def test_editor_sees_readability_and_problems_in_the_checks_panel(
    page, pages, violations, journey_screenshots
):
    sign_in_to_the_admin(page, *EDITOR)

    # The checker runs WCAG 2.2 AA rules and the content rules.
    page.goto(f"/admin/pages/{pages['unclear'].pk}/edit/")
    configuration = json.loads(page.locator("#checker-axe-configuration").text_content())
    assert configuration["options"]["runOnly"] == WCAG_22_AA_TAGS
    assert configuration["options"]["rules"] == {rule: {"enabled": True} for rule in CONTENT_RULES}

    panel = open_checks_panel(page, pages["unclear"])
    expect(panel.locator("[data-checks-panel] [data-content-checker-name]")).to_have_count(
        len(PROBLEMS), timeout=30_000
    )
    assert sorted(issue_names(panel)) == sorted(PROBLEMS)
    expect(panel.locator("[data-content-checker-count]")).to_have_text(str(len(PROBLEMS)))
    expect(panel.locator("[data-content-word-count]")).not_to_have_text("-")
    journey_screenshots.take(page, "checks panel with problems")

    # The same page written clearly has nothing to report.
    panel = open_checks_panel(page, pages["clear"])
    expect(panel.locator("[data-content-checker-count]")).to_have_text("0")
    assert issue_names(panel.locator("[data-checks-panel]")) == []
    journey_screenshots.take(page, "checks panel clear")
    assert violations == []


def test_the_checker_runs_on_the_live_page_under_the_strict_policy(page, pages, violations):
    sign_in_to_the_admin(page, *EDITOR)

    response = page.goto(pages["unclear"].url)
    assert "unsafe" not in response.headers["content-security-policy"]
    page.locator("#wagtail-userbar-trigger").click()
    page.get_by_role("menuitem", name=re.compile("Checks")).click()
    results = page.locator("#checker-results")
    expect(results.locator("[data-content-checker-name]")).to_have_count(
        len(PROBLEMS), timeout=30_000
    )
    assert sorted(issue_names(results)) == sorted(PROBLEMS)

    page.evaluate("() => new Promise((done) => setTimeout(done, 100))")  # let reports arrive
    assert violations == []
