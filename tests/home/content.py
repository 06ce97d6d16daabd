"""Small builders for the pages home-page tests list. Each returns a live page."""

import datetime

from django.utils import timezone

from events.models import EventIndexPage, EventPage
from library.models import ResourceIndexPage, ResourcePage, ResourceType
from workstreams.models import WorkstreamIndexPage, WorkstreamPage


def child_of_type(parent, page_type, **fields):
    existing = page_type.objects.child_of(parent).first()
    return existing or parent.add_child(instance=page_type(**fields))


def make_workstream(home, title):
    index = child_of_type(home, WorkstreamIndexPage, title="Workstreams", slug="workstreams")
    return index.add_child(
        instance=WorkstreamPage(
            title=title,
            summary=f"About {title}.",
            what_it_covers="<p>Practice.</p>",
            who_it_is_for="<p>Workers.</p>",
        )
    )


def make_event(home, title, days_from_now):
    index = child_of_type(home, EventIndexPage, title="Events", slug="events")
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_from_now)
    return index.add_child(
        instance=EventPage(
            title=title,
            summary=f"About {title}.",
            start=start,
            end=start + datetime.timedelta(hours=2),
            body=[],
        )
    )


def make_resource(home, title, year=2024):
    index = child_of_type(home, ResourceIndexPage, title="Resource library", slug="resources")
    resource_type, _ = ResourceType.objects.get_or_create(
        slug="toolkit", locale=home.locale, defaults={"name": "Toolkit"}
    )
    return index.add_child(
        instance=ResourcePage(
            title=title,
            summary=f"About {title}.",
            resource_type=resource_type,
            publication_year=year,
        )
    )
