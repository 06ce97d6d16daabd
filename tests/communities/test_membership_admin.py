"""Facilitators answer join requests in the admin ("Your communities"); the member hears back."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from communities.models import CommunityMembership, MembershipStatus
from editorial.roles import EDITORS
from tests.events.factories import make_community, make_event, make_event_index
from tests.roles import PASSWORD, client_for, make_user
from workstreams.models import CommunityOfPracticePage

pytestmark = pytest.mark.django_db

LISTING = "/admin/communities/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def answer_url(membership):
    return reverse("communities_answer_request", args=[membership.pk])


def answer(client, membership, decision, **kwargs):
    return client.post(answer_url(membership), {"decision": decision}, **kwargs)


def community_section(response, community):
    return soup(response).select_one(f"#community-{community.pk}")


@pytest.fixture
def request_from_jo(community, jo):
    return CommunityMembership.objects.create(
        community=community, user=jo, message="I run a 40-bed hostel in Sneinton."
    )


# The listing ------------------------------------------------------------------------------------


def test_the_facilitator_sees_the_menu_item_and_the_waiting_request(
    facilitator, community, request_from_jo
):
    facilitator_client = client_for(facilitator)
    dashboard = facilitator_client.get("/admin/").content.decode()
    assert '"your-communities"' in dashboard and LISTING in dashboard

    response = facilitator_client.get(LISTING)
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Your communities"
    section = community_section(response, community)
    assert section.h2.get_text(strip=True) == "Hostel managers"
    live_link = section.find("a", href=community.url)
    assert live_link.get_text(" ", strip=True) == "View the live page Hostel managers"
    schedule = reverse("communities_schedule_meetings", args=[community.pk])
    assert section.find("a", href=schedule) is not None

    [row] = section.select("table")[0].select("tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
    assert cells[:5] == [
        "Jo Bloggs",
        "jo@example.org",
        "Hostel manager",
        "Framework Housing",
        "I run a 40-bed hostel in Sneinton.",
    ]
    assert cells[5] == timezone.localdate().strftime("%-d %B %Y")
    form = row.find("form")
    assert form["method"] == "post" and form["action"] == answer_url(request_from_jo)
    buttons = {
        button["value"]: button.get_text(" ", strip=True) for button in form.select("button")
    }
    assert buttons == {
        "approve": "Approve the request from Jo Bloggs",
        "decline": "Decline the request from Jo Bloggs",
    }
    assert "No members yet." in section.get_text()


def test_the_facilitator_sees_only_their_own_communities(facilitator, community, jo):
    _ws, elsewhere = make_community("Peer mentors", workstream_title="Peers")
    CommunityMembership.objects.create(community=elsewhere, user=jo)
    response = client_for(facilitator).get(LISTING)
    assert community_section(response, community) is not None
    assert community_section(response, elsewhere) is None
    assert "jo@example.org" not in response.content.decode()


def test_a_reviewer_sees_every_community(reviewer, community, request_from_jo):
    _ws, unfacilitated = make_community("Peer mentors", workstream_title="Peers")
    response = client_for(reviewer).get(LISTING)
    assert community_section(response, community) is not None
    assert community_section(response, unfacilitated) is not None
    assert "jo@example.org" in community_section(response, community).get_text()


def test_with_no_communities_a_reviewer_sees_an_empty_listing_and_no_menu_item(reviewer):
    reviewer_client = client_for(reviewer)
    assert '"your-communities"' not in reviewer_client.get("/admin/").content.decode()
    response = reviewer_client.get(LISTING)
    assert response.status_code == 200
    assert "There are no Communities of Practice yet." in response.content.decode()


# Answering ----------------------------------------------------------------------------------------


def test_the_facilitator_approves_and_the_member_is_welcomed(
    facilitator, community, jo, request_from_jo, django_capture_on_commit_callbacks
):
    start = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    meeting = make_event(
        make_event_index(),
        "Hostel managers: spring meeting",
        start=start + datetime.timedelta(days=21),
        community_of_practice=community,
        event_type="cop_meeting",
    )
    facilitator_client = client_for(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = answer(facilitator_client, request_from_jo, "approve", follow=True)

    assert response.redirect_chain == [(f"{LISTING}#community-{community.pk}", 302)]
    assert "Jo Bloggs is now a member of Hostel managers" in response.content.decode()
    request_from_jo.refresh_from_db()
    assert request_from_jo.status == MembershipStatus.APPROVED
    assert request_from_jo.decided_by == facilitator
    assert timezone.now() - request_from_jo.decided_at < datetime.timedelta(minutes=1)

    section = community_section(response, community)
    assert "No requests are waiting." in section.get_text()
    member_row = section.select("table")[0].select_one("tbody tr")
    assert "Jo Bloggs" in member_row.get_text() and "Framework Housing" in member_row.get_text()

    [email] = mail.outbox
    assert email.to == [jo.email]
    assert email.subject == "Welcome to Hostel managers"
    assert "Dear Jo," in email.body
    assert f"http://testserver{community.url}" in email.body
    assert "Hostel managers: spring meeting" in email.body
    assert f"http://testserver{meeting.url}" in email.body
    # The member sees it on the community page too.
    page = soup(client_for(jo).get(community.url)).select_one("#join").get_text()
    assert "You are a member of this Community of Practice." in page


def test_declining_tells_the_member_kindly_who_to_contact(
    facilitator, community, jo, request_from_jo, django_capture_on_commit_callbacks
):
    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(community.get_site())
    site_settings.contact_email = "pdu@example.org"
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        answer(client_for(facilitator), request_from_jo, "decline")

    request_from_jo.refresh_from_db()
    assert request_from_jo.status == MembershipStatus.DECLINED
    assert request_from_jo.decided_by == facilitator
    [email] = mail.outbox
    assert email.to == [jo.email]
    assert email.subject == "Your request to join Hostel managers"
    assert "could not add you this time" in email.body
    assert "pdu@example.org" in email.body


def test_a_declined_request_can_be_approved_after_all_but_not_declined_twice(
    facilitator, community, jo, request_from_jo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer(client_for(facilitator), request_from_jo, "decline")
        again = answer(client_for(facilitator), request_from_jo, "decline", follow=True)
    assert "already answered" in again.content.decode()
    assert len(mail.outbox) == 1

    listing = client_for(facilitator).get(reverse("communities_mine"))
    section = community_section(listing, community)
    declined = section.find("h3", string="Declined requests").find_next("table")
    assert jo.email in declined.get_text()

    with django_capture_on_commit_callbacks(execute=True):
        answer(client_for(facilitator), request_from_jo, "approve")
    request_from_jo.refresh_from_db()
    assert request_from_jo.status == MembershipStatus.APPROVED
    assert len(mail.outbox) == 2
    assert "could not add you" not in mail.outbox[1].body


def test_a_reviewer_can_answer_for_the_facilitator(
    reviewer, request_from_jo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer(client_for(reviewer), request_from_jo, "approve")
    request_from_jo.refresh_from_db()
    assert request_from_jo.status == MembershipStatus.APPROVED
    assert request_from_jo.decided_by == reviewer
    assert len(mail.outbox) == 1


def test_a_request_answered_twice_keeps_its_first_answer(
    facilitator, reviewer, request_from_jo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer(client_for(facilitator), request_from_jo, "approve")
        response = answer(client_for(reviewer), request_from_jo, "decline", follow=True)

    assert "already answered" in response.content.decode()
    request_from_jo.refresh_from_db()
    assert request_from_jo.status == MembershipStatus.APPROVED
    assert request_from_jo.decided_by == facilitator
    assert len(mail.outbox) == 1


def test_a_withdrawn_request_is_not_found(facilitator, request_from_jo):
    url = answer_url(request_from_jo)
    request_from_jo.delete()
    assert client_for(facilitator).post(url, {"decision": "approve"}).status_code == 404


def test_an_unknown_decision_changes_nothing(facilitator, request_from_jo):
    response = answer(client_for(facilitator), request_from_jo, "maybe", follow=True)
    assert "Choose whether to approve or decline" in response.content.decode()
    request_from_jo.refresh_from_db()
    assert request_from_jo.is_pending


def test_answering_is_post_only_and_ids_are_bounded(facilitator, request_from_jo):
    facilitator_client = client_for(facilitator)
    assert facilitator_client.get(answer_url(request_from_jo)).status_code == 405
    for missing in (999_999, 2**31, 2**63):
        url = f"/admin/communities/requests/{missing}/"
        assert facilitator_client.post(url, {"decision": "approve"}).status_code == 404


def test_answering_is_csrf_protected(facilitator, request_from_jo):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(facilitator)
    assert answer(strict, request_from_jo, "approve").status_code == 403
    request_from_jo.refresh_from_db()
    assert request_from_jo.is_pending


# Who is refused ---------------------------------------------------------------------------------


def test_an_editor_who_runs_no_community_is_refused_everywhere(
    editor, community, request_from_jo, django_capture_on_commit_callbacks
):
    editor_client = client_for(editor)
    dashboard = editor_client.get("/admin/").content.decode()
    assert '"your-communities"' not in dashboard and LISTING not in dashboard

    listing = editor_client.get(LISTING)
    assert listing.status_code == 403
    assert "jo@example.org" not in listing.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        refused = answer(editor_client, request_from_jo, "approve")
    assert refused.status_code == 403
    request_from_jo.refresh_from_db()
    assert request_from_jo.is_pending
    assert mail.outbox == []

    csv_url = reverse("communities_members_csv", args=[community.pk])
    assert editor_client.get(csv_url).status_code == 403


def test_the_facilitator_of_another_community_cannot_answer(request_from_jo):
    _ws, elsewhere = make_community("Peer mentors", workstream_title="Peers")
    other_facilitator = make_user("kim@example.org", EDITORS)
    CommunityOfPracticePage.objects.filter(pk=elsewhere.pk).update(facilitator=other_facilitator)
    assert answer(client_for(other_facilitator), request_from_jo, "approve").status_code == 403
    request_from_jo.refresh_from_db()
    assert request_from_jo.is_pending


def test_members_and_visitors_never_reach_the_admin_views(client, jo, request_from_jo):
    for visitor in (client, client_for(jo)):
        assert visitor.get(LISTING).status_code == 302  # Wagtail sends them to sign in
        assert answer(visitor, request_from_jo, "approve").status_code == 302
    request_from_jo.refresh_from_db()
    assert request_from_jo.is_pending


# The members spreadsheet --------------------------------------------------------------------------


def test_the_facilitator_downloads_the_members_as_a_safe_spreadsheet(facilitator, community):
    sneaky = make_user(
        "sam@example.org", "Members", first_name="Sam", last_name="Doe", organisation="=CMD()"
    )
    CommunityMembership.objects.create(
        community=community,
        user=sneaky,
        status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
    )
    waiting = make_user("wren@example.org", "Members")
    CommunityMembership.objects.create(community=community, user=waiting)

    listing = community_section(client_for(facilitator).get(LISTING), community)
    link = listing.find("a", href=reverse("communities_members_csv", args=[community.pk]))
    response = client_for(facilitator).get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Email", "Job title", "Organisation", "Member since"]
    assert rows[1][:4] == ["Sam Doe", "sam@example.org", "", "'=CMD()"]
    assert len(rows) == 2  # people still waiting are not members


# The member's own data ----------------------------------------------------------------------------


def test_the_data_download_holds_the_membership(jo, request_from_jo):
    response = client_for(jo).get(reverse("members:download_data"))
    sections = json.loads(response.content)["sections"]
    [membership] = sections["community_memberships"]
    assert membership["community"] == "Hostel managers"
    assert membership["message"] == "I run a 40-bed hostel in Sneinton."
    assert membership["status"] == "Waiting for approval"


def test_deleting_the_account_removes_the_membership(jo, request_from_jo):
    response = client_for(jo).post(reverse("members:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not CommunityMembership.objects.filter(pk=request_from_jo.pk).exists()
