"""The demo's two forms under "Get involved": live, sensible, and made only once."""

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Revision

from get_involved import demo
from get_involved.models import GetInvolvedFormField, GetInvolvedFormPage, GetInvolvedFormSubmission
from home.models import StandardPage

from .pages import get_involved_page

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        GetInvolvedFormPage.objects.count(),
        GetInvolvedFormField.objects.count(),
        Revision.objects.count(),
    )


def fields_of(page):
    return {f.clean_name: (f.field_type, f.required) for f in page.form_fields.all()}


def test_builds_two_live_forms_under_get_involved(client):
    parent = get_involved_page()

    pages = demo.build(parent)

    assert set(pages) == {"suggest-a-topic", "speak-or-facilitate"}
    for page in pages.values():
        assert page.live and page.get_parent().pk == parent.pk
        assert page.to_address.endswith("@example.org")
        assert client.get(page.url).status_code == 200
    assert fields_of(pages["suggest-a-topic"]) == {
        "your_name": ("singleline", False),
        "email": ("email", False),
        "topic": ("singleline", True),
        "why_it_matters": ("multiline", True),
        "which_workstream_does_it_fit": ("radio", False),
    }
    assert fields_of(pages["speak-or-facilitate"]) == {
        "name": ("singleline", True),
        "email": ("email", True),
        "organisation": ("singleline", False),
        "what_you_would_offer": ("multiline", True),
        "i_would_speak_from_lived_experience": ("checkbox", False),
        "accessibility_needs": ("multiline", False),
    }
    # A workstream whose name has a comma stays one choice.
    workstream = pages["suggest-a-topic"].form_fields.get(field_type="radio")
    assert "Substance Misuse, including New Psychoactive Substances and Alcohol" in (
        workstream.choices.splitlines()
    )


def test_the_demo_forms_can_be_sent(client, django_capture_on_commit_callbacks):
    page = demo.build(get_involved_page())["speak-or-facilitate"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page.url,
            {
                "name": "Lee",
                "email": "lee@example.org",
                "what_you_would_offer": "A talk on recovery.",
                "i_would_speak_from_lived_experience": "on",
            },
        )

    assert "Thank you for offering to help." in response.content.decode()
    assert GetInvolvedFormSubmission.objects.get().form_data["name"] == "Lee"
    assert mail.outbox[0].to == [demo.DEMO_TEAM_ADDRESS]


def test_running_it_again_adds_nothing():
    parent = get_involved_page()
    first = demo.build(parent)
    counts = snapshot()

    second = demo.build(parent)

    assert snapshot() == counts
    assert {slug: p.pk for slug, p in second.items()} == {slug: p.pk for slug, p in first.items()}


def test_the_demo_loader_puts_both_forms_under_get_involved(client):
    call_command("load_demo_content", verbosity=0)

    parent = StandardPage.objects.get(slug="get-involved")
    forms = GetInvolvedFormPage.objects.child_of(parent).live()
    assert sorted(forms.values_list("slug", flat=True)) == [
        "speak-or-facilitate",
        "suggest-a-topic",
    ]
    listing = client.get(parent.url).content.decode()
    assert "Suggest a topic" in listing and "Offer to speak or facilitate" in listing
