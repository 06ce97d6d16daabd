"""A member's sent forms are in their data download and go when they delete their account."""

import json

import pytest

from get_involved.models import GetInvolvedFormSubmission
from members.personal_data import collect_personal_data, erase_personal_data
from tests.roles import client_for, make_user

from .pages import answers, make_form_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_forms(member, client, django_capture_on_commit_callbacks):
    """Two forms from the member, one from another member and one from a visitor."""
    topics = make_form_page()
    speakers = make_form_page(title="Offer to speak", slug="offer-to-speak")
    other = make_user("other@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(member).post(topics.url, answers(topic="Hoarding"))
        client_for(member).post(speakers.url, answers(topic="Peer mentoring"))
        client_for(other).post(topics.url, answers(topic="Someone else's idea"))
        client.post(topics.url, answers(topic="A visitor's idea"))


@pytest.mark.usefixtures("sent_forms")
def test_the_download_lists_the_members_own_forms_only(member):
    section = collect_personal_data(member)["get_involved_forms"]

    assert [(item["form"], item["answers"]["topic"]) for item in section] == [
        ("Suggest a topic", "Hoarding"),
        ("Offer to speak", "Peer mentoring"),
    ]
    sent = GetInvolvedFormSubmission.objects.get(form_data__topic="Hoarding").submit_time
    assert section[0]["sent_at"] == sent.isoformat()
    assert section[0]["answers"]["email"] == "sam@example.org"
    json.dumps(section)  # ready for the JSON download as it is


@pytest.mark.usefixtures("sent_forms")
def test_deleting_the_account_erases_only_the_members_forms(member):
    erase_personal_data(member)

    assert not GetInvolvedFormSubmission.objects.filter(user=member).exists()
    remaining = GetInvolvedFormSubmission.objects.values_list("form_data__topic", flat=True)
    assert sorted(remaining) == ["A visitor's idea", "Someone else's idea"]
    assert collect_personal_data(member)["get_involved_forms"] == []
