"""An editor previews a new Community of Practice before saving it."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.home.content import make_workstream
from tests.roles import client_for

pytestmark = pytest.mark.django_db


def test_a_new_community_can_be_previewed_before_it_is_saved(home, editor):
    workstream = make_workstream(home, "Housing First and Homelessness")
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("workstreams", "communityofpracticepage", workstream.pk),
    )
    form = nested_form_data(
        {
            "title": "Hostel managers",
            "slug": "hostel-managers",
            "summary": "Managers of hostels learning together.",
            "purpose": rich_text("<p>Share what works.</p>"),
            "who_it_is_for": rich_text("<p>Hostel managers.</p>"),
            "meeting_pattern": "Monthly",
            "how_to_join": rich_text("<p>Ask to join.</p>"),
            "facilitator": "",
            "body": streamfield([]),
        }
    )
    client = client_for(editor)
    assert client.post(url, form).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "Managers of hostels learning together." in response.content.decode()
