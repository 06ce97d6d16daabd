"""Members-only content: Wagtail's own privacy, for the group "Members", applied the same way
everywhere.

Visitors see a members-only item's title, summary and a "Members only" label, and nothing
else: not the page, not its files, and not a single word of either through search. Privacy is
changed through the admin's own privacy views, as reviewers and administrators do it.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.search import index

from editorial.roles import MEMBERS
from home.models import StandardPage
from library.models import ResourceDocument
from members import search_index
from members.restrictions import (
    MEMBERS_ONLY_COLLECTION,
    members_only_collection,
    members_only_page_ids,
    restrict_to_members,
)
from tests.library.factories import (
    PDF_BYTES,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    make_document,
)
from tests.roles import client_for

pytestmark = pytest.mark.django_db

SEARCH = "/search/"
LOGIN = "/accounts/login/"


def body(html):
    return [("paragraph", RichText(html))]


def search_titles(client, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'class="search-result__link" href="[^"]*">([^<]*)</a>', html), html


def library_titles(client, library, q):
    response = client.get(library.url, {"q": q})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in html.select(".card-list .card__heading")]


def with_text(document, text):
    """`document` as the library's text extraction leaves it (update(): no re-extraction)."""
    type(document).objects.filter(pk=document.pk).update(extracted_text=text)
    document.refresh_from_db()
    return document


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def members_collection(site_tree):
    return members_only_collection()


@pytest.fixture
def private_page(home):
    page = home.add_child(
        instance=StandardPage(
            title="Webinar recording: hostel safety",
            slug="webinar-recording",
            introduction="A recording for members about keeping hostels safe.",
            body=body("<p>The speakers explain the Marrowfield phone tree.</p>"),
        )
    )
    restrict_to_members(page)
    return page


def attach(resource, document):
    ResourceDocument.objects.create(page=resource, document=document)
    # The worker indexes a page after its child rows are saved (see tests/library).
    index.insert_or_update_object(resource)


def set_page_privacy(client, page, restriction_type, groups=()):
    """The admin's "Privacy" dialog for a page, as its form posts it."""
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=(page.pk,)),
        {"restriction_type": restriction_type, "password": "", "groups": list(groups)},
    )
    assert response.status_code == 200
    assert '"step": "set_privacy_done"' in response.content.decode()


def set_collection_privacy(client, collection, restriction_type, groups=()):
    response = client.post(
        reverse("wagtailadmin_collections:set_privacy", args=(collection.pk,)),
        {"restriction_type": restriction_type, "password": "", "groups": list(groups)},
    )
    assert response.status_code == 200
    assert '"step": "set_privacy_done"' in response.content.decode()


# What "members only" means ---------------------------------------------------------------------


