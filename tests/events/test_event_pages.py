from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventFormat, EventIndexPage, EventPage, EventType
from home.models import HomePage
from members.models import User

from .factories import (
    event_form_data,
    home_page,
    make_community,
    make_event,
    make_event_index,
    make_person,
    make_venue,
)

LONDON = ZoneInfo("Europe/London")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(section):
    return [heading.get_text(strip=True) for heading in section.select(".card__heading")]


class EventIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = make_event_index(introduction="Learning events across Nottingham.")

    def get(self, query=""):
        response = self.client.get(self.index.url + query)
        self.assertEqual(response.status_code, 200)
        return response

    def test_lives_under_the_home_page_and_holds_only_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanNotCreateAt(Page, EventIndexPage)
        self.assertCanNotCreateAt(EventIndexPage, EventIndexPage)

    def test_one_per_home_page(self):
        home = HomePage.objects.get(pk=self.home.pk)
        self.assertFalse(EventIndexPage.can_create_at(home))

    def test_renders_title_introduction_and_empty_states(self):
        html = soup(self.get())
        self.assertEqual(len(html.find_all("h1")), 1)
        self.assertEqual(html.h1.get_text(strip=True), "Events")
        self.assertEqual(html.h1["class"], ["page-title"])
        self.assertIn("Learning events across Nottingham.", html.main.get_text())
        self.assertEqual(
            [h2.get_text(strip=True) for h2 in html.main.find_all("h2")],
            ["Filter events", "Upcoming events", "Past events"],
        )
        empty = html.select(".empty-state")
        self.assertEqual(len(empty), 2)
        self.assertIn("no upcoming events", empty[0].get_text())
        self.assertIn("no past events", empty[1].get_text())
        self.assertIsNotNone(html.find("link", href="/static/css/events.css"))

    def test_splits_upcoming_from_past_in_the_order_people_need(self):
        now = timezone.now()
        make_event(self.index, "Next month", start=now + timedelta(days=30))
        make_event(self.index, "Next week", start=now + timedelta(days=7))
        make_event(self.index, "Last year", start=now - timedelta(days=365))
        make_event(self.index, "Last month", start=now - timedelta(days=30))
        # Ended an hour ago: past. Started an hour ago and still going: upcoming.
        make_event(self.index, "Just ended", start=now - timedelta(hours=3), hours=2)
        make_event(self.index, "Happening now", start=now - timedelta(hours=1), hours=3)
        draft = make_event(self.index, "Draft event", start=now + timedelta(days=3))
        draft.unpublish()

        html = soup(self.get())
        upcoming, past = html.select("section.event-list")

        self.assertEqual(card_titles(upcoming), ["Happening now", "Next week", "Next month"])
        self.assertEqual(card_titles(past), ["Just ended", "Last month", "Last year"])
        # Cards sit in a list under the h2 of their section, as h3s.
        self.assertEqual(upcoming.select_one("ul.card-list > li > article h3").name, "h3")

    def test_lists_only_events_in_the_index_pages_language(self):
        make_event(self.index, "In English")
        elsewhere = make_event(self.index, "In another language")
        other_locale = Locale.objects.get(language_code="pl")
        EventPage.objects.filter(pk=elsewhere.pk).update(locale=other_locale)

        upcoming = soup(self.get()).select("section.event-list")[0]
        self.assertEqual(card_titles(upcoming), ["In English"])

    def test_event_cards_show_the_date_in_words(self):
        make_event(
            self.index,
            "Hoarding awareness",
            start=datetime(2030, 3, 5, 10, 0, tzinfo=LONDON),
            end=datetime(2030, 3, 5, 12, 30, tzinfo=LONDON),
        )
        card = soup(self.get()).select_one(".card--event")
        self.assertEqual(card.time.get_text(strip=True), "Tuesday 5 March 2030, 10:00 to 12:30")
        self.assertEqual(card.time["datetime"], "2030-03-05T10:00:00+00:00")

    @mock.patch("events.models.EVENTS_PER_PAGE", 2)
    def test_each_list_has_its_own_pages_and_links_keep_the_other_lists_page(self):
        now = timezone.now()
        for day in range(1, 6):
            make_event(self.index, f"Upcoming {day}", start=now + timedelta(days=day))
            make_event(self.index, f"Past {day}", start=now - timedelta(days=day))

        html = soup(self.get("?page=2&past_page=3"))
        upcoming, past = html.select("section.event-list")

        self.assertEqual(card_titles(upcoming), ["Upcoming 3", "Upcoming 4"])
        self.assertEqual(card_titles(past), ["Past 5"])
        self.assertEqual(upcoming.nav["aria-label"], "Pages of upcoming events")
        self.assertEqual(past.nav["aria-label"], "Pages of past events")
        next_upcoming = upcoming.find("a", rel="next")["href"]
        self.assertEqual(next_upcoming, "?page=3&past_page=3#upcoming-events")
        previous_past = past.find("a", rel="prev")["href"]
        self.assertEqual(previous_past, "?page=2&past_page=2#past-events")
        current = past.find("a", attrs={"aria-current": "page"})
        self.assertEqual(current.get_text(" ", strip=True), "Page 3")

    @mock.patch("events.models.EVENTS_PER_PAGE", 2)
    def test_odd_page_numbers_never_break_the_page(self):
        now = timezone.now()
        # Two full pages in each list, so every page shows two cards from each.
        for day in range(1, 5):
            make_event(self.index, f"Upcoming {day}", start=now + timedelta(days=day))
            make_event(self.index, f"Past {day}", start=now - timedelta(days=day))
        odd_values = ["abc", "-1", "0", "99999", "1.5", "", "%00", "9" * 400]
        for value in odd_values:
            for param in ("page", "past_page"):
                with self.subTest(param=param, value=value):
                    html = soup(self.get(f"?{param}={value}"))
                    self.assertEqual(len(html.select(".card--event")), 4)
        html = soup(self.get("?page=abc&past_page=99999"))
        upcoming, past = html.select("section.event-list")
        self.assertEqual(card_titles(upcoming), ["Upcoming 1", "Upcoming 2"])
        self.assertEqual(card_titles(past), ["Past 3", "Past 4"])

    def test_the_number_of_queries_does_not_grow_with_the_number_of_events(self):
        now = timezone.now()
        venue = make_venue()

        def count_queries():
            with CaptureQueriesContext(connection) as queries:
                self.get()
            return len(queries)

        self.get()  # The first request may set up site-wide records; count from the second.
        for day in range(1, 3):
            make_event(self.index, f"Soon {day}", start=now + timedelta(days=day), venue=venue)
            make_event(self.index, f"Gone {day}", start=now - timedelta(days=day), venue=venue)
        few = count_queries()
        for day in range(3, 9):
            make_event(self.index, f"Soon {day}", start=now + timedelta(days=day), venue=venue)
            make_event(self.index, f"Gone {day}", start=now - timedelta(days=day), venue=venue)
        self.assertEqual(count_queries(), few)

    def test_is_renderable_and_editable(self):
        admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        self.assertPageIsRenderable(self.index)
        self.assertPageIsEditable(self.index, user=admin)
        self.assertPageIsPreviewable(self.index, user=admin)


class EventPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_event_index()
        cls.venue = make_venue()
        cls.workstream, cls.community = make_community()
        cls.speaker = make_person(
            "Lee",
            role="Expert by experience",
            lived_experience=True,
            bio="Lee helps design events.",
        )
        cls.chair = make_person("Dan Kowalski", role="Housing First coordinator")

    def make_full_event(self, **fields):
        fields = {
            "title": "What makes a good hostel?",
            "start": timezone.now() + timedelta(days=10),
            "summary": "Hostel staff and residents on what makes a hostel feel safe.",
            "venue": self.venue,
            "event_format": EventFormat.HYBRID,
            "content_note": "We will talk about suicide and self-harm.",
            "body": [
                ("paragraph", "<p>We look at hostel rules, staffing and space.</p>"),
                ("content_note", {"text": "This part covers eviction."}),
            ],
            "adjustments": "<p>Ask for BSL interpreting two weeks ahead.</p>",
            "booking_information": "<p>Free for members of the hub.</p>",
            "booking_url": "https://booking.example.org/good-hostel",
            "speakers": [(self.chair, "Chairing"), (self.speaker, "What helped me")],
            **fields,
        }
        event = make_event(self.index, **fields)
        event.workstreams.set([self.workstream])
        event.community_of_practice = self.community
        event.save()
        return event

    def get(self, event):
        response = self.client.get(event.url)
        self.assertEqual(response.status_code, 200)
        return soup(response)

    def test_lives_only_in_the_event_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)

    def test_shows_what_when_and_where(self):
        event = self.make_full_event(
            start=datetime(2030, 3, 5, 10, 0, tzinfo=LONDON),
            end=datetime(2030, 3, 5, 12, 30, tzinfo=LONDON),
        )
        html = self.get(event)

        self.assertEqual(len(html.find_all("h1")), 1)
        self.assertEqual(html.h1.get_text(strip=True), "What makes a good hostel?")
        self.assertIn("what makes a hostel feel safe", html.main.get_text())
        meta = html.select_one("dl.meta-list")
        rows = dict(
            zip(
                [dt.get_text(strip=True) for dt in meta.find_all("dt")],
                meta.find_all("dd"),
                strict=True,
            )
        )
        self.assertEqual(list(rows), ["When", "Type", "Format", "Where"])
        self.assertEqual(
            rows["When"].time.get_text(strip=True), "Tuesday 5 March 2030, 10:00 to 12:30"
        )
        self.assertEqual(rows["When"].time["datetime"], "2030-03-05T10:00:00+00:00")
        self.assertEqual(rows["Type"].get_text(strip=True), "Learning event")
        self.assertEqual(rows["Format"].get_text(strip=True), "Hybrid (in person and online)")
        self.assertIn("Maid Marian Way", rows["Where"].get_text())
        map_link = rows["Where"].find("a")
        self.assertEqual(map_link.get_text(strip=True), "Map of NCVS, Byron House")
        self.assertEqual(map_link["href"], "https://www.openstreetmap.org/search?query=NG1%206HL")
        self.assertIn("join online", rows["Where"].get_text())

    def test_headings_are_in_order_and_sections_are_all_there(self):
        html = self.get(self.make_full_event())
        headings = [(h.name, h.get_text(strip=True)) for h in html.main.find_all(["h1", "h2"])]
        self.assertEqual(
            headings,
            [
                ("h1", "What makes a good hostel?"),
                ("h2", "About this event"),
                ("h2", "Speakers"),
                ("h2", "Accessibility"),
                ("h2", "Asking for adjustments"),
                ("h2", "Booking"),
                ("h2", "Part of"),
            ],
        )
        self.assertIsNone(html.main.find(style=True))
        self.assertIsNone(html.main.find("script"))

    def test_content_note_comes_before_the_body(self):
        html = self.get(self.make_full_event())
        note = html.select_one(".event > .content-note")
        self.assertIn("We will talk about suicide and self-harm.", note.get_text())
        body_text = html.find(string=lambda s: "hostel rules" in s)
        self.assertIn(body_text, note.find_all_next(string=True))
        self.assertNotIn(body_text, note.find_all_previous(string=True))

    def test_no_content_note_box_without_a_note(self):
        html = self.get(self.make_full_event(content_note="", body=[("paragraph", "<p>Hi</p>")]))
        self.assertEqual(html.select(".content-note"), [])

    def test_credits_speakers_with_their_part(self):
        html = self.get(self.make_full_event())
        speakers = html.select(".event-speakers .person")
        self.assertEqual(
            [p.select_one(".person__name").get_text(strip=True) for p in speakers],
            ["Dan Kowalski", "Lee"],
        )
        self.assertEqual(speakers[0].select_one(".person__note").get_text(), "Chairing")
        self.assertIn("Contributor with lived experience", speakers[1].get_text())

    def test_accessibility_comes_from_the_venue(self):
        html = self.get(self.make_full_event())
        access = html.select_one(".event-accessibility dl")
        rows = {
            dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
            for dt in access.find_all("dt")
        }
        self.assertEqual(
            rows,
            {
                "Step-free access": self.venue.step_free_access,
                "Hearing loop": "Yes, in the event room.",
                "Quiet room": "Yes, you can use it at any time during the event.",
                "Toilets": self.venue.toilets,
                "Getting there": f"{self.venue.travel} Map of NCVS, Byron House",
            },
        )

    def test_says_no_when_the_venue_has_no_loop_or_quiet_room(self):
        venue = make_venue(name="Community room", hearing_loop=False, quiet_room=False, travel="")
        html = self.get(self.make_full_event(venue=venue, event_format=EventFormat.IN_PERSON))
        access = html.select_one(".event-accessibility").get_text(" ", strip=True)
        self.assertIn("Hearing loop No.", access)
        self.assertIn("Quiet room No.", access)
        self.assertIn("Getting there We do not have this information yet", access)

    def test_online_events_have_no_venue_or_accessibility_section(self):
        html = self.get(
            self.make_full_event(
                event_type=EventType.WEBINAR, event_format=EventFormat.ONLINE, venue=None
            )
        )
        self.assertEqual(html.select(".event-accessibility"), [])
        self.assertIn("Online", html.select_one("dl.meta-list").get_text())
        self.assertIsNone(html.find("a", href=lambda h: h and "openstreetmap" in h))

    def test_upcoming_event_offers_booking_and_adjustments(self):
        html = self.get(self.make_full_event())
        self.assertNotIn("This event has finished", html.main.get_text())
        self.assertIn("Ask for BSL interpreting", html.select_one(".event-adjustments").get_text())
        booking = html.select_one(".event-booking")
        self.assertIn("Free for members of the hub.", booking.get_text())
        button = booking.select_one("a.button")
        self.assertEqual(button["href"], "https://booking.example.org/good-hostel")
        self.assertEqual(
            button.get_text(" ", strip=True), "Book a place at What makes a good hostel?"
        )
        self.assertEqual(
            button.select_one(".visually-hidden").get_text(strip=True),
            "at What makes a good hostel?",
        )

    def test_past_event_says_it_has_finished_and_booking_has_closed(self):
        event = self.make_full_event(start=timezone.now() - timedelta(days=2))
        html = self.get(event)
        self.assertEqual(
            html.select_one(".event-finished").get_text(strip=True), "This event has finished."
        )
        booking = html.select_one(".event-booking")
        self.assertIn("Booking has closed", booking.get_text())
        self.assertIsNone(booking.find("a"))
        self.assertEqual(html.select(".event-adjustments"), [])

    def test_an_event_is_bookable_until_it_ends(self):
        with freeze_time("2030-03-05 11:00:00"):
            started = self.make_full_event(
                title="Started an hour ago",
                start=timezone.now() - timedelta(hours=1),
                end=timezone.now() + timedelta(hours=1),
            )
            ended = self.make_full_event(
                title="Ended an hour ago",
                start=timezone.now() - timedelta(hours=3),
                end=timezone.now() - timedelta(hours=1),
            )
            self.assertFalse(started.has_finished)
            self.assertTrue(ended.has_finished)
            self.assertIsNotNone(self.get(started).select_one(".event-booking a.button"))
            self.assertIn("Booking has closed", self.get(ended).main.get_text())

    def test_british_summer_time_shows_london_clock_time(self):
        event = self.make_full_event(
            start=datetime(2030, 7, 2, 10, 0, tzinfo=LONDON),
            end=datetime(2030, 7, 2, 12, 0, tzinfo=LONDON),
        )
        # Stored in UTC, an hour earlier.
        self.assertEqual(EventPage.objects.get(pk=event.pk).start.hour, 9)
        when = self.get(event).select_one("dl.meta-list time")
        self.assertEqual(when.get_text(strip=True), "Tuesday 2 July 2030, 10:00 to 12:00")
        self.assertEqual(when["datetime"], "2030-07-02T10:00:00+01:00")

    def test_links_its_community_and_workstreams_when_published(self):
        event = self.make_full_event()
        links = self.get(event).select(".event-related a")
        self.assertEqual(
            [(a.get_text(strip=True), a["href"]) for a in links],
            [
                ("Hostel managers", self.community.url),
                ("Housing First and Homelessness", self.workstream.url),
            ],
        )
        self.community.unpublish()
        self.workstream.unpublish()
        self.assertEqual(self.get(event).select(".event-related"), [])

    def test_refuses_an_end_before_the_start(self):
        start = timezone.now() + timedelta(days=1)
        event = EventPage(title="Backwards", summary="x", start=start, end=start)
        with self.assertRaisesMessage(ValidationError, "The end must be after the start."):
            event.clean()

    def test_refuses_a_community_meeting_without_its_community(self):
        start = timezone.now() + timedelta(days=1)
        event = EventPage(
            title="Meeting",
            summary="x",
            start=start,
            end=start + timedelta(hours=1),
            event_type=EventType.COP_MEETING,
        )
        with self.assertRaisesMessage(ValidationError, "Choose which Community of Practice"):
            event.clean()

    def test_is_renderable_editable_and_previewable(self):
        admin = User.objects.create_superuser("admin@example.org", "a-long-admin-password")
        event = self.make_full_event()
        self.assertPageIsRenderable(event)
        self.assertPageIsPreviewable(
            event,
            user=admin,
            post_data=event_form_data(
                title=event.title,
                slug=event.slug,
                speakers=[(self.speaker, "What helped me")],
                workstreams=[self.workstream.pk],
            ),
        )
        # A new event, never saved, previews too (it has no calendar file yet).
        preview = reverse(
            "wagtailadmin_pages:preview_on_add", args=["events", "eventpage", self.index.pk]
        )
        self.client.force_login(admin)
        response = self.client.post(preview, event_form_data(slug="brand-new"))
        self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
        response = self.client.get(preview)
        self.assertEqual(response.status_code, 200)
        html = soup(response)
        self.assertIsNone(html.find("a", type="text/calendar"))
        self.assertIsNotNone(html.find("script", type="application/ld+json"))
        # assertPageIsEditable cannot post a StreamField (the admin's JavaScript builds it), so
        # test_event_admin.py posts real forms; here the edit view opens.
        self.client.force_login(admin)
        self.assertEqual(self.client.get(f"/admin/pages/{event.pk}/edit/").status_code, 200)
