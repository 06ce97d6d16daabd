"""Small builders for the pages the workstream tests need. Each saves a live page under `parent`."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.models import EventIndexPage, EventPage, EventType
from home.models import Person
from library.models import ResourceIndexPage, ResourcePage, ResourceType
from workstreams.models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage


def make_person(name="Amira Hussain", **fields):
    fields.setdefault("role", "Practice development lead")
    return Person.objects.create(name=name, **fields)


def make_workstream_index(home, title="Workstreams", **fields):
    return home.add_child(instance=WorkstreamIndexPage(title=title, **fields))


def make_workstream(index, title="Housing First and Homelessness", **fields):
    fields.setdefault("summary", f"Learning together about {title.lower()}.")
    fields.setdefault("what_it_covers", "<p>How services can work in a person-centred way.</p>")
    fields.setdefault("who_it_is_for", "<p>Frontline workers and their managers.</p>")
    return index.add_child(instance=WorkstreamPage(title=title, **fields))


def make_community(workstream, title="Housing First workers", **fields):
    fields.setdefault("summary", f"{title} meeting to share practice.")
    fields.setdefault("purpose", "<p>A space to share what works and what gets in the way.</p>")
    fields.setdefault("who_it_is_for", "<p>Anyone doing this work in Nottingham.</p>")
    fields.setdefault("meeting_pattern", "Every other month, Tuesday mornings, online")
    fields.setdefault(
        "how_to_join", "<p>Email the PDU team to be added to the invitation list.</p>"
    )
    return workstream.add_child(instance=CommunityOfPracticePage(title=title, **fields))


def make_event_index(home, title="Events"):
    return home.add_child(instance=EventIndexPage(title=title))


def make_event(index, title, *, days_from_now=7, workstreams=(), community=None, **fields):
    """An event starting `days_from_now` days from now (negative for the past), lasting 2 hours."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_from_now)
    fields.setdefault("summary", f"About {title}.")
    fields.setdefault("body", [])
    if community is not None:
        fields.setdefault("event_type", EventType.COP_MEETING)
    event = EventPage(
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=2),
        community_of_practice=community,
        **fields,
    )
    event.workstreams = list(workstreams)
    return index.add_child(instance=event)


def make_resource_index(home, title="Resource library"):
    return home.add_child(instance=ResourceIndexPage(title=title))


def make_resource_type(name="Report", slug="report"):
    return ResourceType.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def make_resource(index, title, *, workstreams=(), publication_year=2021, **fields):
    fields.setdefault("summary", f"About {title}.")
    fields.setdefault("resource_type", make_resource_type())
    resource = ResourcePage(title=title, publication_year=publication_year, **fields)
    resource.workstreams = list(workstreams)
    return index.add_child(instance=resource)


def make_private(page):
    """Restrict a page to signed-in users, as members-only content is."""
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def make_draft(page):
    page.unpublish()
    return page
