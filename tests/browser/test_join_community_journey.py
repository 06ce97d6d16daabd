"""A member asks to join a Community of Practice from its page; its facilitator approves the
request in the admin; the member then sees that they belong, on the page and in their hub.
The public pages and the admin listing pass axe (WCAG 2.2 AA)."""

from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from communities.models import CommunityMembership, MembershipStatus
from editorial.roles import EDITORS
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.admin_sign_in import sign_in_to_the_admin
from tests.events.factories import make_community
from tests.roles import PASSWORD, make_user
from workstreams.models import CommunityOfPracticePage

MESSAGE = "I manage a hostel in Sneinton and want to learn from other managers."


def test_a_member_asks_to_join_and_the_facilitator_approves(
    page, browser, live_server, journey_screenshots
):
    facilitator = make_user("priya@example.org", EDITORS, first_name="Priya", last_name="Shah")
    _workstream, community = make_community("Hostel managers")
    CommunityOfPracticePage.objects.filter(pk=community.pk).update(facilitator=facilitator)
    EmailAddress.objects.create(
        user=facilitator, email=facilitator.email, verified=True, primary=True
    )
    member = make_user(
        "jo@example.org", "Members", first_name="Jo", last_name="Bloggs", organisation="Framework"
    )
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)

    # The member finds the community and signs in from its "How to join" section.
    page.goto(community.url)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Sign in to ask to join").click()
    page.fill("input[name=login]", member.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.url.endswith(community.url)

    page.get_by_label("Your role and why you would like to join").fill(MESSAGE)
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Ask to join").click()
    assert "You have asked to join" in page.locator(".messages").inner_text()
    assert "You asked to join on" in page.locator("#join").inner_text()
    assert page.get_by_role("button", name="Withdraw your request").is_visible()
    journey_screenshots.take(page, "request sent")
    assert_no_axe_violations(page)
    assert CommunityMembership.objects.get(user=member).message == MESSAGE
    assert [email.subject for email in mail.outbox if facilitator.email in email.to] == [
        "Jo Bloggs asked to join Hostel managers"
    ]

    # The facilitator opens "Your communities" from the admin's menu and approves.
    admin = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    try:
        sign_in_to_the_admin(admin, facilitator.email, PASSWORD)
        with admin.expect_navigation():
            admin.get_by_role("link", name="Your communities").click()
        assert admin.url.endswith(reverse("communities_mine"))
        request_row = admin.locator(f"#community-{community.pk} tr", has_text="Jo Bloggs")
        assert MESSAGE in request_row.inner_text()
        journey_screenshots.take(admin, "facilitator sees the request")
        assert_no_axe_violations(admin)
        with admin.expect_navigation():
            request_row.get_by_role("button", name="Approve the request from Jo Bloggs").click()
        assert "Jo Bloggs is now a member of Hostel managers" in admin.content()
        listing = admin.locator(f"#community-{community.pk}").inner_text()
        assert "No requests are waiting." in listing
    finally:
        admin.context.close()

    membership = CommunityMembership.objects.get(user=member)
    assert membership.status == MembershipStatus.APPROVED
    assert membership.decided_by == facilitator
    assert "Welcome to Hostel managers" in [
        email.subject for email in mail.outbox if member.email in email.to
    ]

    # The member sees it on the community page and in their hub.
    page.goto(community.url)
    assert "You are a member of this Community of Practice." in page.locator("#join").inner_text()
    assert page.get_by_role("button", name="Leave this community").is_visible()
    journey_screenshots.take(page, "member of the community")
    assert_no_axe_violations(page)

    page.goto(reverse("members:hub"))
    communities = page.locator("#communities")
    assert communities.get_by_role("link", name="Hostel managers").is_visible()
    assert "Member" in communities.inner_text()
    assert_no_axe_violations(page)
