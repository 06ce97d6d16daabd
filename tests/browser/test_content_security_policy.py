"""Chromium reports no Content Security Policy violation anywhere people go.

Every page listens for `securitypolicyviolation` events (in frames too, such as the admin's
preview) and Chromium's own console reports are read as well; any report fails the test. The
visitor's pages run under the strict policy, the admin under its own, and an editor's quick-actions
bar on a public page works under the strict one.
"""

import json
import re

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from playwright.sync_api import expect

from editorial.roles import EDITORS
from tests.roles import PASSWORD, make_user
from tests.site_tree import english_home, ensure_site_tree
from tests.staff_access.sign_in import code_from_the_app, with_verified_email


def settle(page):
    """Let pending violation events reach the console listener."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise((done) => setTimeout(done, 100))")


def assert_no_violations(page, violations, where):
    settle(page)
    assert violations == [], f"{where}: {violations}"


def strict_policy_of(response):
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe" not in policy
    return policy


def test_the_listener_catches_a_violation(page, violations):
    # The test below can only pass honestly if a forbidden inline style is reported here.
    page.goto("/")
    page.evaluate("document.body.setAttribute('style', 'outline: 1px solid red')")
    settle(page)
    assert any("style-src-attr" in report for report in violations), violations


def test_visitor_pages_run_under_the_strict_policy(page, violations):
    call_command("load_demo_content", verbosity=0)

    strict_policy_of(page.goto("/"))
    assert_no_violations(page, violations, "home page")

    # An event page, with its structured data (a data block, never executed).
    page.goto("/events/")
    event_link = page.locator("main .card--event a").first
    with page.expect_navigation():
        event_link.click()
    structured = page.locator('script[type="application/ld+json"]')
    expect(structured).to_have_count(1)
    assert json.loads(structured.text_content())["@type"] == "Event"
    assert_no_violations(page, violations, "event page")

    # Search suggestions are fetched by static/js/search-suggest.js as the visitor types.
    box = page.get_by_role("combobox", name="Search this site")
    box.press_sequentially("housing fir", delay=30)
    listbox = page.get_by_role("listbox", name="Suggested pages")
    expect(listbox.get_by_role("option").first).to_be_visible()
    assert_no_violations(page, violations, "search suggestions")
    box.press("Escape")
    with page.expect_navigation():
        box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=housing"))
    expect(page.locator(".search-result").first).to_be_visible()
    assert_no_violations(page, violations, "search results")

    # The library, narrowed with a filter.
    strict_policy_of(page.goto("/resources/"))
    library_form = page.locator("#library-search")
    library_form.locator("#facet-type-guide").check()
    with page.expect_navigation():
        library_form.get_by_role("button", name="Apply filters").click()
    assert "type=guide" in page.url
    expect(page.locator("main .card").first).to_be_visible()
    assert_no_violations(page, violations, "library filters")

    strict_policy_of(page.goto("/accounts/login/"))
    expect(page.locator("input[name=password]")).to_be_visible()
    assert_no_violations(page, violations, "sign-in page")


@pytest.fixture
def staff(settings):
    settings.PDU_STAFF_MFA_REQUIRED = True
    ensure_site_tree()
    return with_verified_email(make_user("sam@example.org", EDITORS, first_name="Sam"))


def submit(page, form_button="main form button[type=submit]"):
    with page.expect_navigation():
        page.locator(form_button).first.click()


def test_staff_set_up_a_second_factor_and_edit_under_the_admin_policy(page, violations, staff):
    page.goto("/admin/")
    page.fill("input[name=login]", staff.email)
    page.fill("input[name=password]", PASSWORD)
    submit(page)
    page.fill("input[name=password]", PASSWORD)  # adding a second factor asks for it again
    submit(page)

    # The set-up page shows its QR code as a data: image, which the strict policy allows.
    assert page.url.endswith("/accounts/2fa/totp/activate/")
    qr_code = page.get_by_role("img", name="QR code for your authenticator app")
    assert qr_code.get_attribute("src").startswith("data:image/svg+xml")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=qr_code.element_handle()
    )
    assert_no_violations(page, violations, "second factor set-up")
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("input[name=code]", code_from_the_app(secret))
    submit(page)
    assert Authenticator.objects.filter(user=staff, type="totp").exists()

    # The admin, under its own policy.
    response = page.goto("/admin/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.wait_for_selector("h1:has-text('PDU Hub')")
    assert_no_violations(page, violations, "admin dashboard")

    home = english_home()
    page.goto(f"/admin/pages/{home.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(home.title)
    assert_no_violations(page, violations, "page editor")

    # The preview panel frames the page from the admin's own origin.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(home.title)
    assert_no_violations(page, violations, "preview")

    # On a public page the editor's quick-actions bar works under the strict policy.
    strict_policy_of(page.goto("/"))
    trigger = page.locator("#wagtail-userbar-trigger")
    expect(trigger).to_be_visible()
    trigger.click()
    expect(page.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert_no_violations(page, violations, "quick-actions bar")
