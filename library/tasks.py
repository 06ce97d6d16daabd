"""Background work for the resource library."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.search import index

from library.text_extraction import NOT_EXTRACTED, TextResult, read_document_text
from task_health.retries import retrying_task

logger = logging.getLogger(__name__)


@retrying_task()
def extract_document_text(document_id):
    """Read a document's text, store it, and reindex the pages that offer the document.

    A damaged file is not a failure: its document says why its text could not be read. Storage
    or the database being unreachable is, and the task tries again later.
    """
    result = update_document_text(document_id)
    return result.status if result else None


def update_document_text(document_id):
    """`extract_document_text` without the task queue (the management command calls this).

    Returns the `TextResult`, or None if the document is gone or its file changed while it was
    being read (the task queued for the new file does the work then).
    """
    document_model = get_document_model()
    document = document_model.objects.filter(pk=document_id).first()
    if document is None:
        return None
    file_hash = document.file_hash
    try:
        with document.open_file() as file:
            result = read_document_text(file, document.filename)
    except (ConnectionError, TimeoutError):
        raise  # storage unreachable for now: the task tries again later
    except Exception:  # the stored file is missing or unreadable
        logger.exception("Could not read the file of document %s", document_id)
        result = TextResult(NOT_EXTRACTED, reason=_("The file could not be opened or read"))

    # update() rather than save(): no post_save, so no second extraction and no loop. Matching
    # the hash read above means a file replaced meanwhile is never given the old file's text.
    updated = document_model.objects.filter(pk=document.pk, file_hash=file_hash).update(
        extracted_text=result.text,
        page_count=result.page_count,
        text_status=result.status,
        text_status_reason=result.reason[:255],
        text_extracted_at=timezone.now(),
    )
    if not updated:
        return None
    document.refresh_from_db()
    reindex_document_and_pages(document)
    return result


def document_link_models():
    """Every model that attaches files to pages: the concrete subclasses of DocumentLink."""
    from django.apps import apps

    from library.models.pages import DocumentLink

    return [model for model in apps.get_models() if issubclass(model, DocumentLink)]


def pages_using_document(document):
    """Every page (live or draft) that lists `document` as a file, whatever its type."""
    for link_model in document_link_models():
        page_model = link_model._meta.get_field("page").related_model
        page_ids = link_model.objects.filter(document=document).values("page_id")
        yield from page_model.objects.filter(pk__in=page_ids)


def reindex_document_and_pages(document):
    """Search sees new text only once the document and its pages are indexed again."""
    for item in (document, *pages_using_document(document)):
        try:
            # A savepoint: on PostgreSQL a failed statement would otherwise spoil the rest.
            with transaction.atomic():
                index.insert_or_update_object(item)
        except Exception:  # one page failing to index must not stop the others
            logger.exception("Could not update the search index for %r", item)


@task()
def reindex_pages_using_document(document_id):
    """After a document moved to another collection: its pages hold its text, or no longer may."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        reindex_document_and_pages(document)


@task()
def reindex_documents_in_collection(collection_id):
    """After a collection's privacy changed: its documents, those below it, and their pages."""
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=collection_id).only("path").first()
    if collection is None:
        return
    documents = get_document_model().objects.filter(collection__path__startswith=collection.path)
    for document in documents.order_by("pk").iterator():
        reindex_document_and_pages(document)
