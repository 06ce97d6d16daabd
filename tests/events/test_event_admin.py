"""Editors create events and venues through the admin's real forms."""

from datetime import datetime
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.test import TestCase

from events.models import EventPage, EventType, Venue
from members.models import User

from .factories import (
    event_form_data,
    make_community,
    make_event_index,
    make_person,
    make_venue,
)

LONDON = ZoneInfo("Europe/London")


class EventAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        cls.index = make_event_index()
        cls.venue = make_venue()
        cls.workstream, cls.community = make_community()
        cls.speaker = make_person("Dan Kowalski")

    def setUp(self):
        self.client.force_login(self.admin)

    def add(self, **fields):
        return self.client.post(
            f"/admin/pages/add/events/eventpage/{self.index.pk}/",
            event_form_data(**fields, **{"action-publish": "action-publish"}),
        )

    def test_a_superuser_publishes_an_event_through_the_add_form(self):
        response = self.add(
            venue=self.venue.pk,
            workstreams=[self.workstream.pk],
            content_note="We will talk about eviction.",
            speakers=[(self.speaker, "Chairing")],
        )

        self.assertEqual(response.status_code, 302)
        event = EventPage.objects.get(slug="what-makes-a-good-hostel")
        self.assertTrue(event.live)
        self.assertEqual(event.get_parent().pk, self.index.pk)
        # Posted in UK time: 10:00 in March is 10:00 UTC.
        self.assertEqual(event.start, datetime(2030, 3, 5, 10, 0, tzinfo=LONDON))
        self.assertEqual(event.end, datetime(2030, 3, 5, 12, 30, tzinfo=LONDON))
        self.assertEqual(event.venue, self.venue)
        self.assertEqual(list(event.workstreams.all()), [self.workstream])
        self.assertEqual(
            [(s.person, s.topic) for s in event.speakers.all()], [(self.speaker, "Chairing")]
        )
        self.assertEqual(event.body[0].block_type, "paragraph")

        self.client.logout()
        page = self.client.get(event.url)
        self.assertContains(page, "Tuesday 5 March 2030, 10:00 to 12:30")
        self.assertContains(page, "Dan Kowalski")

    def test_british_summer_time_is_entered_as_clock_time(self):
        response = self.add(start="2030-07-02 10:00", end="2030-07-02 12:00")
        self.assertEqual(response.status_code, 302)
        event = EventPage.objects.get(slug="what-makes-a-good-hostel")
        self.assertEqual(event.start, datetime(2030, 7, 2, 9, 0, tzinfo=ZoneInfo("UTC")))

    def test_an_end_before_the_start_is_refused_with_a_clear_message(self):
        response = self.add(start="2030-03-05 14:00", end="2030-03-05 10:00")

        self.assertEqual(response.status_code, 200)
        self.assertFalse(EventPage.objects.exists())
        self.assertContains(response, "The end must be after the start. Check the dates and times.")
        form = response.context["form"]
        self.assertEqual(
            form.errors["end"], ["The end must be after the start. Check the dates and times."]
        )

    def test_a_community_of_practice_meeting_needs_its_community(self):
        response = self.add(event_type=EventType.COP_MEETING)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(EventPage.objects.exists())
        self.assertIn("community_of_practice", response.context["form"].errors)

        response = self.add(
            event_type=EventType.COP_MEETING, community_of_practice=self.community.pk
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(EventPage.objects.get().community_of_practice, self.community)

    def test_the_add_form_opens(self):
        response = self.client.get(f"/admin/pages/add/events/eventpage/{self.index.pk}/")
        self.assertEqual(response.status_code, 200)
        html = BeautifulSoup(response.content, "html.parser")
        for name in ("start", "end", "venue", "workstreams", "community_of_practice"):
            with self.subTest(field=name):
                self.assertIsNotNone(html.find(attrs={"name": name}))


class VenueAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")

    def test_a_superuser_adds_a_venue_with_its_access_information(self):
        self.client.force_login(self.admin)
        self.assertEqual(self.client.get("/admin/snippets/events/venue/add/").status_code, 200)

        response = self.client.post(
            "/admin/snippets/events/venue/add/",
            {
                "name": "Riverside Community Hub",
                "address": "12 Canal Street\nNottingham",
                "postcode": "NG1 7EH",
                "step_free_access": "Level entrance from Canal Street.",
                "hearing_loop": "on",
                "toilets": "Accessible toilet on the ground floor.",
                "travel": "Nottingham Station tram stop is a five-minute walk.",
            },
        )

        self.assertEqual(response.status_code, 302)
        venue = Venue.objects.get(name="Riverside Community Hub")
        self.assertTrue(venue.hearing_loop)
        self.assertFalse(venue.quiet_room)
        self.assertEqual(venue.postcode, "NG1 7EH")
        self.assertEqual(venue.locale.language_code, "en-gb")

    def test_a_venue_needs_a_name_address_and_postcode(self):
        self.client.force_login(self.admin)
        # Drafts may be saved incomplete; publishing (or submitting for review) checks every field.
        response = self.client.post(
            "/admin/snippets/events/venue/add/", {"name": "", "action-publish": "action-publish"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(response.context["form"].errors), {"name", "address", "postcode"})
        self.assertFalse(Venue.objects.exists())
