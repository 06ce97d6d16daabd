"""A member asks to join a Community of Practice from its page, withdraws, or leaves it."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from communities.membership_views import JOIN_REQUEST_RATE
from communities.models import CommunityMembership, MembershipStatus
from tests.events.factories import make_community, make_event, make_event_index
from tests.roles import client_for, make_user
from workstreams.models import CommunityOfPracticePage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def join_panel(response):
    return soup(response).select_one("#join")


def sign_in_and_back_to(url):
    """Where a sign-in link sends the visitor afterwards (None if it is not a sign-in link)."""
    parts = urlsplit(url)
    if parts.path != "/accounts/login/":
        return None
    return parse_qs(parts.query)["next"][0]


def ask_url(page):
    return reverse("communities:ask_to_join", args=[page.pk])


def leave_url(page):
    return reverse("communities:leave", args=[page.pk])


@pytest.fixture
def jo_client(jo):
    return client_for(jo)


def ask(client, page, message="I manage a hostel in Sneinton.", **kwargs):
    return client.post(ask_url(page), {"message": message}, **kwargs)


# What the page offers ---------------------------------------------------------------------------


def test_a_visitor_is_asked_to_sign_in_and_offered_the_hub(client, community):
    panel = join_panel(client.get(community.url))
    sign_in = panel.find("a", string="Sign in to ask to join")
    assert sign_in_and_back_to(sign_in["href"]) == community.url
    assert panel.find("a", string="Join the hub for free")["href"] == "/accounts/signup/"
    assert panel.find("form") is None


def test_a_member_sees_a_labelled_optional_message_with_a_length_hint(jo_client, community):
    panel = join_panel(jo_client.get(community.url))
    form = panel.find("form")
    assert form["method"] == "post" and form["action"] == ask_url(community)
    message = form.select_one("textarea[name=message]")
    label = panel.select_one(f"label[for={message['id']}]").get_text(" ", strip=True)
    assert label == "Your role and why you would like to join (optional)"
    assert "up to 500 characters" in panel.select_one(f"#{message['id']}_helptext").get_text()
    assert message["aria-describedby"] == f"{message['id']}_helptext"
    # The server, not the browser, enforces the length, so pasted text is never cut off unseen.
    assert not message.has_attr("maxlength")
    assert form.find("button").get_text(" ", strip=True) == "Ask to join Hostel managers"


# Asking -------------------------------------------------------------------------------------------


def test_asking_records_a_request_and_emails_the_facilitator(
    jo, jo_client, community, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(jo_client, community, follow=True)

    assert response.redirect_chain == [(community.url, 302)]
    membership = CommunityMembership.objects.get(user=jo)
    assert membership.community_id == community.pk
    assert membership.status == MembershipStatus.PENDING
    assert membership.message == "I manage a hostel in Sneinton."
    assert "You have asked to join" in soup(response).select_one(".messages").get_text()
    panel = join_panel(response).get_text(" ", strip=True)
    today = timezone.localdate().strftime("%-d %B %Y")
    assert f"You asked to join on {today}." in panel
    assert "The facilitator will email you." in panel
    assert join_panel(response).find("textarea") is None

    [email] = mail.outbox
    assert email.to == [facilitator.email]
    assert email.subject == "Jo Bloggs asked to join Hostel managers"
    assert "Hostel manager" in email.body and "Framework Housing" in email.body
    assert f"http://testserver/admin/communities/#community-{community.pk}" in email.body


def test_without_a_facilitator_the_request_is_kept_and_nobody_is_emailed(
    jo, jo_client, community, django_capture_on_commit_callbacks
):
    CommunityOfPracticePage.objects.filter(pk=community.pk).update(facilitator=None)
    with django_capture_on_commit_callbacks(execute=True):
        ask(jo_client, community)
    assert CommunityMembership.objects.filter(user=jo, community=community).exists()
    assert mail.outbox == []


def test_an_inactive_facilitator_is_not_emailed(
    jo_client, community, facilitator, django_capture_on_commit_callbacks
):
    facilitator.is_active = False
    facilitator.save()
    with django_capture_on_commit_callbacks(execute=True):
        ask(jo_client, community)
    assert mail.outbox == []


def test_asking_twice_is_refused_clearly(
    jo, jo_client, community, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(jo_client, community)
        response = ask(jo_client, community, message="Me again", follow=True)
    assert response.redirect_chain == [(community.url, 302)]
    note = soup(response).select_one(".message--error").get_text()
    assert "You have already asked to join this Community of Practice." in note
    assert CommunityMembership.objects.get(user=jo).message == "I manage a hostel in Sneinton."
    assert len(mail.outbox) == 1


def test_a_member_cannot_ask_again(jo, jo_client, community):
    CommunityMembership.objects.create(
        community=community, user=jo, status=MembershipStatus.APPROVED
    )
    response = ask(jo_client, community, follow=True)
    assert "You are already a member" in soup(response).select_one(".message--error").get_text()
    assert CommunityMembership.objects.get(user=jo).status == MembershipStatus.APPROVED


def test_a_message_over_500_characters_is_refused_and_kept(jo, jo_client, community):
    too_long = "I work nights at a hostel. " * 20 + "Thank you."
    response = ask(jo_client, community, message=too_long)

    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Ask to join Hostel managers"
    summary = html.select_one(".error-summary")
    link = summary.find("a")
    assert link["href"] == "#id_message"
    assert link.get_text() == "Your message must be 500 characters or fewer. It has 550."
    message = html.select_one("#id_message")
    assert message.get_text().strip() == too_long
    assert "id_message_error" in message["aria-describedby"]
    assert html.select_one("main form")["action"] == ask_url(community)
    assert html.find("a", string="Back to Hostel managers")["href"] == community.url
    assert not CommunityMembership.objects.filter(user=jo).exists()


def test_exactly_500_characters_is_fine(jo, jo_client, community):
    ask(jo_client, community, message="x" * 500)
    assert len(CommunityMembership.objects.get(user=jo).message) == 500


def test_a_visitor_is_sent_to_sign_in_and_back_to_the_community_page(client, community):
    response = ask(client, community)
    assert response.status_code == 302
    assert sign_in_and_back_to(response["Location"]) == community.url
    assert not CommunityMembership.objects.exists()


def test_asking_is_post_only(jo_client, community):
    assert jo_client.get(ask_url(community)).status_code == 405
    assert jo_client.get(leave_url(community)).status_code == 405


def test_the_form_is_csrf_protected(jo, community):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(jo)
    assert ask(strict, community).status_code == 403
    assert not CommunityMembership.objects.exists()


@pytest.mark.parametrize("community_id", [999_999, 2**31, 2**63])
def test_unknown_communities_are_not_found(jo_client, community, community_id):
    assert jo_client.post(f"/accounts/communities/{community_id}/join/").status_code == 404
    assert jo_client.post(f"/accounts/communities/{community_id}/leave/").status_code == 404


def test_only_live_communities_take_requests(jo_client, community):
    community.unpublish()
    assert ask(jo_client, community).status_code == 404
    assert not CommunityMembership.objects.exists()


def test_a_private_community_is_not_found_by_those_it_does_not_let_in(jo, community):
    restriction = PageViewRestriction.objects.create(
        page=community, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(*jo.groups.all())
    outsider = make_user("sam@example.org")
    assert ask(client_for(outsider), community).status_code == 404
    assert ask(client_for(jo), community).status_code == 302
    assert list(CommunityMembership.objects.values_list("user__email", flat=True)) == [jo.email]


def test_too_many_requests_are_refused_and_the_message_kept(jo, jo_client, community):
    allowed = int(JOIN_REQUEST_RATE.split("/")[0])
    for _attempt in range(allowed):
        ask(jo_client, community, message="x" * 501)  # refused, but each one counts
    response = ask(jo_client, community, message="Please let me in")
    assert response.status_code == 429
    html = soup(response)
    assert "Please wait an hour" in html.select_one(".error-summary").get_text()
    assert html.select_one("#id_message").get_text().strip() == "Please let me in"
    assert not CommunityMembership.objects.exists()


# Withdrawing and leaving --------------------------------------------------------------------------


def test_withdrawing_a_request_deletes_it(jo, jo_client, community):
    ask(jo_client, community)
    panel = join_panel(jo_client.get(community.url))
    assert panel.find("form")["action"] == leave_url(community)
    assert panel.find("button").get_text(" ", strip=True).startswith("Withdraw your request")

    response = jo_client.post(leave_url(community), follow=True)
    assert response.redirect_chain == [(community.url, 302)]
    assert "withdrawn your request" in soup(response).select_one(".messages").get_text()
    assert not CommunityMembership.objects.exists()
    assert join_panel(response).find("textarea") is not None  # may ask again


def test_leaving_asks_first_then_deletes_the_membership(jo, jo_client, community):
    CommunityMembership.objects.create(
        community=community, user=jo, status=MembershipStatus.APPROVED
    )
    panel = join_panel(jo_client.get(community.url))
    assert "You are a member of this Community of Practice." in panel.get_text()
    assert panel.find("button").get_text(strip=True) == "Leave this community"

    response = jo_client.post(leave_url(community))
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Leave this community?"
    assert html.find("a", string="No, stay a member")["href"] == community.url
    assert CommunityMembership.objects.filter(user=jo).exists()

    form = html.select_one("main form")
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert data["confirm"] == "yes"
    response = jo_client.post(form["action"], data, follow=True)
    assert response.redirect_chain == [(community.url, 302)]
    assert "You have left" in soup(response).select_one(".messages").get_text()
    assert not CommunityMembership.objects.exists()


def test_leaving_without_a_membership_is_not_found_and_touches_no_one_else(
    jo, community, facilitator
):
    other = make_user("sam@example.org", "Members")
    CommunityMembership.objects.create(
        community=community, user=jo, status=MembershipStatus.APPROVED
    )
    response = client_for(other).post(leave_url(community), {"confirm": "yes"})
    assert response.status_code == 404
    assert CommunityMembership.objects.filter(user=jo).exists()


def test_a_declined_member_is_told_kindly_and_cannot_ask_again(jo, jo_client, community):
    from home.models import SiteSettings

    settings_row = SiteSettings.for_site(community.get_site())
    settings_row.contact_email = "pdu@example.org"
    settings_row.save()
    CommunityMembership.objects.create(
        community=community, user=jo, status=MembershipStatus.DECLINED
    )
    panel = join_panel(jo_client.get(community.url))
    assert "could not add you to this community this time" in panel.get_text()
    assert panel.find("a", href="mailto:pdu@example.org") is not None
    assert panel.find("form") is None

    response = ask(jo_client, community, follow=True)
    assert "could not add you" in soup(response).select_one(".message--error").get_text()
    # Nor can "leave" wipe the answer so as to ask again.
    jo_client.post(leave_url(community), {"confirm": "yes"})
    assert CommunityMembership.objects.get(user=jo).status == MembershipStatus.DECLINED


# A translated community page ----------------------------------------------------------------------


def test_a_request_on_a_translated_page_joins_the_main_language_community(
    jo, jo_client, community, settings
):
    from wagtail.models import Locale

    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("en-gb", "English"),
        ("pl", "Polish"),
    ]
    polish = Locale.objects.get(language_code="pl")
    translated = community.copy_for_translation(polish, copy_parents=True)
    translated.save_revision().publish()

    ask(jo_client, translated)
    assert CommunityMembership.objects.get(user=jo).community_id == community.pk
    # Either language version of the page shows the same request.
    assert "You asked to join" in join_panel(jo_client.get(community.url)).get_text()


# The member's hub -------------------------------------------------------------------------------


def test_the_hub_lists_communities_with_the_next_meeting_and_waiting_requests(jo, jo_client):
    _ws, member_of = make_community("Hostel managers", workstream_title="Housing")
    _ws, waiting_for = make_community("Trauma informed care", workstream_title="Trauma")
    _ws, declined = make_community("Peer mentors", workstream_title="Peers")
    start = timezone.now().replace(hour=10, minute=0) + datetime.timedelta(days=14)
    make_event(
        make_event_index(),
        "Hostel managers: spring meeting",
        start=start,
        community_of_practice=member_of,
        event_type="cop_meeting",
    )
    CommunityMembership.objects.create(
        community=member_of, user=jo, status=MembershipStatus.APPROVED
    )
    CommunityMembership.objects.create(community=waiting_for, user=jo)
    CommunityMembership.objects.create(
        community=declined, user=jo, status=MembershipStatus.DECLINED
    )

    section = soup(jo_client.get("/accounts/hub/")).select_one("#communities")
    assert section.h2.get_text(strip=True) == "Your Communities of Practice"
    items = section.select("li")
    assert [item.a.get_text(strip=True) for item in items] == [
        "Hostel managers",
        "Trauma informed care",
    ]
    assert items[0].a["href"] == member_of.url
    member_text = items[0].get_text(" ", strip=True)
    assert "Member" in member_text
    assert f"Next meeting: {timezone.localtime(start).strftime('%A %-d %B %Y')}" in member_text
    assert "Waiting for approval" in items[1].get_text()


def test_the_hub_points_to_the_workstreams_when_there_are_no_communities(jo_client, community):
    section = soup(jo_client.get("/accounts/hub/")).select_one("#communities")
    assert "not in a Community of Practice yet" in section.get_text()
    link = section.find("a", string="Find a Community of Practice in our workstreams")
    assert link["href"] == community.get_parent().get_parent().url
