"""Demo content: two upcoming events booked on this site and a booking for the demo member."""

import pytest
from wagtail.models import Revision

from events import demo
from events.booking import Booking
from events.models import EventFormat, EventPage
from tests.roles import make_user

from .test_demo import inputs  # noqa: F401

pytestmark = pytest.mark.django_db


def test_demo_bookings_are_built_once(inputs):  # noqa: F811
    member = make_user(demo.DEMO_MEMBER_EMAIL)
    demo.build(**inputs)
    bookable = EventPage.objects.filter(booking_method="here")
    online = bookable.get(event_format=EventFormat.ONLINE)
    in_person = bookable.get(event_format=EventFormat.IN_PERSON)
    assert online.joining_url == demo.DEMO_JOINING_URL
    assert in_person.capacity == 3
    assert Booking.objects.get(user=member).event == online

    revisions = Revision.objects.count()
    demo.build(**inputs)
    assert Revision.objects.count() == revisions
    assert Booking.objects.count() == 1
