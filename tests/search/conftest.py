"""Pages and people for the search tests. Pages are indexed as they are saved (tasks run inline)."""

import pytest
from wagtail.rich_text import RichText
from wagtail.search import index

from home.models import StandardPage
from library.models import ResourceDocument, ResourceIndexPage, ResourcePage, ResourceType
from members.restrictions import restrict_to_members
from tests.library.factories import make_document


def paragraph(html):
    return [("paragraph", RichText(html))]


@pytest.fixture
def library(home):
    return home.add_child(instance=ResourceIndexPage(title="Resource library", slug="resources"))


@pytest.fixture
def make_page(home):
    """A live general content page under the home page."""

    def make(title, introduction="", body_html="", parent=None, **fields):
        page = StandardPage(
            title=title,
            introduction=introduction,
            body=paragraph(body_html) if body_html else [],
            **fields,
        )
        return (parent or home).add_child(instance=page)

    return make


@pytest.fixture
def make_resource(library):
    """A live resource, with files whose extracted text is given (when the field exists)."""
    resource_type, _ = ResourceType.objects.get_or_create(
        slug="report", locale=library.locale, defaults={"name": "Report"}
    )

    def make(title, summary="A resource.", body_html="", files=(), **fields):
        resource = ResourcePage(
            title=title,
            summary=summary,
            resource_type=resource_type,
            publication_year=2021,
            body=paragraph(body_html) if body_html else [],
            **fields,
        )
        library.add_child(instance=resource)
        for file_title, text in files:
            document = make_document(title=file_title)
            # As the library's text extraction would leave it (update(): no re-extraction).
            type(document).objects.filter(pk=document.pk).update(extracted_text=text)
            ResourceDocument.objects.create(page=resource, document=document)
        if files:
            index.insert_or_update_object(resource)  # now with its files' text
        return resource

    return make


def make_members_only(page):
    """Restrict `page` to the Members group, as members-only content is."""
    restrict_to_members(page)
    return page
