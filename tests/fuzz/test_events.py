"""The events page's filters and pages, the feeds, and every calendar file."""

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

EVENT_PARAMETERS = ["workstream", "type", "format", "month", "page", "past_page"]
KNOWN_VALUES = ["housing-first", "webinar", "online", "in_person", "hybrid", "2030-01", "2026-13"]
FEEDS = ["/feeds/events.rss", "/feeds/events.atom", "/events/calendar.ics"]

ids = st.one_of(st.integers(min_value=0, max_value=2**70), st.sampled_from(["0", "00", "9" * 40]))
slugs = st.one_of(st.sampled_from(["housing-first", "hostel-managers", "peer-mentors"]), some.text)


class EventFuzzTests(FuzzTestCase):
    @given(prefix=some.language_prefixes, query=some.query_strings(EVENT_PARAMETERS))
    def test_the_events_page_answers_any_query_string(self, prefix, query):
        self.get(self.visitor(), prefix + self.site.events.url, query)

    @given(query=some.filter_queries(EVENT_PARAMETERS, KNOWN_VALUES, max_size=8))
    def test_filters_combine_with_any_values(self, query):
        response = self.get(self.visitor(), self.site.events.url, query)
        assert response.status_code == 200

    @given(
        prefix=some.language_prefixes,
        feed=st.sampled_from(FEEDS),
        query=some.query_strings(["page", "workstream", "type"]),
    )
    def test_feeds_and_the_calendar_answer_any_query_string(self, prefix, feed, query):
        self.get(self.visitor(), prefix + feed, query)

    @given(prefix=some.language_prefixes, event_id=ids, query=some.query_strings(["page"]))
    def test_any_event_calendar_id(self, prefix, event_id, query):
        self.get(self.visitor(), f"{prefix}/events/{event_id}/calendar.ics", query)

    @given(
        prefix=some.language_prefixes,
        kind=st.sampled_from(["workstreams", "communities"]),
        slug=slugs,
    )
    def test_any_workstream_or_community_calendar(self, prefix, kind, slug):
        self.get(self.visitor(), f"{prefix}/events/{kind}/{some.encode(slug)}/calendar.ics")

    def test_the_site_has_calendars_to_find(self):
        """The fuzzed addresses reach real calendars too: the site content is as intended."""
        client = self.visitor()
        for path in (
            f"/events/{self.site.upcoming.pk}/calendar.ics",
            "/events/workstreams/housing-first/calendar.ics",
            "/events/communities/hostel-managers/calendar.ics",
        ):
            response = client.get(path)
            assert response.status_code == 200
            assert b"What makes a good hostel?" in response.content