def test_restrict_to_members_makes_one_members_restriction_however_often_it_runs(home):
    page = home.add_child(instance=StandardPage(title="Notes", slug="notes"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    for _ in range(2):
        restrict_to_members(page)

    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == [MEMBERS]


def test_pages_below_a_restriction_are_members_only_found_in_one_query(home):
    section = home.add_child(instance=StandardPage(title="Members area", slug="members-area"))
    restrict_to_members(section)
    below = section.add_child(instance=StandardPage(title="Notes", slug="notes"))
    open_page = home.add_child(instance=StandardPage(title="About", slug="about"))
    pages = [home, section, below, open_page]

    with CaptureQueriesContext(connection) as queries:
        found = members_only_page_ids(pages)

    assert found == {section.pk, below.pk}
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert members_only_page_ids([]) == set()
    assert len(queries) == 0


def test_every_database_has_the_members_only_collection_after_migrate(site_tree):
    # The test database was made by `migrate`; running it again changes nothing.
    call_command("migrate", verbosity=0)

    collections = Collection.objects.filter(name=MEMBERS_ONLY_COLLECTION)
    assert collections.count() == 1
    restriction = CollectionViewRestriction.objects.get(collection=collections.get())
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert list(restriction.groups.values_list("name", flat=True)) == [MEMBERS]


# Pages: visitors are sent to sign in -----------------------------------------------------------


def test_a_visitor_opening_a_members_only_page_is_sent_to_sign_in(client, private_page):
    response = client.get(private_page.url)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={private_page.url}"
    login = client.get(response["Location"]).content.decode()
    assert "This is for members" in login
    assert "Join the hub for free" in login
    assert "Marrowfield" not in login


def test_a_member_sees_the_page_and_staff_outside_members_do_not(private_page, member, editor):
    assert "Marrowfield phone tree" in client_for(member).get(private_page.url).content.decode()

    response = client_for(editor).get(private_page.url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# Documents in a private collection -------------------------------------------------------------


@pytest.fixture
def private_document(members_collection):
    document = make_document(title="Transcript: hostel safety", filename="transcript.pdf")
    document.collection = members_collection
    document.save()
    return document


def document_url(document):
    return reverse("wagtaildocs_serve", args=(document.pk, document.filename))


@pytest.mark.parametrize(
    "method, headers",
    [
        ("get", {}),
        ("get", {"HTTP_IF_NONE_MATCH": "{etag}"}),
        ("get", {"HTTP_IF_NONE_MATCH": '"{file_hash}"'}),
        ("get", {"HTTP_IF_MODIFIED_SINCE": "Sat, 01 Jan 2000 00:00:00 GMT"}),
        ("get", {"HTTP_IF_MODIFIED_SINCE": "Fri, 01 Jan 2100 00:00:00 GMT"}),
        ("head", {}),
        ("get", {"HTTP_RANGE": "bytes=0-9"}),
    ],
    ids=[
        "plain",
        "etag",
        "quoted-etag",
        "modified-since",
        "future-modified-since",
        "head",
        "range",
    ],
)
def test_a_private_document_never_reaches_a_visitor(client, private_document, method, headers):
    file_hash = private_document.file_hash
    assert file_hash  # the document's real ETag is known to the site
    headers = {
        name: value.format(etag=file_hash, file_hash=file_hash) for name, value in headers.items()
    }
    url = document_url(private_document)

    response = getattr(client, method)(url, **headers)

    assert response.status_code == 302, response.status_code
    assert response["Location"] == f"{LOGIN}?next={url}"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert PDF_BYTES[:20] not in content
    assert not response.has_header("ETag")


def test_a_member_gets_the_private_document(private_document, member):
    url = document_url(private_document)
    response = client_for(member).get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_a_member_opens_a_members_only_recording_and_its_transcript(
    client, library, members_collection, member
):
    recording = ResourcePageFactory(
        parent=library,
        title="Webinar recording: implementing PIEs",
        body=body("<p>Rachel explains the five parts of a PIE.</p>"),
    )
    restrict_to_members(recording)
    transcript = make_document(title="Transcript: implementing PIEs", filename="pies.pdf")
    transcript.collection = members_collection
    transcript.save()
    ResourceDocument.objects.create(page=recording, document=transcript)
    member_client = client_for(member)

    page = BeautifulSoup(member_client.get(recording.url).content, "html.parser")
    assert page.h1.get_text(strip=True) == "Webinar recording: implementing PIEs"
    assert "five parts of a PIE" in page.get_text()
    link = page.select_one("a.document-list__link")
    assert link.get_text(strip=True) == "Transcript: implementing PIEs"
    download = member_client.get(link["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES

    # The same link, without signing in, goes to the sign-in page.
    assert client.get(link["href"])["Location"] == f"{LOGIN}?next={link['href']}"
    assert client.get(recording.url)["Location"] == f"{LOGIN}?next={recording.url}"


# Search: titles and summaries only -------------------------------------------------------------


def test_private_pages_are_found_by_title_and_summary_only(client, private_page, member):
    for visitor in (client, client_for(member)):
        titles, _html = search_titles(visitor, "Marrowfield")
        assert titles == []
        titles, html = search_titles(visitor, "hostel safety")
        assert titles == ["Webinar recording: hostel safety"]
        assert '<strong class="tag tag--members">Members only</strong>' in html
        assert "search-result__excerpt" not in html


def test_rebuilding_the_whole_index_keeps_private_words_out(client, private_page, library):
    resource = ResourcePageFactory(parent=library, title="Hostel toolkit")
    attach(resource, with_text(make_document(title="Checklist"), "Ossington checklist"))
    restrict_to_members(resource)

    call_command("update_index", verbosity=0)

    assert search_titles(client, "Marrowfield")[0] == []
    assert search_titles(client, "Ossington")[0] == []
    assert search_titles(client, "hostel safety")[0] == ["Webinar recording: hostel safety"]


def test_opening_a_page_to_everyone_makes_its_words_searchable_again(
    client, home, reviewer, member
):
    page = home.add_child(
        instance=StandardPage(
            title="Community of Practice notes",
            slug="cop-notes",
            introduction="Notes of the last meeting.",
            body=body("<p>Members agreed to try Quillanby welcome meetings.</p>"),
        )
    )
    members = Group.objects.get(name=MEMBERS)
    assert search_titles(client, "Quillanby")[0] == ["Community of Practice notes"]

    set_page_privacy(client_for(reviewer), page, "groups", [members.pk])
    assert page.get_view_restrictions().get().groups.get() == members
    assert search_titles(client, "Quillanby")[0] == []
    assert search_titles(client, "last meeting")[0] == ["Community of Practice notes"]

    set_page_privacy(client_for(reviewer), page, "none")
    assert not page.get_view_restrictions().exists()
    titles, html = search_titles(client, "Quillanby")
    assert titles == ["Community of Practice notes"]
    assert "search-result__excerpt" in html


def test_pages_below_a_private_section_and_pages_moved_there_keep_their_words_private(client, home):
    section = home.add_child(instance=StandardPage(title="Members area", slug="members-area"))
    restrict_to_members(section)
    below = section.add_child(
        instance=StandardPage(
            title="Notes", slug="notes", body=body("<p>Brackenfold rota agreed.</p>")
        )
    )
    outside = home.add_child(instance=StandardPage(title="Minutes", slug="minutes"))
    outside.add_child(
        instance=StandardPage(
            title="March minutes", slug="march", body=body("<p>Dunnockley rota agreed.</p>")
        )
    )
    assert search_titles(client, "Brackenfold")[0] == []
    assert search_titles(client, "Dunnockley")[0] == ["March minutes"]

    # Moving a page takes the pages below it along: they become private too.
    outside.move(section, pos="last-child")
    assert search_titles(client, "Dunnockley")[0] == []

    Page.objects.get(pk=below.pk).move(home, pos="last-child")
    assert search_titles(client, "Brackenfold")[0] == ["Notes"]


def test_files_of_a_private_resource_are_not_searchable_until_it_opens(client, library, reviewer):
    resource = ResourcePageFactory(parent=library, title="Hostel toolkit")
    attach(resource, with_text(make_document(title="Checklist"), "Ossington checklist"))
    assert library_titles(client, library, "Ossington") == ["Hostel toolkit"]

    restrict_to_members(resource)
    assert library_titles(client, library, "Ossington") == []
    assert search_titles(client, "Ossington")[0] == []
    assert library_titles(client, library, "Hostel toolkit") == ["Hostel toolkit"]

    set_page_privacy(client_for(reviewer), resource, "none")
    assert library_titles(client, library, "Ossington") == ["Hostel toolkit"]
    assert search_titles(client, "Ossington")[0] == ["Hostel toolkit"]


def test_the_text_of_members_only_documents_is_never_searchable(
    client, library, members_collection, administrator
):
    resource = ResourcePageFactory(
        parent=library, title="Hostel toolkit", summary="Tools for hostel teams."
    )
    private = with_text(make_document(title="Slides"), "Wollaton slides for hostel teams")
    private.collection = members_collection
    private.save()
    attach(resource, private)
    documents = get_document_model().objects

    # A public page with a members-only file: the file's words find nothing, anywhere...
    assert search_titles(client, "Wollaton")[0] == []
    assert library_titles(client, library, "Wollaton") == []
    assert list(documents.search("Wollaton")) == []
    # ...and an excerpt never quotes the file, even when the page matches another way.
    _titles, html = search_titles(client, "hostel teams")
    assert "Wollaton" not in html

    # Moved to a public collection, the words find it.
    private.collection = Collection.get_first_root_node()
    private.save()
    assert search_titles(client, "Wollaton")[0] == ["Hostel toolkit"]
    assert list(documents.search("Wollaton")) == [private]

    # Back in "Members only", then that collection made public by an administrator.
    private.collection = members_collection
    private.save()
    assert search_titles(client, "Wollaton")[0] == []
    set_collection_privacy(client_for(administrator), members_collection, "none")
    assert search_titles(client, "Wollaton")[0] == ["Hostel toolkit"]
    members = Group.objects.get(name=MEMBERS)
    set_collection_privacy(client_for(administrator), members_collection, "groups", [members.pk])
    assert search_titles(client, "Wollaton")[0] == []
    assert library_titles(client, library, "Wollaton") == []


def test_every_page_type_keeps_private_fields_out_of_the_index():
    """Each page model's text, other than title and summary, goes through the members-only check."""
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    assert len(page_models) > 10
    for model in page_models:
        for field in model.get_search_fields():
            if isinstance(field, index.FilterField):
                continue
            private = field.field_name not in search_index.PUBLIC_FIELD_NAMES
            members_only = isinstance(
                field,
                search_index.MembersOnlySearchField
                | search_index.MembersOnlyAutocompleteField
                | search_index.MembersOnlyRelatedFields,
            )
            assert members_only is private, (model, field)
