"""A small site with something on every kind of page, built once per test class.

FuzzTestCase builds it in setUpTestData and rolls each example back to it, so no example sees
what the one before it booked, saved or sent, and rate limits start afresh each time.
"""

from datetime import timedelta
from types import SimpleNamespace

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from hypothesis.extra.django import TestCase as HypothesisTestCase
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from editorial.roles import MEMBERS
from events.models import BookingMethod, EventFormat, EventType
from members.restrictions import restrict_to_members
from tests.events.factories import make_event, make_event_index, make_venue
from tests.get_involved.pages import make_form_page
from tests.library.factories import (
    AudienceFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TopicFactory,
    WorkstreamIndexPageFactory,
    WorkstreamPageFactory,
    make_document,
)
from tests.roles import make_user
from tests.site_tree import ensure_site_tree
from workstreams.models import CommunityOfPracticePage

# What a visitor may get back. 400 and 200 carry validation messages; 403 is a refusal page.
HANDLED = {200, 301, 302, 303, 400, 403, 404, 405, 429}

# Every type of field an editor can add to a get-involved form.
EVERY_FIELD_TYPE = [
    {"label": "Your name", "field_type": "singleline"},
    {"label": "Email", "field_type": "email"},
    {"label": "Why it matters", "field_type": "multiline", "required": False},
    {"label": "How many", "field_type": "number", "required": False},
    {"label": "Website", "field_type": "url", "required": False},
    {"label": "Agree", "field_type": "checkbox", "required": False},
    {
        "label": "Topics",
        "field_type": "checkboxes",
        "choices": "Housing\nHealth",
        "required": False,
    },
    {"label": "Area", "field_type": "dropdown", "choices": "City\nCounty", "required": False},
    {"label": "Days", "field_type": "multiselect", "choices": "Mon\nTue", "required": False},
    {"label": "Role", "field_type": "radio", "choices": "Worker\nManager", "required": False},
    {"label": "Start date", "field_type": "date", "required": False},
    {"label": "Call time", "field_type": "datetime", "required": False},
    {"label": "Source", "field_type": "hidden", "required": False},
]


def community_under(workstream, title, **fields):
    return workstream.add_child(
        instance=CommunityOfPracticePage(
            title=title,
            summary="Learning together.",
            purpose="<p>Sharing what works.</p>",
            who_it_is_for="<p>Workers.</p>",
            meeting_pattern="Every other month, online",
            how_to_join="<p>Ask to join below.</p>",
            **fields,
        )
    )


def build_site(test_class):
    """Pages, terms and people, as `test_class.site` for its tests."""
    home = ensure_site_tree()
    now = timezone.now()

    workstreams = WorkstreamIndexPageFactory(parent=home)
    housing = WorkstreamPageFactory(parent=workstreams, title="Housing First", slug="housing-first")
    women = WorkstreamPageFactory(parent=workstreams, title="Women", slug="women")
    community = community_under(housing, "Hostel managers")
    private_community = community_under(women, "Peer mentors")
    restrict_to_members(private_community)

    events = make_event_index(home)
    venue = make_venue()
    upcoming = make_event(
        events,
        "What makes a good hostel?",
        venue=venue,
        community_of_practice=community,
        booking_method=BookingMethod.HERE,
        capacity=1,
        workstreams=[housing],
    )
    online = make_event(
        events,
        "Trauma informed care webinar",
        start=now + timedelta(days=40),
        event_format=EventFormat.ONLINE,
        event_type=EventType.WEBINAR,
        booking_method=BookingMethod.HERE,
        capacity=50,
    )
    past = make_event(events, "Last year's conference", start=now - timedelta(days=300))
    members_event = make_event(
        events, "Members' catch-up", booking_method=BookingMethod.HERE, capacity=10
    )
    restrict_to_members(members_event)

    library = ResourceIndexPageFactory(parent=home)
    topic = TopicFactory(name="Trauma")
    audience = AudienceFactory(name="Managers")
    resource = ResourcePageFactory(
        parent=library,
        title="Hostel practice guide",
        summary="Hostels, housing and trauma.",
        publication_year=2021,
        topics=[topic],
        audiences=[audience],
        workstreams=[housing],
    )
    members_resource = ResourcePageFactory(parent=library, title="Recording of the webinar")
    restrict_to_members(members_resource)

    document = make_document(title="Practice guide")
    board_papers = Collection.get_first_root_node().add_child(name="Board papers")
    document_password = CollectionViewRestriction.objects.create(
        collection=board_papers,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="letmein",
    )

    form_page = make_form_page(fields=EVERY_FIELD_TYPE)
    secret_page = make_form_page(title="Password page", slug="password-page")
    PageViewRestriction.objects.create(
        page=secret_page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )

    member = with_verified_email(make_user("member@example.org", MEMBERS, first_name="Mo"))

    test_class.site = SimpleNamespace(
        home=home,
        housing=housing,
        community=community,
        private_community=private_community,
        events=events,
        upcoming=upcoming,
        online=online,
        past=past,
        members_event=members_event,
        library=library,
        resource=resource,
        members_resource=members_resource,
        document=document,
        document_password=document_password,
        form_page=form_page,
        secret_page=secret_page,
        member=member,
    )


def with_verified_email(user):
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


class FuzzTestCase(HypothesisTestCase):
    """Each example starts from the same site, in English, with an empty cache."""

    @classmethod
    def setUpTestData(cls):
        build_site(cls)

    def setup_example(self):
        super().setup_example()
        cache.clear()  # rate limits, cached site root paths
        translation.activate(settings.LANGUAGE_CODE)

    def teardown_example(self, example):
        translation.deactivate()
        super().teardown_example(example)

    def assert_handled(self, response, what):
        """A page, a redirect, a refusal or a validation message: anything but a server error."""
        assert response.status_code in HANDLED, f"{response.status_code} for {what}"

    def get(self, client, path, query="", **headers):
        response = client.get(path, QUERY_STRING=query, **headers)
        self.assert_handled(response, f"GET {path}?{query} {headers}")
        return response

    def post(self, client, path, body="", query=""):
        """POST a urlencoded `body` (built by strategies.form_bodies) as a browser sends it."""
        response = client.post(
            path, body, content_type="application/x-www-form-urlencoded", QUERY_STRING=query
        )
        self.assert_handled(response, f"POST {path}?{query} with {body!r}")
        return response

    def visitor(self, **headers):
        """A fresh browser: any exception inside the view fails the test with its traceback."""
        return Client(raise_request_exception=True, **headers)

    def signed_in(self, user=None):
        client = self.visitor()
        client.force_login(user or self.site.member)
        return client
