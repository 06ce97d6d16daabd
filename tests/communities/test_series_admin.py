"""Scheduling a series of meetings from the admin, through its real URLs as the real roles."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry, WorkflowState

from events.models import BookingMethod, EventFormat, EventPage, EventType
from tests.roles import client_for, make_user

from ..events.factories import make_community, make_event, make_event_index, make_venue

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def events_index(site_tree):
    return make_event_index()


@pytest.fixture
def community(site_tree):
    _workstream, community = make_community()
    return community


@pytest.fixture
def workstream(community):
    return community.get_parent().specific


@pytest.fixture
def facilitator(editor, community):
    community.facilitator = editor
    community.save()
    return editor


def schedule_url(community_or_id):
    community_id = getattr(community_or_id, "pk", community_or_id)
    return reverse("communities_schedule_meetings", args=[community_id])


def series_data(**fields):
    """What the form posts: by default twelve monthly meetings on the second Tuesday, 2030."""
    data = {
        "first_date": "2030-04-09",
        "start_time": "10:00",
        "end_time": "12:30",
        "frequency": "monthly_weekday",
        "count": "12",
        "event_format": "online",
        "venue": "",
        "joining_url": "https://meet.example.org/hostel-managers",
        "title_pattern": "Hostel managers: meeting",
        "summary": "Hostel managers share what works.",
        "booking_method": "none",
        "capacity": "",
        "submit_for_review": "on",
        "action": "preview",
        **fields,
    }
    return {name: value for name, value in data.items() if value is not None}


def hidden_values(response):
    """The values the preview carries forward, read from its form as a browser would send them."""
    form = BeautifulSoup(response.content, "html.parser").select_one("main form[method=post]")
    return {
        field["name"]: field.get("value", "")
        for field in form.select("input[type=hidden]")
        if field.get("name") != "csrfmiddlewaretoken"
    }


def preview_then_create(client, community, **fields):
    preview = client.post(schedule_url(community), series_data(**fields))
    assert preview.status_code == 200, preview.content
    assert "form" not in preview.context or preview.context["form"].is_valid()
    return preview, client.post(
        schedule_url(community), {**hidden_values(preview), "action": "create"}
    )


def meetings_of(community):
    return EventPage.objects.filter(community_of_practice=community).order_by("start")


def success_messages(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


# The whole journey.


def test_a_facilitator_who_is_an_editor_previews_then_creates_twelve_monthly_meetings(
    client,
    events_index,
    community,
    workstream,
    facilitator,
    reviewer,
    django_capture_on_commit_callbacks,
):
    client = client_for(facilitator)

    form_page = client.get(schedule_url(community))
    assert form_page.status_code == 200
    assert "Schedule meetings for Hostel managers" in form_page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        preview, created = preview_then_create(client, community)

    # The preview lists every date in words, before anything exists.
    text = preview.content.decode()
    assert "Tuesday 9 April 2030, 10:00 to 12:30" in text
    assert "Tuesday 11 March 2031, 10:00 to 12:30" in text
    assert "Every month on the second Tuesday" in text
    assert "Create 12 meetings" in text

    assert created.status_code == 302
    assert created.url == reverse("wagtailadmin_explore", args=[events_index.pk])
    assert success_messages(created) == ["12 meetings created and sent for review."]

    meetings = list(meetings_of(community))
    assert len(meetings) == 12
    first = meetings[0]
    assert first.title == "Hostel managers: meeting, 9 April 2030"
    assert first.slug == "hostel-managers-2030-04-09"
    assert first.start == datetime(2030, 4, 9, 10, tzinfo=LONDON)
    assert first.end == datetime(2030, 4, 9, 12, 30, tzinfo=LONDON)
    assert [meeting.start.astimezone(LONDON).day for meeting in meetings[:3]] == [9, 14, 11]
    for meeting in meetings:
        assert meeting.get_parent().pk == events_index.pk
        assert not meeting.live
        assert meeting.event_type == EventType.COP_MEETING
        assert meeting.event_format == EventFormat.ONLINE
        assert meeting.community_of_practice_id == community.pk
        assert list(meeting.workstreams.all()) == [workstream]
        assert meeting.owner_id == facilitator.pk
        assert meeting.joining_url == "https://meet.example.org/hostel-managers"
        assert meeting.summary == "Hostel managers share what works."
        assert meeting.body[0].block_type == "paragraph"
        assert "Hostel managers share what works." in meeting.body[0].value.source
        # In the review workflow, submitted by the facilitator.
        assert meeting.workflow_in_progress
        state = meeting.current_workflow_state
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.requested_by_id == facilitator.pk
        # The admin's history shows who created it, as for a page made with the add form.
        assert meeting.latest_revision.user_id == facilitator.pk
        assert PageLogEntry.objects.filter(
            page=meeting, action="wagtail.create", user=facilitator
        ).exists()

    # Reviewers hear about it, as for any page sent for review.
    assert any(reviewer.email in message.to for message in mail.outbox)
    # Drafts are not on the public site.
    assert Client().get(f"/events/{first.slug}/").status_code == 404


def test_meetings_cross_the_clock_change_at_the_same_wall_clock_time(
    events_index, community, facilitator
):
    client = client_for(facilitator)
    _preview, created = preview_then_create(
        client, community, first_date="2030-03-12", count="2", start_time="18:00", end_time="19:30"
    )

    assert created.status_code == 302
    march, april = meetings_of(community)
    assert march.start.astimezone(UTC) == datetime(2030, 3, 12, 18, tzinfo=UTC)
    assert april.start.astimezone(UTC) == datetime(2030, 4, 9, 17, tzinfo=UTC)


def test_a_reviewer_can_schedule_for_a_community_they_do_not_facilitate(
    events_index, community, facilitator, reviewer
):
    _preview, created = preview_then_create(client_for(reviewer), community, count="3")

    assert created.status_code == 302
    meetings = list(meetings_of(community))
    assert len(meetings) == 3
    assert all(
        meeting.current_workflow_state.requested_by_id == reviewer.pk for meeting in meetings
    )


def test_unticking_review_keeps_the_meetings_as_drafts(events_index, community, facilitator):
    preview = client_for(facilitator).post(
        schedule_url(community), series_data(count="2", submit_for_review=None)
    )
    assert "Kept as drafts" in preview.content.decode()
    created = client_for(facilitator).post(
        schedule_url(community), {**hidden_values(preview), "action": "create"}
    )

    assert created.status_code == 302
    assert success_messages(created) == [
        "2 meetings created as drafts. Submit each for review when it is ready."
    ]
    meetings = list(meetings_of(community))
    assert len(meetings) == 2
    assert not any(meeting.workflow_in_progress for meeting in meetings)
    assert not any(meeting.live for meeting in meetings)


def test_booking_here_gives_every_meeting_its_places(events_index, community, facilitator):
    venue = make_venue()
    _preview, created = preview_then_create(
        client_for(facilitator),
        community,
        count="2",
        event_format="in_person",
        venue=str(venue.pk),
        joining_url="",
        booking_method="here",
        capacity="20",
    )

    assert created.status_code == 302
    for meeting in meetings_of(community):
        assert meeting.booking_method == BookingMethod.HERE
        assert meeting.capacity == 20
        assert meeting.venue_id == venue.pk
        assert meeting.event_format == EventFormat.IN_PERSON


# Who may.


def test_an_editor_who_is_not_the_facilitator_is_refused(events_index, community, editor):
    other_editor = make_user("ola@example.org", "Editors")
    community.facilitator = other_editor
    community.save()
    client = client_for(editor)

    for response in (
        client.get(schedule_url(community)),
        client.post(schedule_url(community), series_data()),
        client.post(schedule_url(community), series_data(action="create")),
    ):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
    assert not meetings_of(community).exists()


def test_a_member_without_admin_access_is_refused(events_index, community, member):
    community.facilitator = member
    community.save()
    response = client_for(member).post(schedule_url(community), series_data(action="create"))

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/admin/")
    assert not meetings_of(community).exists()


def test_someone_signed_out_is_sent_to_sign_in(events_index, community):
    response = Client().post(schedule_url(community), series_data(action="create"))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/admin/")
    assert not meetings_of(community).exists()


def test_a_facilitator_who_cannot_add_events_is_refused(events_index, community):
    # Admin access but no page permissions: they could not add the events by hand either.
    helper = make_user("helper@example.org")
    from django.contrib.auth.models import Permission

    helper.user_permissions.add(Permission.objects.get(codename="access_admin"))
    community.facilitator = helper
    community.save()

    response = client_for(helper).post(schedule_url(community), series_data(action="create"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not meetings_of(community).exists()


def test_only_communities_of_practice_and_real_ids_are_found(
    events_index, community, facilitator, administrator
):
    client = client_for(administrator)
    assert client.get(schedule_url(events_index)).status_code == 404
    assert client.get(schedule_url(2**31)).status_code == 404
    assert client.get(schedule_url(2**31 - 1)).status_code == 404
    assert client.get(schedule_url(community)).status_code == 200


def test_without_a_published_events_page_the_facilitator_is_told_why(community, facilitator):
    response = client_for(facilitator).post(schedule_url(community), series_data(action="create"))

    assert response.status_code == 200
    assert "there is no published What's on page" in response.content.decode()
    assert not EventPage.objects.exists()


# Clashes and slugs.


def test_a_meeting_already_at_that_time_is_marked_and_skipped(events_index, community, facilitator):
    existing = make_event(
        events_index,
        title="Hostel managers: May meeting",
        start=datetime(2030, 5, 14, 10, tzinfo=LONDON),
        event_type=EventType.COP_MEETING,
        community_of_practice=community,
    )
    client = client_for(facilitator)

    preview, created = preview_then_create(client, community, count="3")

    rows = soup(preview).select("table tbody tr")
    assert "Skipped" in rows[1].get_text()
    assert "Skipped" not in rows[0].get_text()
    assert "Create 2 meetings" in preview.content.decode()
    assert created.status_code == 302
    assert success_messages(created) == [
        "2 meetings created and sent for review. 1 was skipped: a meeting exists at that time "
        "already."
    ]
    assert meetings_of(community).count() == 3
    assert meetings_of(community).filter(start=existing.start).get().pk == existing.pk


def test_confirming_twice_creates_nothing_the_second_time(events_index, community, facilitator):
    client = client_for(facilitator)
    preview, first = preview_then_create(client, community, count="2")
    again = client.post(schedule_url(community), {**hidden_values(preview), "action": "create"})

    assert first.status_code == 302
    assert again.status_code == 200
    assert "nothing was created" in again.content.decode()
    assert meetings_of(community).count() == 2


def test_a_taken_slug_gets_a_number(events_index, community, facilitator):
    make_event(events_index, title="Another event", slug="hostel-managers-2030-04-09")
    _preview, created = preview_then_create(client_for(facilitator), community, count="1")

    assert created.status_code == 302
    assert meetings_of(community).get().slug == "hostel-managers-2030-04-09-2"


# Mistakes: the form comes back with the values kept and each problem linked to its field.


@pytest.mark.parametrize(
    ("fields", "field_with_error", "message"),
    [
        ({"end_time": "09:00"}, "end_time", "The end time must be after the start time"),
        ({"count": "0"}, "count", "Enter a number of meetings from 1 to 24."),
        ({"count": "25"}, "count", "Enter a number of meetings from 1 to 24."),
        ({"count": "twelve"}, "count", "Enter a whole number."),
        ({"first_date": "2020-01-14"}, "first_date", "The first meeting must be in the future"),
        ({"first_date": "14/14/2030"}, "first_date", "Enter a valid date."),
        ({"first_date": "2030-04-30"}, "first_date", "Choose a date in the first four weeks"),
        ({"frequency": "yearly"}, "frequency", "Select a valid choice."),
        ({"booking_method": "here"}, "capacity", "Enter how many places there are"),
        ({"event_format": "in_person"}, "joining_url", "A joining link is only for online"),
        ({"venue": "99999999999999"}, "venue", "Select a valid choice."),
        ({"title_pattern": ""}, "title_pattern", "This field is required."),
    ],
)
def test_mistakes_come_back_with_values_kept_and_errors_linked(
    events_index, community, facilitator, fields, field_with_error, message
):
    response = client_for(facilitator).post(schedule_url(community), series_data(**fields))

    assert response.status_code == 200
    assert not meetings_of(community).exists()
    page = soup(response)
    summary = page.select_one("[role=alert]")
    assert message in summary.get_text()
    assert summary.select_one(f'a[href="#id_{field_with_error}"]') is not None
    control = page.select_one(f"#id_{field_with_error}")
    assert control["aria-invalid"] == "true"
    error_id = f"id_{field_with_error}-errors"
    assert error_id in control["aria-describedby"].split()
    assert message in page.select_one(f"#{error_id}").get_text()
    # What was typed is still there.
    assert page.select_one("#id_summary").get_text().strip() == "Hostel managers share what works."
    assert page.select_one("#id_start_time")["value"] == "10:00"


def test_every_mistake_is_shown_at_once(events_index, community, facilitator):
    response = client_for(facilitator).post(
        schedule_url(community),
        series_data(first_date="2020-01-14", end_time="09:00", count="25", booking_method="here"),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"first_date", "end_time", "count", "capacity"}
    links = [link["href"] for link in soup(response).select("[role=alert] a")]
    assert links == ["#id_first_date", "#id_end_time", "#id_count", "#id_capacity"]


def test_a_confirming_post_with_changed_values_is_checked_again(
    events_index, community, facilitator
):
    client = client_for(facilitator)
    preview = client.post(schedule_url(community), series_data(count="3"))
    carried = hidden_values(preview)

    for tampered in ({"count": "500"}, {"first_date": "2020-01-14"}, {"end_time": "08:00"}):
        response = client.post(schedule_url(community), {**carried, **tampered, "action": "create"})
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not meetings_of(community).exists()


def test_a_venue_that_is_not_published_or_in_another_language_cannot_be_chosen(
    events_index, community, facilitator
):
    draft_venue = make_venue(name="Not yet approved", live=False)
    welsh = Locale.objects.create(language_code="cy")
    elsewhere = make_venue(name="Canolfan", locale=welsh)
    client = client_for(facilitator)

    form_page = soup(client.get(schedule_url(community)))
    offered = [option.get_text() for option in form_page.select("#id_venue option")]
    assert "Not yet approved" not in offered
    assert "Canolfan" not in offered

    for venue in (draft_venue, elsewhere):
        response = client.post(
            schedule_url(community),
            series_data(event_format="in_person", joining_url="", venue=str(venue.pk)),
        )
        assert response.status_code == 200
        assert "venue" in response.context["form"].errors


def test_in_person_without_a_venue_is_allowed_with_a_warning(events_index, community, facilitator):
    preview, created = preview_then_create(
        client_for(facilitator), community, count="1", event_format="in_person", joining_url=""
    )

    assert "No venue is chosen" in preview.content.decode()
    assert created.status_code == 302
    assert meetings_of(community).get().venue is None


def test_change_goes_back_to_the_form_with_the_values_kept(events_index, community, facilitator):
    client = client_for(facilitator)
    preview = client.post(schedule_url(community), series_data(count="7", end_time="11:45"))
    back = client.post(schedule_url(community), {**hidden_values(preview), "action": "change"})

    assert back.status_code == 200
    page = soup(back)
    assert page.select_one("#id_count")["value"] == "7"
    assert page.select_one("#id_end_time")["value"] == "11:45"
    assert page.select_one("#id_submit_for_review").has_attr("checked")
    assert not back.context["form"].errors
    assert not meetings_of(community).exists()


def test_the_form_starts_from_the_communitys_details(events_index, community, facilitator):
    page = soup(client_for(facilitator).get(schedule_url(community)))

    assert page.select_one("#id_title_pattern")["value"] == "Hostel managers: meeting"
    assert page.select_one("#id_summary").get_text().strip() == "Hostel managers learning together."
    assert page.select_one("#id_submit_for_review").has_attr("checked")
    # Every control has a label.
    form = page.select_one("form#w-editor-form")
    for control in form.select("input:not([type=hidden]), select, textarea"):
        assert form.select_one(f'label[for="{control["id"]}"]') is not None, control["id"]


def test_only_get_and_post_are_answered(events_index, community, facilitator):
    response = client_for(facilitator).put(schedule_url(community))
    assert response.status_code == 405


# Reaching the view from the community's page in the admin.


def test_the_communitys_admin_pages_link_to_scheduling_for_the_facilitator_only(
    events_index, community, workstream, facilitator, editor
):
    link = f'href="{schedule_url(community)}"'
    edit_page = client_for(facilitator).get(reverse("wagtailadmin_pages:edit", args=[community.pk]))
    listing = client_for(facilitator).get(reverse("wagtailadmin_explore", args=[workstream.pk]))
    assert link in edit_page.content.decode()
    assert link in listing.content.decode()

    other_editor = make_user("ola@example.org", "Editors")
    for client in (client_for(other_editor),):
        edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[community.pk]))
        assert edit_page.status_code == 200
        assert link not in edit_page.content.decode()
