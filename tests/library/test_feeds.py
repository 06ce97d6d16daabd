"""RSS and Atom feeds of new resources, read back with feedparser as a feed reader would."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time
from wagtail.models import Locale, PageViewRestriction

from library.models import ResourcePage
from members.restrictions import restrict_to_members

from .factories import ResourceIndexPageFactory, ResourcePageFactory, ResourceTypeFactory

FEEDS = [
    ("/feeds/resources.rss", "rss20", "application/rss+xml"),
    ("/feeds/resources.atom", "atom10", "application/atom+xml"),
]


@pytest.fixture
def index(site_tree):
    return ResourceIndexPageFactory(parent=site_tree)


def add_resource(index, when, **fields):
    """A resource published at `when`, as a reviewer's approval would publish it."""
    with freeze_time(when):
        resource = ResourcePageFactory(parent=index, **fields)
        resource.save_revision().publish()
    return resource


def read_feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed, response.content.decode()


@pytest.mark.parametrize(("url", "version", "content_type"), FEEDS)
def test_new_resources_newest_first(client, index, url, version, content_type):
    add_resource(index, "2026-01-05", title="Oldest", publication_year=2024)
    toolkit = add_resource(
        index,
        "2026-03-01",
        title="Hostel toolkit",
        summary="How hostels can be calmer places.",
        resource_type=ResourceTypeFactory(name="Toolkit", slug="toolkit"),
        publication_year=2019,  # published long ago, but new in the library
    )
    add_resource(index, "2026-02-10", title="Middle", publication_year=2025)
    ResourcePageFactory(parent=index, title="Draft", live=False)

    feed, _text = read_feed(client, url, content_type)

    assert feed.version == version
    assert feed.feed.title == "PDU Hub: new in the resource library"
    assert feed.feed.link == f"http://localhost{index.url}"
    assert [entry.title for entry in feed.entries] == ["Hostel toolkit", "Middle", "Oldest"]
    entry = feed.entries[0]
    assert entry.link == f"http://localhost{toolkit.url}"
    assert entry.id == f"tag:localhost,2017:resource/{toolkit.translation_key}"
    assert entry.summary == "How hostels can be calmer places."
    assert [tag.term for tag in entry.tags] == ["Toolkit"]
    assert entry.published_parsed[:3] == (2026, 3, 1)


@pytest.mark.parametrize(("url", "version", "content_type"), FEEDS)
def test_members_only_resources_show_title_and_summary_only(
    client, index, url, version, content_type
):
    add_resource(
        index,
        "2026-01-05",
        title="Open guide",
        body=[("paragraph", "<p>Open body text, not for feeds either.</p>")],
    )
    private = add_resource(
        index,
        "2026-02-05",
        title="Members' webinar notes",
        summary="Notes from the members' webinar.",
        body=[("paragraph", "<p>Only for members to read.</p>")],
    )
    restrict_to_members(private)

    feed, text = read_feed(client, url, content_type)

    notes, guide = feed.entries
    assert notes.title == "Members' webinar notes"
    assert notes.summary == "Members only. Notes from the members' webinar."
    assert "Members only" in [tag.term for tag in notes.tags]
    assert "Members only" not in [tag.term for tag in guide.tags]
    assert "Only for members to read" not in text
    assert "Open body text" not in text


def test_a_resource_under_a_private_section_is_members_only_too(client, index):
    add_resource(index, "2026-01-05", title="Inside")
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    feed, _text = read_feed(client, "/feeds/resources.rss", "application/rss+xml")
    assert feed.entries[0].summary.startswith("Members only.")


def test_only_this_languages_resources(client, index):
    add_resource(index, "2026-01-05", title="English")
    other = add_resource(index, "2026-01-06", title="Polish")
    ResourcePage.objects.filter(pk=other.pk).update(locale=Locale.objects.get(language_code="pl"))
    feed, _text = read_feed(client, "/feeds/resources.rss", "application/rss+xml")
    assert [entry.title for entry in feed.entries] == ["English"]


def test_the_library_and_home_page_announce_the_feed(client, index, site_tree):
    library = BeautifulSoup(client.get(index.url).content, "html.parser")
    alternates = {
        link["type"]: link["href"] for link in library.head.find_all("link", rel="alternate")
    }
    assert alternates == {
        "application/rss+xml": "/feeds/resources.rss",
        "application/atom+xml": "/feeds/resources.atom",
    }

    home = BeautifulSoup(client.get("/").content, "html.parser")
    feeds = [(link["type"], link["href"]) for link in home.head.find_all("link", rel="alternate")]
    assert ("application/rss+xml", "/feeds/resources.rss") in feeds
    assert ("application/rss+xml", "/feeds/events.rss") in feeds
    assert all(link["title"] for link in home.head.find_all("link", rel="alternate"))


def test_the_feed_takes_a_bounded_number_of_queries(client, index, django_assert_max_num_queries):
    for day in range(1, 21):
        add_resource(index, f"2026-01-{day:02d}", title=f"Resource {day}")
    client.get("/feeds/resources.rss")
    with django_assert_max_num_queries(8):
        feed, _text = read_feed(client, "/feeds/resources.rss", "application/rss+xml")
    assert len(feed.entries) == 20
