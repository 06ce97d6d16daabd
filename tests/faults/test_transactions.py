"""A booking, a sign-up, a form or a request to join interrupted by a database error is never
half-saved: the person sees the error page, nothing partial is kept, and trying again works.

Faults are injected where they happen in production: a model's save raising the database's own
error part-way through the real view. Emails go through the database queue, as in production,
so "nothing partial" includes the email that belongs with each change.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from communities.models import CommunityMembership, MembershipStatus
from editorial.roles import EDITORS, MEMBERS
from events.booking import Booking, BookingStatus
from events.booking_actions import book
from get_involved.models import GetInvolvedFormSubmission
from members.models import User
from tests.events.booking_helpers import make_bookable_event
from tests.events.factories import make_community
from tests.get_involved.pages import TEAM_ADDRESS, answers, make_form_page
from tests.members.accounts import SIGNUP_URL, signup_data
from tests.roles import make_user
from workstreams.models import CommunityOfPracticePage

from .helpers import DATABASE_QUEUE, SORRY, browser, failing_save, queued_emails_to

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_task_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def assert_error_page(response):
    assert response.status_code == 500
    assert SORRY in response.content.decode()


# Booking a place ---------------------------------------------------------------------------------


@pytest.fixture
def event(site_tree):
    return make_bookable_event(capacity=1, title="Trauma informed care", waiting_list=True)


def post_book(client, event):
    return client.post(reverse("event_book", args=[event.pk]))


@pytest.mark.parametrize(
    "failing_model", [Booking, DBTaskResult], ids=["saving the booking", "queueing its email"]
)
def test_a_booking_interrupted_by_the_database_keeps_nothing_and_can_be_made_again(
    member, event, failing_model
):
    client = browser(member)

    with failing_save(failing_model):
        response = post_book(client, event)

    assert_error_page(response)
    assert not Booking.objects.exists()
    assert queued_emails_to(member.email) == []

    response = post_book(client, event)

    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.user, booking.status) == (member, BookingStatus.CONFIRMED)
    [email] = queued_emails_to(member.email)
    assert "You have a place" in email["subject"]


def test_a_cancellation_interrupted_while_promoting_the_next_person_changes_nothing(
    member, event, site_tree
):
    waiting = make_user("waiting@example.org", MEMBERS)
    booking = book(event.pk, member)
    book(event.pk, waiting)
    client = browser(member)
    cancel = reverse("booking_cancel", args=[booking.pk])

    with failing_save(DBTaskResult):  # the email telling the next person they have a place
        response = client.post(cancel, {"confirm": "yes"})

    assert_error_page(response)
    statuses = dict(Booking.objects.values_list("user__email", "status"))
    assert statuses == {member.email: BookingStatus.CONFIRMED, waiting.email: BookingStatus.WAITING}
    assert queued_emails_to(waiting.email) and all(
        "waiting list" in email["subject"] for email in queued_emails_to(waiting.email)
    )

    response = client.post(cancel, {"confirm": "yes"})

    assert response.status_code == 302
    statuses = dict(Booking.objects.values_list("user__email", "status"))
    assert statuses == {
        member.email: BookingStatus.CANCELLED,
        waiting.email: BookingStatus.CONFIRMED,
    }
    assert any(
        "A place has come up" in email["subject"] for email in queued_emails_to(waiting.email)
    )


# Joining the hub -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failing_model",
    [EmailAddress, DBTaskResult],
    ids=["saving the email address", "queueing the verification email"],
)
def test_a_sign_up_interrupted_by_the_database_keeps_nothing_and_can_be_made_again(
    site_tree, failing_model
):
    client = browser()
    data = signup_data(email="jo@example.org", organisation="Framework")

    with failing_save(failing_model):
        response = client.post(SIGNUP_URL, data)

    assert_error_page(response)
    # No account without its group, details and address, which could never be verified and
    # would block the address from joining again.
    assert not User.objects.filter(email="jo@example.org").exists()
    assert not EmailAddress.objects.exists()
    assert queued_emails_to("jo@example.org") == []

    response = client.post(SIGNUP_URL, data)

    assert response.status_code == 302
    user = User.objects.get(email="jo@example.org")
    assert user.organisation == "Framework"
    assert list(user.groups.all()) == [Group.objects.get(name=MEMBERS)]
    assert EmailAddress.objects.get(user=user).email == "jo@example.org"
    [email] = queued_emails_to("jo@example.org")
    assert "/accounts/confirm-email/" in email["body"]


# Sending a get-involved form -------------------------------------------------------------------


@pytest.mark.parametrize(
    "failing_model",
    [GetInvolvedFormSubmission, DBTaskResult],
    ids=["saving the submission", "queueing the team's email"],
)
def test_a_form_interrupted_by_the_database_keeps_nothing_and_can_be_sent_again(
    site_tree, failing_model
):
    page = make_form_page()
    client = browser()

    with failing_save(failing_model):
        response = client.post(page.url, answers())

    assert_error_page(response)
    assert not GetInvolvedFormSubmission.objects.exists()
    assert queued_emails_to(TEAM_ADDRESS) == []

    response = client.post(page.url, answers())

    assert response.status_code == 200
    assert "Thank you, your form has been sent" in response.content.decode()
    submission = GetInvolvedFormSubmission.objects.get()
    assert submission.form_data["topic"] == "Hoarding and tenancy support"
    [email] = queued_emails_to(TEAM_ADDRESS)
    assert "Hoarding and tenancy support" in email["body"]


# Asking to join a Community of Practice --------------------------------------------------------


@pytest.fixture
def community(site_tree):
    facilitator = make_user("priya@example.org", EDITORS, first_name="Priya")
    _workstream, page = make_community("Hostel managers")
    CommunityOfPracticePage.objects.filter(pk=page.pk).update(facilitator=facilitator)
    page.refresh_from_db()
    return page


@pytest.mark.parametrize(
    "failing_model",
    [CommunityMembership, DBTaskResult],
    ids=["saving the request", "queueing the facilitator's email"],
)
def test_a_join_request_interrupted_by_the_database_keeps_nothing_and_can_be_sent_again(
    member, community, failing_model
):
    client = browser(member)
    ask = reverse("communities:ask_to_join", args=[community.pk])

    with failing_save(failing_model):
        response = client.post(ask, {"message": "I run a hostel."})

    assert_error_page(response)
    assert not CommunityMembership.objects.exists()
    assert queued_emails_to("priya@example.org") == []

    response = client.post(ask, {"message": "I run a hostel."})

    assert response.status_code == 302
    membership = CommunityMembership.objects.get()
    assert (membership.user, membership.status) == (member, MembershipStatus.PENDING)
    [email] = queued_emails_to("priya@example.org")
    assert "asked to join Hostel managers" in email["subject"]
