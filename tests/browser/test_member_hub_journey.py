"""A member saves a resource to their hub, changes their email choice, and looks at deleting their
account; someone else stops emails from a link. Every page passes axe (WCAG 2.2 AA)."""

from allauth.account.models import EmailAddress
from django.urls import reverse

from members.models import SavedPage
from members.tokens import unsubscribe_token
from tests.browser.accessibility import assert_no_axe_violations
from tests.library.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.roles import PASSWORD, make_user
from tests.site_tree import ensure_site_tree


def test_a_member_saves_a_resource_and_manages_their_hub(page, journey_screenshots):
    home = ensure_site_tree()
    resource = ResourcePageFactory(
        parent=ResourceIndexPageFactory(parent=home), title="Trauma informed care guide"
    )
    member = make_user("mo@example.org", "Members", first_name="Mo")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)

    page.goto(resource.url)
    page.get_by_role("link", name="Sign in to save this to your hub").click()
    page.fill("input[name=login]", "mo@example.org")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith(resource.url)

    with page.expect_navigation():
        page.get_by_role("button", name="Save to your hub").click()
    assert "is saved in your hub" in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="Remove from your hub").is_visible()
    journey_screenshots.take(page, "resource saved")
    assert_no_axe_violations(page)
    assert SavedPage.objects.filter(user=member, page=resource).exists()

    page.goto(reverse("members:hub"))
    saved = page.locator("#saved")
    assert saved.get_by_role("link", name="Trauma informed care guide").is_visible()
    journey_screenshots.take(page, "hub")
    assert_no_axe_violations(page)

    page.get_by_label("Send me emails about events and news").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save email choice").click()
    assert "You will get emails" in page.locator(".messages").inner_text()
    member.refresh_from_db()
    assert member.email_consent

    page.get_by_role("link", name="Delete your account").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Delete my account").click()
    assert page.locator(".error-summary").is_visible()
    journey_screenshots.take(page, "delete account asks for the password")
    assert_no_axe_violations(page)

    # A link from an email, opened by someone not signed in.
    page.context.clear_cookies()
    page.goto(reverse("members:unsubscribe", args=[unsubscribe_token(member)]))
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Stop emails").click()
    assert "You will not get emails" in page.locator("h1").inner_text()
    journey_screenshots.take(page, "emails stopped")
    assert_no_axe_violations(page)
    member.refresh_from_db()
    assert not member.email_consent
