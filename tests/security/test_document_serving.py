"""Documents are served through the site's own view: safe headers, and privacy on any storage.

PDFs open in the browser inside a sandbox; every other kind downloads. Members-only documents
(in a private collection) reach members only, also from storage with no local files (S3): the
tests swap in Django's InMemoryStorage without its `path()` (it otherwise names a path under
MEDIA_ROOT that does not exist), which, like S3's, has URLs but no paths.
"""

import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.urls import reverse
from django.utils._os import safe_join
from wagtail.documents import get_document_model

from members.restrictions import members_only_collection
from tests.roles import client_for

LOGIN = "/accounts/login/"
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
)
INLINE_POLICY = "default-src 'none'; sandbox"
DOWNLOAD_POLICY = "default-src 'none'"


class NoLocalPathStorage(InMemoryStorage):
    """Files kept in memory that, as on S3, cannot be opened by a path on this machine."""

    def path(self, name):
        raise NotImplementedError("Files here have no local path, as on S3.")

    def _relative_path(self, name):
        # The in-memory tree is keyed by paths below MEDIA_ROOT, though none exists on disk.
        return os.path.relpath(safe_join(self.location, name), self.location)


def make_document(filename, content, collection=None):
    document = get_document_model()(title=filename, file=ContentFile(content, name=filename))
    if collection is not None:
        document.collection = collection
    document.save()
    return document


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def no_local_files(settings):
    """Files stored where they have no local path, as on S3."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.NoLocalPathStorage"},
    }


@pytest.fixture(params=["local files", "no local files"])
def storage(request, settings):
    """Each test runs with files on this machine, then with files that have no local path."""
    if request.param == "no local files":
        request.getfixturevalue("no_local_files")
    return request.param


def stored_where(document, storage):
    assert document.is_stored_locally() == (storage == "local files")


# Headers -------------------------------------------------------------------------------------


def test_a_pdf_opens_in_the_browser_inside_a_sandbox(client, site_tree, storage):
    document = make_document("annual-report.pdf", PDF)
    stored_where(document, storage)

    response = client.get(document.url)

    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == INLINE_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("filename", "content", "content_type"),
    [
        ("minutes.docx", b"PK\x03\x04 not really unpacked here", "application/vnd.openxmlformats"),
        ("notes.txt", b"<html><script>alert(1)</script></html>", "text/plain"),
        ("captions.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", "text/vtt"),
        ("contacts.csv", b"name,organisation\n", "text/csv"),
        ("webinar.mp4", b"\x00\x00\x00\x18ftypisom", "video/mp4"),
    ],
    ids=["docx", "txt", "vtt", "csv", "mp4"],
)
def test_every_other_kind_downloads(client, site_tree, storage, filename, content, content_type):
    document = make_document(filename, content)
    stored_where(document, storage)

    response = client.get(document.url)

    assert response.status_code == 200
    assert body(response) == content
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment")
    assert document.filename in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == DOWNLOAD_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_headers_hold_for_a_range_request(client, site_tree):
    document = make_document("annual-report.pdf", PDF)

    response = client.get(document.url, HTTP_RANGE="bytes=0-7")

    assert response.status_code in (200, 206)
    assert response["Content-Security-Policy"] == INLINE_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_wrong_filename_is_not_found(client, site_tree):
    document = make_document("annual-report.pdf", PDF)

    response = client.get(reverse("wagtaildocs_serve", args=(document.pk, "other.pdf")))

    assert response.status_code == 404
    assert client.get(document.url).status_code == 200


# Members-only documents on storage with no local path -----------------------------------------


@pytest.fixture
def private_transcript(site_tree, no_local_files):
    document = make_document("transcript.pdf", PDF, collection=members_only_collection())
    assert not document.is_stored_locally()
    return document


def test_a_private_documents_url_is_the_sites_own_never_the_storages(private_transcript):
    url = private_transcript.url

    filename = private_transcript.filename
    assert url == f"/documents/{private_transcript.pk}/{filename}"
    assert url == reverse("wagtaildocs_serve", args=(private_transcript.pk, filename))
    assert private_transcript.file.url != url  # the storage would hand it out unchecked


def test_a_visitor_is_sent_to_sign_in_without_the_bytes(client, private_transcript):
    url = private_transcript.url

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={url}"
    assert PDF[:20] not in body(response)


def test_staff_outside_members_are_sent_to_sign_in_too(editor, private_transcript):
    response = client_for(editor).get(private_transcript.url)

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_member_gets_the_bytes_from_the_sites_view(member, private_transcript):
    response = client_for(member).get(private_transcript.url)

    assert response.status_code == 200  # served, not redirected to the storage's own URL
    assert body(response) == PDF
    assert response["Content-Security-Policy"] == INLINE_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
