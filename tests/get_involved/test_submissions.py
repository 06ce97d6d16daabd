"""Sending a form: stored, emailed to the team by the worker, and every way it can go wrong."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from get_involved.forms import HONEYPOT_FIELD_NAME
from get_involved.models import GetInvolvedFormSubmission
from tests.roles import client_for

from .pages import TEAM_ADDRESS, answers, is_never_cached, make_form_page

pytestmark = pytest.mark.django_db

TOO_MANY = "You have sent too many forms in a short time."


@pytest.fixture
def form_page(db):
    return make_form_page()


def send(client, page, data, on_commit, **extra):
    with on_commit(execute=True):
        return client.post(page.url, data, **extra)


def test_a_valid_form_is_stored_and_thanked_for(
    client, form_page, django_capture_on_commit_callbacks
):
    response = send(client, form_page, answers(), django_capture_on_commit_callbacks)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Thank you, your form has been sent"
    assert "Thank you for your suggestion." in html.main.get_text()
    assert html.main.find("a", string="Back to Get involved")["href"] == form_page.get_parent().url
    assert is_never_cached(response)

    submission = GetInvolvedFormSubmission.objects.get()
    assert submission.page_id == form_page.pk
    assert submission.user is None
    assert submission.form_data == {
        "your_name": "Sam Okafor",
        "email": "sam@example.org",
        "topic": "Hoarding and tenancy support",
        "why_it_matters": "Several of our tenants are at risk of eviction.",
        "workstream": "Housing First and Homelessness",
        "lived_experience": True,
    }


def test_the_team_is_emailed_through_the_worker_once_the_submission_is_saved(
    client, form_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(form_page.url, answers())
    # Nothing is sent inside the request: the email is queued for when the data is committed.
    assert mail.outbox == []
    assert len(callbacks) == 1

    callbacks[0]()

    [email] = mail.outbox
    assert email.to == [TEAM_ADDRESS]
    assert email.subject == "New submission: Suggest a topic"
    assert email.reply_to == ["sam@example.org"]
    assert 'Someone sent the form "Suggest a topic"' in email.body
    assert "Topic: Hoarding and tenancy support" in email.body
    assert "Lived experience: Yes" in email.body
    assert HONEYPOT_FIELD_NAME not in email.body
    page_id = form_page.pk
    assert f"http://testserver/admin/forms/submissions/{page_id}/" in email.body


def test_the_email_uses_the_editors_subject_and_addresses(
    client, django_capture_on_commit_callbacks
):
    page = make_form_page(
        to_address="team@example.org, lead@example.org",
        from_address="forms@example.org",
        subject="Topic suggestion",
    )

    send(client, page, answers(email="", lived_experience=None), django_capture_on_commit_callbacks)

    [email] = mail.outbox
    assert email.to == ["team@example.org", "lead@example.org"]
    assert email.from_email == "forms@example.org"
    assert email.subject == "Topic suggestion"
    assert email.reply_to == []
    assert "Email: (not answered)" in email.body
    assert "Lived experience: No" in email.body


def test_no_address_means_no_email_but_the_submission_is_kept(
    client, django_capture_on_commit_callbacks
):
    page = make_form_page(to_address="")

    send(client, page, answers(), django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert GetInvolvedFormSubmission.objects.count() == 1


def test_a_signed_in_members_submission_is_linked_to_them(
    member, form_page, django_capture_on_commit_callbacks
):
    send(client_for(member), form_page, answers(), django_capture_on_commit_callbacks)

    assert GetInvolvedFormSubmission.objects.get().user == member
    assert "Sent by the signed-in member member@example.org." in mail.outbox[0].body


def test_errors_are_summarised_linked_to_their_fields_and_keep_what_was_typed(
    client, form_page, django_capture_on_commit_callbacks
):
    data = answers(topic="", email="not-an-email")

    response = send(client, form_page, data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert is_never_cached(response)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.title.get_text().startswith("Error: Suggest a topic")
    summary = html.find(class_="error-summary")
    assert summary["role"] == "alert"
    assert {a["href"] for a in summary.find_all("a")} == {"#id_topic", "#id_email"}
    topic = html.find(id="id_topic")
    assert topic["aria-invalid"] == "true"
    assert topic["aria-describedby"] == "id_topic_helptext id_topic_error"
    assert "This field is required." in html.find(id="id_topic_error").get_text()
    # Everything typed is still there.
    assert html.find(id="id_your_name")["value"] == "Sam Okafor"
    assert html.find(id="id_email")["value"] == "not-an-email"
    assert html.find(id="id_why_it_matters").get_text().strip() == data["why_it_matters"]
    assert html.find("input", value="Housing First and Homelessness").has_attr("checked")
    assert html.find(id="id_lived_experience").has_attr("checked")
    assert not GetInvolvedFormSubmission.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("field", "limit", "label"),
    [("topic", 255, "Topic"), ("why_it_matters", 5000, "Why it matters")],
)
def test_answers_over_the_length_limit_are_refused_with_a_clear_message(
    client, form_page, django_capture_on_commit_callbacks, field, limit, label
):
    too_long = "a" * (limit + 1)

    response = send(
        client, form_page, answers(**{field: too_long}), django_capture_on_commit_callbacks
    )

    html = BeautifulSoup(response.content, "html.parser")
    error = html.find(id=f"id_{field}_error").get_text(" ", strip=True)
    assert f"{label} must be {limit:,} characters or fewer. You have typed {limit + 1:,}." in error
    assert too_long in response.content.decode()  # kept, so it can be shortened
    assert not GetInvolvedFormSubmission.objects.exists()

    send(client, form_page, answers(**{field: "a" * limit}), django_capture_on_commit_callbacks)
    assert GetInvolvedFormSubmission.objects.count() == 1


def test_a_filled_honeypot_looks_like_success_but_keeps_and_sends_nothing(
    client, form_page, django_capture_on_commit_callbacks
):
    data = answers(**{HONEYPOT_FIELD_NAME: "https://spam.example.com"})

    response = send(client, form_page, data, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "Thank you, your form has been sent" in response.content.decode()
    assert not GetInvolvedFormSubmission.objects.exists()
    assert mail.outbox == []


def test_an_empty_honeypot_is_not_stored_with_the_answers(
    client, form_page, django_capture_on_commit_callbacks
):
    send(
        client, form_page, answers(**{HONEYPOT_FIELD_NAME: ""}), django_capture_on_commit_callbacks
    )

    assert HONEYPOT_FIELD_NAME not in GetInvolvedFormSubmission.objects.get().form_data


def test_too_many_submissions_from_one_address_are_refused_with_429(
    client, form_page, settings, django_capture_on_commit_callbacks
):
    settings.PDU_FORM_RATE_LIMIT = "3/h"
    for _ in range(5):
        assert client.get(form_page.url).status_code == 200  # reading the form costs nothing
    for number in range(3):
        response = send(
            client, form_page, answers(topic=f"Topic {number}"), django_capture_on_commit_callbacks
        )
        assert response.status_code == 200

    response = send(
        client, form_page, answers(topic="One too many"), django_capture_on_commit_callbacks
    )

    assert response.status_code == 429
    assert is_never_cached(response)
    html = BeautifulSoup(response.content, "html.parser")
    assert TOO_MANY in html.find(class_="error-summary").get_text()
    assert html.find(id="id_topic")["value"] == "One too many"
    assert GetInvolvedFormSubmission.objects.count() == 3
    assert len(mail.outbox) == 3

    # Another address is not held back by this one.
    other = send(
        client, form_page, answers(), django_capture_on_commit_callbacks, REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 200
    assert GetInvolvedFormSubmission.objects.count() == 4


def test_the_default_limit_is_five_an_hour(client, form_page, django_capture_on_commit_callbacks):
    statuses = [
        send(client, form_page, answers(), django_capture_on_commit_callbacks).status_code
        for _ in range(6)
    ]

    assert statuses == [200] * 5 + [429]
