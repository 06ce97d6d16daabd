"""Uploaded documents get their text read in the background, and search finds pages by it.

Uploads go through the admin's real document URLs as an editor. Background work is the
ImmediateBackend here, but it is queued with `transaction.on_commit`, which a test transaction
never reaches: `django_capture_on_commit_callbacks(execute=True)` plays the commit.
"""

import io
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.search import index

from editorial.roles import EDITORS
from library import tasks
from library.models import EvaluationReportDocument, ResourceDocument, ResourcePage
from library.models.media import CustomDocument
from library.text_extraction import EXTRACTED, NOT_APPLICABLE, NOT_EXTRACTED, PENDING
from members.models import User
from tests.site_tree import english_home

from .factories import (
    EvaluationIndexPageFactory,
    EvaluationReportPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    make_document,
)

HOSTEL_TEXT = (
    "Night shelters and hostels in Nottingham",
    "Workers supporting residents meet every month in Marrowfield.",
)


def make_pdf(*pages):
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def locked_pdf(data):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt("a-password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def editor_client(site_tree):
    editor = User.objects.create_user("editor@example.org", "a-long-test-password")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def committed(site_tree, django_capture_on_commit_callbacks):
    """Run what a real commit would run: the queued extraction (and its reindexing)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def library(site_tree):
    return ResourceIndexPageFactory(parent=english_home())


def upload_multiple(client, content, filename):
    """The admin's "Add a document" page posts each file like this (its JavaScript uploader).

    Every site has more than one collection ("Members only" is made on migrate), so the page
    offers a choice of collection and posts the one chosen.
    """
    return client.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile(filename, content, content_type="application/pdf"),
            "collection": str(Collection.get_first_root_node().pk),
        },
    )


def upload_single(client, content, filename, title):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(filename, content, content_type="application/pdf"),
            "collection": "1",
        },
    )


def found(queryset, word):
    return list(queryset.live().search(word))


def indexed(page):
    """Index `page` as the worker does once the save has committed.

    A page's post_save queues its indexing before its child rows (the documents) are saved; the
    real worker runs after the commit and sees them, the ImmediateBackend runs at once and does not.
    """
    index.insert_or_update_object(page)
    return page


# Uploads


def test_uploaded_pdf_gets_its_text_page_count_and_status(editor_client, committed):
    with committed():
        response = upload_multiple(editor_client, make_pdf(*HOSTEL_TEXT), "shelters.pdf")

    assert response.status_code == 200
    assert response.json()["success"] is True
    document = get_document_model().objects.get()
    assert document.text_status == EXTRACTED
    assert document.page_count == 2
    assert "Marrowfield" in document.extracted_text
    assert document.text_status_reason == ""
    assert document.text_extracted_at is not None


def test_editor_sees_the_status_on_the_document_edit_page(editor_client, committed):
    with committed():
        upload_single(editor_client, make_pdf("Outreach notes."), "outreach.pdf", "Outreach")
    document = get_document_model().objects.get()

    page = editor_client.get(f"/admin/documents/edit/{document.pk}/")

    assert page.status_code == 200
    assert b"Text extracted" in page.content


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.4 this is not really a PDF", "The file is damaged or not really a PDF"),
        (locked_pdf(make_pdf("Secret")), "The PDF is password-protected"),
    ],
    ids=["corrupt", "password-protected"],
)
def test_unreadable_upload_still_succeeds_and_the_edit_page_says_why(
    editor_client, committed, content, reason
):
    with committed():
        response = upload_single(editor_client, content, "report.pdf", "Annual report")

    assert response.status_code == 302  # saved, back to the listing
    document = get_document_model().objects.get(title="Annual report")
    assert document.text_status == NOT_EXTRACTED
    assert document.text_status_reason == reason
    assert document.text_summary == f"Text not extracted: {reason}"

    page = editor_client.get(f"/admin/documents/edit/{document.pk}/")
    assert b"Text not extracted" in page.content
    assert reason.encode() in page.content


def test_the_edit_form_cannot_change_the_status(editor_client, committed):
    with committed():
        upload_single(editor_client, b"%PDF-1.4 this is not really a PDF", "broken.pdf", "Broken")
    document = get_document_model().objects.get()

    response = editor_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Broken, renamed",
            "collection": "1",
            "text_status": EXTRACTED,
            "text_status_reason": "All fine, honestly",
        },
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Broken, renamed"
    assert document.text_status == NOT_EXTRACTED
    assert document.text_status_reason == "The file is damaged or not really a PDF"


def test_upload_succeeds_when_the_queue_refuses_the_task(editor_client, committed, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("queue unreachable")

    monkeypatch.setattr(tasks, "extract_document_text", SimpleNamespace(enqueue=refuse))

    with committed():
        response = upload_multiple(editor_client, make_pdf("Words"), "words.pdf")

    assert response.json()["success"] is True
    assert get_document_model().objects.get().text_status == PENDING


def test_upload_succeeds_when_the_extraction_task_crashes(editor_client, committed, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(tasks, "update_document_text", crash)

    with committed():
        response = upload_multiple(editor_client, make_pdf("Words"), "words.pdf")

    assert response.json()["success"] is True
    assert get_document_model().objects.get().text_status == PENDING


def test_a_reader_crash_is_recorded_not_raised(committed, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(tasks, "read_document_text", crash)

    with committed():
        document = make_document("Guide", make_pdf("Words"), "guide.pdf")

    document.refresh_from_db()
    assert document.text_status == NOT_EXTRACTED
    assert document.text_status_reason == "The file could not be opened or read"


def test_replacing_the_file_reads_the_new_file(editor_client, committed):
    with committed():
        upload_single(editor_client, make_pdf("First version"), "v1.pdf", "Guide")
    document = get_document_model().objects.get()

    with committed():
        response = editor_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Guide",
                "collection": "1",
                "file": SimpleUploadedFile("v2.pdf", make_pdf("Second version", "Page two")),
            },
        )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.extracted_text == "Second version\nPage two"
    assert document.page_count == 2


def test_saving_without_a_new_file_does_not_read_it_again(committed, monkeypatch):
    with committed():
        document = make_document("Guide", make_pdf("Words"), "guide.pdf")
    document.refresh_from_db()
    queued = []
    monkeypatch.setattr(tasks, "extract_document_text", SimpleNamespace(enqueue=queued.append))

    with committed():
        document.title = "Guide, second edition"
        document.save()
        get_document_model().objects.get(pk=document.pk).get_file_hash()

    assert queued == []
    document.refresh_from_db()
    assert document.text_status == EXTRACTED


def test_saving_a_copy_loaded_before_extraction_keeps_the_stored_text(site_tree):
    # The admin's edit form loads a document, the worker finishes, then the form saves.
    document = make_document("Guide", make_pdf("Words about outreach"), "guide.pdf")
    loaded_earlier = CustomDocument.objects.get(pk=document.pk)
    tasks.update_document_text(document.pk)

    loaded_earlier.title = "Guide, renamed"
    loaded_earlier.save()

    document.refresh_from_db()
    assert document.title == "Guide, renamed"
    assert document.text_status == EXTRACTED
    assert document.extracted_text == "Words about outreach"


def test_documents_made_in_code_get_their_text_too(committed):
    # Demo content and imports use objects.create, not the admin.
    with committed():
        document = make_document("Slides", b"PK not a presentation", "slides.pptx")

    document.refresh_from_db()
    assert document.text_status == NOT_APPLICABLE
    assert document.text_status_reason == "The site does not read text from .pptx files"


def test_a_file_replaced_while_it_was_read_keeps_the_newer_state(committed, monkeypatch):
    document = make_document("Guide", make_pdf("Old words"), "guide.pdf")
    real_read = tasks.read_document_text

    def read_then_replace(file, filename):
        result = real_read(file, filename)
        CustomDocument.objects.filter(pk=document.pk).update(file_hash="a-newer-file")
        return result

    monkeypatch.setattr(tasks, "read_document_text", read_then_replace)

    assert tasks.update_document_text(document.pk) is None
    document.refresh_from_db()
    assert document.text_status == PENDING
    assert document.extracted_text == ""


# Search


def test_admin_document_search_finds_words_inside_files(editor_client, committed):
    with committed():
        upload_multiple(editor_client, make_pdf(*HOSTEL_TEXT), "shelters.pdf")

    listing = editor_client.get("/admin/documents/", {"q": "Marrowfield"})

    assert listing.status_code == 200
    assert b"shelters.pdf" in listing.content


def test_a_word_only_inside_an_attached_pdf_finds_its_resource(library, committed):
    with committed():
        document = make_document("Shelter guide", make_pdf(*HOSTEL_TEXT), "guide.pdf")
    resource = indexed(
        ResourcePageFactory(
            parent=library,
            title="Guide for night staff",
            documents=[ResourceDocument(document=document)],
        )
    )
    ResourcePageFactory(parent=library, title="Another resource")

    assert found(ResourcePage.objects, "Marrowfield") == [resource]


def test_text_read_after_the_page_was_published_reaches_search(library):
    # Without a commit the extraction waits, as it would for a busy worker.
    document = make_document("Shelter guide", make_pdf(*HOSTEL_TEXT), "guide.pdf")
    resource = ResourcePageFactory(
        parent=library,
        title="Guide for night staff",
        documents=[ResourceDocument(document=document)],
    )
    assert found(ResourcePage.objects, "Marrowfield") == []

    tasks.update_document_text(document.pk)

    assert found(ResourcePage.objects, "Marrowfield") == [resource]


def test_a_word_only_inside_an_evaluation_report_file_finds_the_report(site_tree, committed):
    from library.models import EvaluationReportPage

    evaluation = EvaluationIndexPageFactory(parent=english_home())
    with committed():
        document = make_document("Report 2021", make_pdf(*HOSTEL_TEXT), "report-2021.pdf")
    report = indexed(
        EvaluationReportPageFactory(
            parent=evaluation, documents=[EvaluationReportDocument(document=document)]
        )
    )

    assert found(EvaluationReportPage.objects, "Marrowfield") == [report]


def test_replacing_a_file_replaces_the_words_search_finds(library, committed):
    with committed():
        document = make_document("Guide", make_pdf("Words about Marrowfield"), "guide.pdf")
    resource = ResourcePageFactory(
        parent=library, title="Night staff guide", documents=[ResourceDocument(document=document)]
    )

    with committed():
        document.file = SimpleUploadedFile("guide-2.pdf", make_pdf("Now about Thornbury"))
        document.file_size = None  # as the admin's form does: size and hash are measured again
        document.save()

    assert found(ResourcePage.objects, "Thornbury") == [resource]
    assert found(ResourcePage.objects, "Marrowfield") == []


@pytest.mark.postgres
def test_postgres_finds_the_resource_by_a_word_in_its_pdf_with_stemming(library, committed):
    with committed():
        document = make_document("Shelter guide", make_pdf(*HOSTEL_TEXT), "guide.pdf")
    resource = indexed(
        ResourcePageFactory(
            parent=library,
            title="Guide for night staff",
            summary="What night staff need to know.",
            documents=[ResourceDocument(document=document)],
        )
    )

    assert found(ResourcePage.objects, "Marrowfield") == [resource]
    assert found(ResourcePage.objects, "hostel") == [resource]  # the PDF says "hostels"
    assert found(ResourcePage.objects, "supported") == [resource]  # the PDF says "supporting"


@pytest.mark.postgres
def test_postgres_indexes_a_page_whose_files_hold_a_million_unusual_words(library, committed):
    # PostgreSQL refuses a search vector over 1 MB; a million characters of unique made-up words
    # make about 1.3 MB. Only the first SEARCH_TEXT_LIMIT characters of each file are indexed.
    words = " ".join(f"w{number:07x}" for number in range(110_000))
    with committed():
        first = make_document("Codes A", words.encode(), "codes-a.txt")
        second = make_document("Codes B", words.encode(), "codes-b.txt")
    first.refresh_from_db()
    assert len(first.extracted_text) > 900_000

    resource = indexed(
        ResourcePageFactory(
            parent=library,
            title="Code list",
            documents=[ResourceDocument(document=first), ResourceDocument(document=second)],
        )
    )

    assert found(ResourcePage.objects, "w0000010") == [resource]
    assert found(ResourcePage.objects, "w001adb0") == []  # past the first 100,000 characters


# The management command


def test_command_reads_missing_documents_and_is_idempotent(library, capsys):
    readable = make_document("Guide", make_pdf(*HOSTEL_TEXT), "guide.pdf")
    broken = make_document("Broken", b"nope", "broken.pdf")
    resource = ResourcePageFactory(
        parent=library, title="Night staff guide", documents=[ResourceDocument(document=readable)]
    )

    call_command("extract_document_text", "--only-missing")
    first_run = capsys.readouterr().out

    assert "Read 2 document(s): 1 text extracted, 1 text not extracted." in first_run
    assert f"{broken.pk} Broken: The file is damaged or not really a PDF" in first_run
    assert found(ResourcePage.objects, "Marrowfield") == [resource]

    call_command("extract_document_text", "--only-missing")
    assert "No documents to read." in capsys.readouterr().out

    call_command("extract_document_text", "--id", str(readable.pk))
    assert "Read 1 document(s): 1 text extracted." in capsys.readouterr().out
    readable.refresh_from_db()
    assert readable.page_count == 2
    assert found(ResourcePage.objects, "Marrowfield") == [resource]
