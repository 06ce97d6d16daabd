"""Every public page type renders with a fixed number of SQL queries, however many items it lists.

Each page (and each public listing outside the page tree: search, feeds, calendars) is asked for
with a few listed items, then again after many more were added. Both renders must take the same
number of queries, and no more than the bound stated beside each test; a failure lists the
queries of both renders, so the one that grew is easy to find. Each test also checks that the
extra items really were shown. For scale: Wagtail's bakerydemo home page runs 43 queries.

Each address is requested once before counting, so the counts are the steady state (Wagtail
caches the site's root paths, image renditions are made on the first view...), not the first
request after a restart. The page cache is off, so the counts are of real rendering, and so is
the cache of renditions: a photo's renditions must come with the query that loads the photo.
"""

import datetime
import io
import itertools

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from communities.models import MeetingNotesPage
from elearning.models import ELearningIndexPage, ELearningModuleDocument, ELearningModulePage
from events.models import BookingMethod, EventFollowUp, EventFormat, EventSpeaker, EventType
from get_involved.models import GetInvolvedFormField, GetInvolvedFormPage
from home.models import HomePageFeaturedWorkstream, NavigationMenu, SiteSettings, StandardPage
from library.models import (
    EvaluationReportDocument,
    RelatedResource,
    ResourceAuthor,
    ResourceDocument,
)
from members.restrictions import restrict_to_members
from tests.events.factories import make_venue
from tests.library.factories import (
    AudienceFactory,
    EvaluationIndexPageFactory,
    EvaluationReportPageFactory,
    PersonFactory,
    ResourceTypeFactory,
    TopicFactory,
    make_document,
)
from tests.workstreams.factories import (
    make_community,
    make_event,
    make_event_index,
    make_resource,
    make_resource_index,
    make_workstream,
    make_workstream_index,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_rendering")]

FEW, MANY = 2, 10
DUMMY_CACHE = "django.core.cache.backends.dummy.DummyCache"

_numbers = itertools.count(1)


def unique():
    """A number not used before in this run, for distinct titles and slugs."""
    return next(_numbers)


@pytest.fixture
def real_rendering(settings):
    """No page cache, and no cache of image renditions: each image's renditions must come with
    the query that loads the images, not one lookup per image."""
    settings.PDU_PAGE_CACHE_SECONDS = 0
    settings.CACHES = {**settings.CACHES, "renditions": {"BACKEND": DUMMY_CACHE}}


# Counting ---------------------------------------------------------------------------------------


def render(client, url):
    """The queries of a second request for `url` (the first fills the caches), and its text."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return [query["sql"] for query in captured.captured_queries], response.content.decode()


def numbered(queries):
    return "\n".join(f"  {number}. {sql}" for number, sql in enumerate(queries, 1))


def shown(text, what):
    """How many of `what` the response shows: a CSS selector's matches in HTML, or the number
    of times a string occurs in a feed or calendar."""
    if what.startswith("text:"):
        return text.count(what.removeprefix("text:"))
    return len(BeautifulSoup(text, "html.parser").select(what))


def assert_does_not_grow(client, url, add_items, bound, listed):
    """Add FEW of each listed item and count the queries; add more, up to MANY, and count again.

    `listed` names what the items show up as (see `shown`): each must be shown more often the
    second time, or the test would be counting nothing.
    """
    add_items(FEW)
    few, few_text = render(client, url)
    add_items(MANY - FEW)
    many, many_text = render(client, url)

    for what in listed:
        assert shown(many_text, what) > shown(few_text, what), f"{url} lists no more {what!r}"
    assert len(few) == len(many), (
        f"{url} took {len(few)} queries with {FEW} of each item and {len(many)} with {MANY}.\n"
        f"With {FEW}:\n{numbered(few)}\nWith {MANY}:\n{numbered(many)}"
    )
    assert len(many) <= bound, f"{url} took {len(many)} queries, over {bound}:\n{numbered(many)}"
    return many_text


# Content ----------------------------------------------------------------------------------------


def make_image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 120), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=f"Photo {unique()}", file=ImageFile(buffer, name="photo.png")
    )


def make_person(with_photo=True):
    return PersonFactory(
        name=f"Person {unique()}",
        role="Peer mentor",
        organisation="Framework",
        bio="Works with people leaving prison.",
        photo=make_image() if with_photo else None,
    )


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def make_standard_page(parent, **fields):
    number = unique()
    fields.setdefault("introduction", f"About page {number}.")
    return parent.add_child(instance=StandardPage(title=f"Page {number}", **fields))


def make_notes(community, members_only=False, meeting=None):
    number = unique()
    notes = community.add_child(
        instance=MeetingNotesPage(
            title=f"Notes of meeting {number}",
            meeting_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            meeting=meeting,
            summary="What the meeting covered.",
            body=paragraph("Members agreed to try a welcome talk."),
        )
    )
    if members_only:
        restrict_to_members(notes)
    return notes


class Library:
    """A resource library and the terms that describe its resources."""

    def __init__(self, home, workstreams=()):
        self.index = make_resource_index(home)
        self.workstreams = list(workstreams)
        self.resource_types = [ResourceTypeFactory(name=name) for name in ("Report", "Toolkit")]
        self.topics = [TopicFactory(name=name) for name in ("Housing", "Trauma Informed Care")]
        self.audiences = [AudienceFactory(name=name) for name in ("Frontline workers", "Managers")]
        self.added = 0

    def add(self, members_only=False, **fields):
        """A live resource with every kind of description, about hoarding."""
        self.added += 1
        number = self.added
        fields.setdefault("resource_type", self.resource_types[number % 2])
        fields.setdefault("publication_year", 2018 + number % 5)
        fields.setdefault("material_language", "en" if number % 3 else "pl")
        fields.setdefault("plain_language_summary", "In short." if number % 2 else "")
        resource = make_resource(
            self.index,
            f"Hoarding resource {unique()}",
            workstreams=self.workstreams,
            summary="A resource about hoarding and tenancy support.",
            **fields,
        )
        resource.topics.set(self.topics)
        resource.audiences.set(self.audiences)
        ResourceAuthor.objects.create(page=resource, person=make_person(with_photo=False))
        resource.save_revision().publish()
        if members_only:
            restrict_to_members(resource)
        return resource


# The site's chrome, on every page: the main menu and the footer.


def add_menu_links(home, count):
    """Links to `count` new pages (returned) and one to another site, in the English menu."""
    menu = NavigationMenu.objects.filter(locale=Locale.get_default()).first()
    menu = menu or NavigationMenu(name="Main menu", locale=Locale.get_default())
    pages = [make_standard_page(home) for _ in range(count)]
    for page in pages:
        menu.items.add(menu.items.model(page=page))
    menu.items.add(menu.items.model(url="https://ncvs.example.org/", label=f"NCVS {unique()}"))
    menu.save()
    return pages


def add_footer_links(home, count):
    """Footer links to `count` new pages (returned), and as many social media links."""
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    pages = [make_standard_page(home) for _ in range(count)]
    links = [("page", block.value) for block in site_settings.footer_links]
    links += [("page", page) for page in pages]
    site_settings.footer_links = links
    site_settings.social_links = [
        ("link", {"name": f"Network {number}", "url": "https://example.org/"})
        for number in range(len(links))
    ]
    site_settings.save()
    return pages


MENU_LINKS = "nav.primary-navigation a"
FOOTER_LINKS = "footer nav a"


# Pages ------------------------------------------------------------------------------------------


def test_home_page(client, home):
    workstream_index = make_workstream_index(home)
    events = make_event_index(home)
    library = Library(home)
    home.join_page = make_standard_page(home)
    home.save_revision().publish()
    featured = 0

    def add_items(count):
        nonlocal featured
        add_menu_links(home, count)
        add_footer_links(home, count)
        for _ in range(count):
            workstream = make_workstream(workstream_index, f"Workstream {unique()}")
            if featured < 6:  # the most editors can choose
                HomePageFeaturedWorkstream.objects.create(page=home, workstream=workstream)
                featured += 1
            make_event(events, f"Event {unique()}", days_from_now=unique())
            library.add()

    # The site and its page, view restrictions (twice), the featured workstreams, three upcoming
    # events and resources, the events and library pages, translations, menu, footer.
    assert_does_not_grow(
        client,
        home.url,
        add_items,
        bound=27,
        listed=[
            MENU_LINKS,
            FOOTER_LINKS,
            "#workstreams-heading ~ ul .card",
            "#events-heading ~ ul .card",
            "#resources-heading ~ ul .card",
        ],
    )


def test_standard_page(client, home):
    page = make_standard_page(home)
    documents = []

    def add_items(count):
        for _ in range(count):
            make_standard_page(page)
            page.add_child(
                instance=GetInvolvedFormPage(title=f"Form {unique()}", intro="<p>Tell us.</p>")
            )
            documents.append(make_document(title=f"Guide {unique()}"))
        page.body = [
            *paragraph("Welcome."),
            ("downloads", {"heading": "Downloads", "documents": documents}),
        ]
        page.save_revision().publish()

    # Its child pages (and their own fields), the files in its body, and the site's chrome.
    assert_does_not_grow(
        client,
        page.url,
        add_items,
        bound=21,
        listed=["#more-heading ~ ul .card", ".downloads .document-list__item"],
    )


def test_workstream_index_page(client, home):
    index = make_workstream_index(home)

    def add_items(count):
        for _ in range(count):
            make_workstream(index, f"Workstream {unique()}")

    # The page (found by Wagtail), the workstreams, the site's chrome.
    assert_does_not_grow(client, index.url, add_items, bound=18, listed=[".card"])


def test_workstream_page(client, home):
    index = make_workstream_index(home)
    workstream = make_workstream(index, lead=make_person())
    events = make_event_index(home)
    library = Library(home, workstreams=[workstream])

    def add_items(count):
        for _ in range(count):
            make_community(workstream, title=f"Community {unique()}")
            make_event(
                events, f"Event {unique()}", days_from_now=unique(), workstreams=[workstream]
            )
            library.add()

    # Its lead and their photo, communities, upcoming events and resources, the events and
    # library pages to link to.
    assert_does_not_grow(
        client,
        workstream.url,
        add_items,
        bound=30,
        listed=[
            "#communities-heading ~ ul .card",
            "#events-heading ~ ul .card",
            "#resources-heading ~ ul .card",
        ],
    )


def test_community_of_practice_page(client, home, editor):
    workstream = make_workstream(make_workstream_index(home))
    community = make_community(workstream, facilitator=editor)
    events = make_event_index(home)

    def add_items(count):
        for number in range(count):
            make_event(events, f"Meeting {unique()}", days_from_now=unique(), community=community)
            past = make_event(
                events, f"Meeting {unique()}", days_from_now=-unique(), community=community
            )
            make_notes(community, members_only=number % 2 == 0, meeting=past)

    # Its workstream, facilitator, upcoming and recent meetings, notes and which of them are
    # members only.
    assert_does_not_grow(
        client,
        community.url,
        add_items,
        bound=30,
        listed=[
            "#events-heading ~ ul .card",
            "#past-events-heading ~ ul .card",
            "#notes-heading ~ ul li",
        ],
    )


def events_to_list(home):
    """An events page, a workstream, and a function that adds upcoming and past events in that
    workstream and in new ones."""
    workstream_index = make_workstream_index(home)
    shared = make_workstream(workstream_index)
    events = make_event_index(home)
    venue = make_venue()

    def add_items(count):
        for number in range(count):
            workstream = make_workstream(workstream_index, f"Workstream {unique()}")
            for days in (unique(), -unique()):
                make_event(
                    events,
                    f"Event {unique()}",
                    days_from_now=days,
                    workstreams=[shared, workstream],
                    event_format=[EventFormat.IN_PERSON, EventFormat.HYBRID][number % 2],
                    venue=venue,
                )

    return events, shared, add_items


EVENT_LISTS = ["#upcoming-events .card", "#past-events .card", "#filter-workstream option"]


def test_event_index_page(client, home):
    events, _workstream, add_items = events_to_list(home)
    # The filters' workstreams and months, a page of upcoming and of past events.
    assert_does_not_grow(client, events.url, add_items, bound=26, listed=EVENT_LISTS)


def test_event_index_page_filtered(client, home):
    events, workstream, add_items = events_to_list(home)
    url = (
        f"{events.url}?workstream={workstream.slug}"
        f"&type={EventType.LEARNING_EVENT.value}&format={EventFormat.IN_PERSON.value}"
    )
    # Filtering adds conditions to the same queries.
    html = assert_does_not_grow(client, url, add_items, bound=26, listed=EVENT_LISTS)
    assert shown(html, ".event-filters__summary") == 1
    assert shown(html, ".event-filters__notice") == 0  # every filter was used


def test_event_page(client, home):
    workstream_index = make_workstream_index(home)
    community = make_community(make_workstream(workstream_index))
    library = Library(home)
    event = make_event(
        make_event_index(home),
        "What makes a good hostel?",
        days_from_now=-1,
        community=community,
        venue=make_venue(),
        event_format=EventFormat.HYBRID,
        booking_method=BookingMethod.HERE,
        capacity=30,
    )

    def add_items(count):
        for number in range(count):
            EventSpeaker.objects.create(page=event, person=make_person(), topic="Chairing")
            resource = library.add(members_only=number % 2 == 0)
            EventFollowUp.objects.create(page=event, resource=resource)
            make_notes(community, members_only=True, meeting=event)
            event.workstreams.add(make_workstream(workstream_index, f"Workstream {unique()}"))
        event.save_revision().publish()

    # Speakers and their photos, workstreams, community, venue, booking, and what followed the
    # event: recordings, resources and notes, and which of them are members only.
    assert_does_not_grow(
        client,
        event.url,
        add_items,
        bound=27,
        listed=[".event-speakers__list > li", ".event-after li", ".event-related__list li"],
    )


RESOURCE_CARDS = ".card--resource"


def test_resource_index_page(client, home):
    library = Library(home)

    def add_items(count):
        for number in range(count):
            library.add(members_only=number % 3 == 0)

    # The terms to filter by, one count per facet, a page of resources and which of them are
    # members only.
    assert_does_not_grow(client, library.index.url, add_items, bound=31, listed=[RESOURCE_CARDS])


def test_resource_index_page_filtered(client, home):
    workstream = make_workstream(make_workstream_index(home))
    library = Library(home, workstreams=[workstream])

    def add_items(count):
        for number in range(count):
            library.add(members_only=number % 3 == 0)

    url = (
        f"{library.index.url}?workstream={workstream.slug}&type=report&type=toolkit"
        "&topic=housing&audience=managers&language=en&easy_read=yes"
    )
    # Each filter narrows the same queries (a subquery each); none adds one.
    html = assert_does_not_grow(client, url, add_items, bound=31, listed=[RESOURCE_CARDS])
    assert shown(html, ".active-filters__link") == 7  # every filter was used


def test_resource_index_page_searched(client, home):
    library = Library(home)

    def add_items(count):
        for number in range(count):
            library.add(members_only=number % 3 == 0)

    url = f"{library.index.url}?q=hoarding&topic=housing"
    # The search itself, then the same as the unfiltered library.
    html = assert_does_not_grow(client, url, add_items, bound=32, listed=[RESOURCE_CARDS])
    assert shown(html, ".active-filters__link") == 2


def test_resource_page(client, home):
    workstream_index = make_workstream_index(home)
    library = Library(home)
    resource = library.add(
        easy_read_page=make_standard_page(home), easy_read_document=make_document("Easy Read")
    )

    def add_items(count):
        for _ in range(count):
            ResourceAuthor.objects.create(page=resource, person=make_person())
            ResourceDocument.objects.create(
                page=resource, document=make_document(title=f"File {unique()}")
            )
            resource.topics.add(TopicFactory())
            resource.audiences.add(AudienceFactory())
            resource.workstreams.add(make_workstream(workstream_index, f"Workstream {unique()}"))
            RelatedResource.objects.create(page=resource, resource=library.add())
        resource.save_revision().publish()

    # Its type, Easy Read versions, authors, files, topics, audiences, workstreams and related
    # resources.
    assert_does_not_grow(
        client,
        resource.url,
        add_items,
        bound=32,
        listed=[
            ".resource-author",
            ".document-list__item",
            ".inline-list li",
            RESOURCE_CARDS,
        ],
    )


def test_evaluation_index_page(client, home):
    index = EvaluationIndexPageFactory(parent=home)

    def add_items(count):
        for _ in range(count):
            EvaluationReportPageFactory(parent=index)

    # The reports, in one query.
    assert_does_not_grow(client, index.url, add_items, bound=18, listed=[".card"])


def test_evaluation_report_page(client, home):
    report = EvaluationReportPageFactory(parent=EvaluationIndexPageFactory(parent=home))
    figures = []

    def add_items(count):
        for _ in range(count):
            EvaluationReportDocument.objects.create(
                page=report, document=make_document(title=f"Report {unique()}")
            )
            figures.append(("figure", {"figure": f"{unique()}%", "label": "felt more confident"}))
        report.headline_figures = figures
        report.save_revision().publish()

    # Its files with their documents, in one query; the figures are part of the page.
    assert_does_not_grow(
        client,
        report.url,
        add_items,
        bound=19,
        listed=[".document-list__item", ".headline-figures__item"],
    )


def make_elearning_index(home):
    return home.add_child(instance=ELearningIndexPage(title="E-learning", slug="e-learning"))


def add_module(index, members_only):
    number = unique()
    module = index.add_child(
        instance=ELearningModulePage(
            title=f"Module {number}",
            slug=f"module-{number}",
            module_number=number % 99 + 1,
            summary="What the module covers.",
            topic="pie",
            estimated_minutes=30,
            learning_outcomes="<ul><li>Describe a psychologically informed service</li></ul>",
            body=paragraph("Hostel teams rewrote one rule together."),
        )
    )
    if members_only:
        restrict_to_members(module)
    return module


def test_elearning_index_page(client, home):
    index = make_elearning_index(home)

    def add_items(count):
        for number in range(count):
            add_module(index, members_only=number % 2 == 0)

    # The modules and which of them are members only.
    assert_does_not_grow(client, index.url, add_items, bound=18, listed=[".card--module"])


def test_elearning_module_page(client, home):
    """A module open to everyone (a free taster), with its files and the modules around it."""
    index = make_elearning_index(home)
    module = add_module(index, members_only=False)

    def add_items(count):
        for number in range(count):
            ELearningModuleDocument.objects.create(
                page=module, document=make_document(title=f"Handout {unique()}")
            )
            add_module(index, members_only=number % 2 == 0)

    # Its files, the modules before and after it, and the index page.
    assert_does_not_grow(client, module.url, add_items, bound=20, listed=[".document-list__item"])


def test_meeting_notes_page_for_a_member(client, home, member):
    """Notes are members only, so a member reads them here. They list nothing of their own:
    the menu and footer grow instead."""
    workstream = make_workstream(make_workstream_index(home))
    community = make_community(workstream)
    meeting = make_event(make_event_index(home), "Meeting", days_from_now=-3, community=community)
    notes = make_notes(community, members_only=True, meeting=meeting)
    client.force_login(member)

    def add_items(count):
        add_menu_links(home, count)
        add_footer_links(home, count)

    # The member's session and account, the view restriction and their groups, the community
    # and the meeting.
    assert_does_not_grow(client, notes.url, add_items, bound=32, listed=[MENU_LINKS, FOOTER_LINKS])


def test_get_involved_form_page(client, home):
    parent = make_standard_page(home)
    form_page = parent.add_child(
        instance=GetInvolvedFormPage(
            title="Suggest a topic", intro="<p>Tell us.</p>", thank_you_text="<p>Thanks.</p>"
        )
    )

    def add_items(count):
        for _ in range(count):
            GetInvolvedFormField.objects.create(
                page=form_page,
                label=f"Question {unique()}",
                field_type="radio",
                choices="Yes\nNo",
                required=False,
            )

    # Its form fields, in one query however many questions it asks.
    assert_does_not_grow(
        client, form_page.url, add_items, bound=18, listed=["form input[type=radio]"]
    )


# Listings outside the page tree -----------------------------------------------------------------


def test_site_search(client, home):
    """Results of one page type, under editors' recommended pages of other types.

    A page of results costs one query per page type it shows (search/results.py), so the types
    are kept the same: the recommended pages always come first, whatever the ranking.
    """
    library = Library(home)
    query = Query.get("hoarding")
    SearchPromotion.objects.create(
        query=query,
        page=make_event(make_event_index(home), "Hoarding event", days_from_now=5),
        sort_order=0,
    )
    SearchPromotion.objects.create(
        query=query, external_link_url="https://example.org/", external_link_text="Elsewhere"
    )

    def add_items(count):
        for number in range(count):
            resource = library.add(members_only=number % 3 == 0)
            document = make_document(title=f"Hoarding guide {unique()}")
            type(document).objects.filter(pk=document.pk).update(
                extracted_text="Hoarding and tenancy support, in practice."
            )
            ResourceDocument.objects.create(page=resource, document=document)
            resource.save_revision().publish()
            SearchPromotion.objects.create(
                query=query,
                page=make_standard_page(home, body=paragraph("Hoarding support.")),
                sort_order=unique(),
            )

    # The search (count and page), the recommended pages, one query per page type shown, their
    # view restrictions, files and members-only collections for excerpts.
    assert_does_not_grow(
        client,
        "/search/?q=hoarding",
        add_items,
        bound=22,
        listed=["#recommended-heading ~ ol > li", "#results-heading ~ ol > li"],
    )


def test_search_suggestions(client, home):
    library = Library(home)

    def add_items(count):
        for number in range(count):
            library.add(members_only=number % 3 == 0)

    # The search, the pages' own types, and the English locale for their addresses.
    assert_does_not_grow(
        client, "/search/suggest/?q=hoarding", add_items, bound=5, listed=['text:"title"']
    )


@pytest.mark.parametrize(
    ("url", "item"),
    [
        ("/feeds/events.rss", "text:<item>"),
        ("/feeds/events.atom", "text:<entry>"),
        ("/events/calendar.ics", "text:BEGIN:VEVENT"),
    ],
)
def test_event_feeds(client, home, url, item):
    events = make_event_index(home)
    venue = make_venue()

    def add_items(count):
        for number in range(count):
            make_event(
                events,
                f"Event {unique()}",
                days_from_now=unique(),
                venue=venue if number % 2 else None,
                event_format=[EventFormat.IN_PERSON, EventFormat.ONLINE][number % 2],
            )

    # The site, the events (with their venues) and the events page to link to.
    assert_does_not_grow(client, url, add_items, bound=8, listed=[item])


def test_workstream_and_community_calendars(client, home):
    workstream = make_workstream(make_workstream_index(home))
    community = make_community(workstream)
    events = make_event_index(home)

    def add_items(count):
        for _ in range(count):
            make_event(
                events,
                f"Meeting {unique()}",
                days_from_now=unique(),
                community=community,
                workstreams=[workstream],
            )

    for url in (
        f"/events/workstreams/{workstream.slug}/calendar.ics",
        f"/events/communities/{community.slug}/calendar.ics",
    ):
        # The site, the workstream or community, its events with their venues.
        assert_does_not_grow(client, url, add_items, bound=8, listed=["text:BEGIN:VEVENT"])


@pytest.mark.parametrize(
    ("url", "item"),
    [("/feeds/resources.rss", "text:<item>"), ("/feeds/resources.atom", "text:<entry>")],
)
def test_resource_feeds(client, home, url, item):
    library = Library(home)

    def add_items(count):
        for number in range(count):
            library.add(members_only=number % 3 == 0)

    # The site, the resources with their types, which are members only, the library page.
    assert_does_not_grow(client, url, add_items, bound=8, listed=[item])


# In another language, lists mix translations with English originals (home/localised.py). Each
# page costs a few more queries than in English: the page is found through its translations, the
# English menu stands in for a Polish one, and English items need the English locale.


def polish():
    return Locale.objects.get(language_code="pl")


def translate(page):
    """A published Polish translation of `page` (the pages above it are copied as needed)."""
    translated = page.copy_for_translation(polish(), copy_parents=True)
    translated.title = f"{page.title} (PL)"
    translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


def test_event_index_page_in_another_language(client, home):
    events, _workstream, add_items_in_english = events_to_list(home)
    polish_events = translate(events)

    def add_items(count):
        before = set(events.get_children().values_list("pk", flat=True))
        add_items_in_english(count)
        added = events.get_children().exclude(pk__in=before).specific()
        for event in added[: count // 2 or 1]:
            translate(event)

    assert_does_not_grow(
        client,
        polish_events.url,
        add_items,
        bound=30,
        listed=[*EVENT_LISTS, ".tag--language"],
    )


def test_resource_index_page_in_another_language(client, home):
    library = Library(home)
    polish_library = translate(library.index)

    def add_items(count):
        for number in range(count):
            resource = library.add(members_only=number % 3 == 0)
            if number % 2:
                translate(resource)

    assert_does_not_grow(
        client,
        polish_library.url,
        add_items,
        bound=35,
        listed=[RESOURCE_CARDS, ".tag--language"],
    )


def test_home_page_in_another_language(client, home):
    events = make_event_index(home)
    library = Library(home)
    polish_home = translate(home)

    def add_items(count):
        linked = add_menu_links(home, count) + add_footer_links(home, count)
        for number in range(count):
            event = make_event(events, f"Event {unique()}", days_from_now=unique())
            resource = library.add()
            if number % 2:
                for page in (event, resource, *linked[number::count]):
                    translate(page)

    # The menu and footer link to the Polish version of a page where there is one.
    assert_does_not_grow(
        client,
        polish_home.url,
        add_items,
        bound=30,
        listed=[f'{MENU_LINKS}:-soup-contains("(PL)")', f'{FOOTER_LINKS}:-soup-contains("(PL)")'],
    )


def test_site_search_in_another_language(client, home):
    library = Library(home)
    translate(library.index)

    def add_items(count):
        for number in range(count):
            resource = library.add(members_only=number % 3 == 0)
            if number % 2:
                translate(resource)

    assert_does_not_grow(
        client,
        "/pl/search/?q=hoarding",
        add_items,
        bound=23,
        listed=["#results-heading ~ ol > li"],
    )
