"""A new member of staff signs in, sets up an authenticator app, and signs in again with a code.
Every page on the way passes axe (WCAG 2.2 AA)."""

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache

from editorial.roles import EDITORS
from tests.browser.accessibility import assert_no_axe_violations
from tests.roles import PASSWORD, make_user
from tests.site_tree import ensure_site_tree
from tests.staff_access.sign_in import code_from_the_app, with_verified_email


def sign_in(page, email):
    page.goto("/admin/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


@pytest.fixture
def staff(settings):
    settings.PDU_STAFF_MFA_REQUIRED = True
    ensure_site_tree()
    return with_verified_email(make_user("sam@example.org", EDITORS, first_name="Sam"))


def test_staff_set_up_their_app_and_then_sign_in_with_it(page, staff):
    page.goto("/admin/")
    assert "Sign in to the admin" in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    sign_in(page, staff.email)

    # First visit: the admin asks for an app to be set up, after the password once more.
    page.wait_for_selector("input[name=password]")
    assert_no_axe_violations(page)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    secret = page.locator("#authenticator_secret").input_value()
    assert_no_axe_violations(page)
    page.fill("input[name=code]", code_from_the_app(secret))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert Authenticator.objects.filter(user=staff, type="totp").exists()

    page.goto("/admin/")
    page.wait_for_selector("h1:has-text('PDU Hub')")  # the dashboard

    # Signing in again: password, then a code. allauth takes each code once; the app would show
    # a new one within 30 seconds, so rather than wait, forget that this one was used.
    cache.clear()
    page.context.clear_cookies()
    sign_in(page, staff.email)
    page.wait_for_selector("input[name=code]")
    assert_no_axe_violations(page)
    page.fill("input[name=code]", code_from_the_app(secret))
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_selector("h1:has-text('PDU Hub')")
