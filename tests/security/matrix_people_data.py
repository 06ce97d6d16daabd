"""Personal data in the admin: form submissions, event attendees, community members, member
reports. Each is for the people named in DESIGN.md and the module that serves it; a refusal means
not one name, address or answer comes back.

COVERED rows are tested in tests/get_involved/test_admin_submissions.py (staff roles, members,
visitors), tests/events/test_booking_staff.py (attendees), tests/communities/
test_membership_admin.py (community members) and tests/members/test_staff_reports.py (reports).
The section team's own workstream has no form pages, events or reports of its own, so those rows
are NOT_APPLICABLE.
"""

from django.urls import reverse
from django.utils import timezone

from communities.models import CommunityMembership, MembershipStatus
from events.booking import Booking
from events.booking_actions import book
from get_involved.models import GetInvolvedFormSubmission
from tests.events.booking_helpers import make_bookable_event
from tests.get_involved.pages import make_form_page
from tests.roles import make_user
from tests.workstreams.factories import make_community

from .matrix_core import (
    ALLOWED,
    COVERED,
    NOT_APPLICABLE,
    REFUSED,
    SIGN_IN,
    Action,
    table,
    text_of,
)

PRIVATE_ANSWER = "My manager ignores safeguarding reports"
PRIVATE_EMAIL = "jo.private@example.org"


def shows_private(words):
    return lambda _target, response: response.status_code == 200 and words in text_of(response)


def a_person():
    return make_user(
        PRIVATE_EMAIL,
        "Members",
        first_name="Jo",
        last_name="Bloggs",
        organisation="Framework Housing",
        organisation_type="housing",
        work_postcode="NG7 2RD",
    )


# Form submissions (get_involved) ---------------------------------------------------------------


def a_submission(_scene):
    page = make_form_page()
    return GetInvolvedFormSubmission.objects.create(
        page=page, form_data={"topic": PRIVATE_ANSWER, "your_name": "Sam Okafor"}
    )


SUBMISSIONS = Action(
    "form submissions: list",
    prepare=a_submission,
    attempt=lambda client, submission: client.get(
        reverse("wagtailforms:list_submissions", args=(submission.page_id,))
    ),
    happened=shows_private(PRIVATE_ANSWER),
)

SUBMISSIONS_CSV = Action(
    "form submissions: CSV",
    prepare=a_submission,
    attempt=lambda client, submission: client.get(
        reverse("wagtailforms:list_submissions", args=(submission.page_id,)), {"export": "csv"}
    ),
    happened=shows_private(PRIVATE_ANSWER),
)

DELETE_SUBMISSION = Action(
    "form submissions: delete",
    prepare=a_submission,
    attempt=lambda client, submission: client.post(
        reverse("wagtailforms:delete_submissions", args=(submission.page_id,))
        + f"?selected-submissions={submission.pk}"
    ),
    happened=lambda submission, _response: (
        not GetInvolvedFormSubmission.objects.filter(pk=submission.pk).exists()
    ),
)

# Event attendees (events/attendance.py) --------------------------------------------------------


def a_booked_event(_scene):
    event = make_bookable_event(capacity=5, title="Hostel managers meet")
    book(event.pk, a_person())
    return event


ATTENDEES = Action(
    "event attendees: list",
    prepare=a_booked_event,
    attempt=lambda client, event: client.get(reverse("event_attendees", args=(event.pk,))),
    happened=shows_private(PRIVATE_EMAIL),
)

ATTENDEES_CSV = Action(
    "event attendees: CSV",
    prepare=a_booked_event,
    attempt=lambda client, event: client.get(reverse("event_attendees_csv", args=(event.pk,))),
    happened=shows_private(PRIVATE_EMAIL),
)


def record_attendance(client, event):
    booking = Booking.objects.get(event=event)
    return client.post(reverse("event_attendees", args=(event.pk,)), {"attended": [booking.pk]})


RECORD_ATTENDANCE = Action(
    "event attendees: record attendance",
    prepare=a_booked_event,
    attempt=record_attendance,
    happened=lambda event, _response: Booking.objects.get(event=event).attended is True,
)

# Community members (communities/join_admin.py) ------------------------------------------------


def a_community_with_a_member(scene):
    community = make_community(scene.workstream, title="Hostel managers")
    CommunityMembership.objects.create(
        community=community,
        user=a_person(),
        status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
    )
    return community


COMMUNITY_MEMBERS = Action(
    "community members: list",
    prepare=a_community_with_a_member,
    attempt=lambda client, _community: client.get(reverse("communities_mine")),
    happened=shows_private(PRIVATE_EMAIL),
)

COMMUNITY_MEMBERS_CSV = Action(
    "community members: CSV",
    prepare=a_community_with_a_member,
    attempt=lambda client, community: client.get(
        reverse("communities_members_csv", args=(community.pk,))
    ),
    happened=shows_private(PRIVATE_EMAIL),
)

# Reports about members (members/reports.py) ---------------------------------------------------


def a_member_who_wants_emails(_scene):
    person = a_person()
    person.set_email_consent(True)
    person.save()
    return person


MEMBER_COUNTS = Action(
    "report: members by organisation type and area",
    prepare=lambda _scene: a_person(),
    attempt=lambda client, _person: client.get(reverse("members_counts")),
    happened=shows_private("NG7"),
)

EMAIL_LIST = Action(
    "report: members who want emails",
    prepare=a_member_who_wants_emails,
    attempt=lambda client, _person: client.get(reverse("members_email_list")),
    happened=shows_private(PRIVATE_EMAIL),
)

EMAIL_LIST_CSV = Action(
    "report: members who want emails, CSV",
    prepare=a_member_who_wants_emails,
    attempt=lambda client, _person: client.get(reverse("members_email_list"), {"export": "csv"}),
    happened=shows_private(PRIVATE_EMAIL),
)

NA = NOT_APPLICABLE

# fmt: off
ROWS = table(
    # action               anonymous member   editor   section  own      reviewer administrator
    (SUBMISSIONS,           COVERED, COVERED, COVERED, REFUSED, NA,      COVERED, COVERED),
    (SUBMISSIONS_CSV,       COVERED, COVERED, COVERED, REFUSED, NA,      COVERED, COVERED),
    (DELETE_SUBMISSION,     COVERED, COVERED, COVERED, REFUSED, NA,      COVERED, COVERED),
    (ATTENDEES,             COVERED, COVERED, COVERED, REFUSED, NA,      COVERED, COVERED),
    (ATTENDEES_CSV,         COVERED, COVERED, COVERED, REFUSED, NA,      COVERED, COVERED),
    (RECORD_ATTENDANCE,     COVERED, COVERED, COVERED, REFUSED, NA,      ALLOWED, ALLOWED),
    (COMMUNITY_MEMBERS,     SIGN_IN, SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, ALLOWED),
    (COMMUNITY_MEMBERS_CSV, SIGN_IN, SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, ALLOWED),
    (MEMBER_COUNTS,         SIGN_IN, COVERED, COVERED, REFUSED, NA,      COVERED, COVERED),
    (EMAIL_LIST,            SIGN_IN, COVERED, COVERED, REFUSED, NA,      COVERED, COVERED),
    (EMAIL_LIST_CSV,        SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
)
# fmt: on
