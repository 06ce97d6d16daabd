"""Booking a place and cancelling it, as a member, with any ids and any form data."""

from hypothesis import given
from hypothesis import strategies as st

from events.booking_actions import book
from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

# Ids that exist (an event, a booking) now and then, so examples get past the look-up.
event_ids = st.one_of(
    st.integers(min_value=0, max_value=2**70), st.sampled_from(["upcoming", "members_event"])
)
booking_ids = st.one_of(st.integers(min_value=0, max_value=2**70), st.just("own"))
BOOKING_FIELDS = {"confirm": some.with_awkward("yes", "no"), "next": some.text}


class BookingFuzzTests(FuzzTestCase):
    @given(
        prefix=some.language_prefixes,
        event_id=event_ids,
        body=some.form_bodies(BOOKING_FIELDS),
        signed_in=st.booleans(),
    )
    def test_booking_any_event(self, prefix, event_id, body, signed_in):
        if isinstance(event_id, str):
            event_id = getattr(self.site, event_id).pk
        client = self.signed_in() if signed_in else self.visitor()
        self.post(client, f"{prefix}/accounts/bookings/events/{event_id}/book/", body)

    @given(
        prefix=some.language_prefixes, booking_id=booking_ids, body=some.form_bodies(BOOKING_FIELDS)
    )
    def test_cancelling_any_booking(self, prefix, booking_id, body):
        if booking_id == "own":
            booking_id = book(self.site.upcoming.pk, self.site.member).pk
        client = self.signed_in()
        self.post(client, f"{prefix}/accounts/bookings/{booking_id}/cancel/", body)
