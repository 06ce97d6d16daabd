"""After an event ends, its page lists its recording and other resources (members only or not)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from members.restrictions import restrict_to_members
from tests.events.factories import make_event, make_event_index
from tests.roles import client_for
from tests.workstreams.factories import make_resource, make_resource_index


def after_section(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    heading = BeautifulSoup(response.content, "html.parser").find(id="after-heading")
    return heading.parent if heading else None


@pytest.fixture
def resources(home):
    library = make_resource_index(home)
    recording = make_resource(library, "Webinar recording")
    restrict_to_members(recording)
    slides = make_resource(library, "Slides for everyone")
    withdrawn = make_resource(library, "Withdrawn handout")
    withdrawn.unpublish()
    return recording, slides, withdrawn


@pytest.mark.django_db
def test_a_finished_event_lists_its_live_resources_in_order_marking_members_only(
    client, member, resources
):
    recording, slides, withdrawn = resources
    event = make_event(
        make_event_index(),
        "Implementing PIEs",
        start=timezone.now() - timedelta(days=2),
        follow_ups=[recording, slides, withdrawn],
    )

    section = after_section(client, event)
    items = section.select(".document-list__item")
    assert [item.a.get_text(strip=True) for item in items] == [
        "Webinar recording",
        "Slides for everyone",
    ]
    assert [bool(item.select_one(".tag--members")) for item in items] == [True, False]
    assert "Sign in" in section.get_text()

    # A member is not asked to sign in, and the recording opens for them.
    member_client = client_for(member)
    assert "Sign in" not in after_section(member_client, event).get_text()
    assert member_client.get(recording.url).status_code == 200
    assert client.get(recording.url).status_code == 302  # to the sign-in page


@pytest.mark.django_db
def test_nothing_is_listed_before_the_event_has_ended(client, resources):
    recording, slides, _withdrawn = resources
    event = make_event(
        make_event_index(),
        "Still to come",
        start=timezone.now() - timedelta(minutes=30),
        hours=2,
        follow_ups=[recording, slides],
    )
    assert after_section(client, event) is None
