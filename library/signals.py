"""Keep documents' text in the search index current, and private while it is members only.

However a document is saved (the admin's uploaders, the edit form's "change file", demo content,
code), these handlers notice a new file and queue `extract_document_text` once the transaction
commits. Nothing here may make a save fail: extraction problems end up in the document's
`text_status`, never in the upload.

A document's text is indexed only while its collection is public (CustomDocument.indexed_text),
so the documents, and the pages that hold their text, are indexed again when a collection's
privacy changes or a document moves to another collection. Those tasks are queued in the same
transaction as the change, like Wagtail's own indexing: the database queue runs them once it
commits.
"""

import logging

from django.db import transaction

from library.text_extraction import PENDING

logger = logging.getLogger(__name__)

TEXT_FIELDS_RESET = {
    "extracted_text": "",
    "page_count": None,
    "text_status": PENDING,
    "text_status_reason": "",
    "text_extracted_at": None,
}


def note_file_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: decide whether the file needs reading, and keep the text fields current.

    The text fields belong to the extraction task, which writes them with update(). A save of
    an instance loaded before the task finished (the admin's edit form) must not put the old
    values back, so they are refreshed from the database unless the file itself changed.
    """
    instance._text_needs_reading = False
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {"file", "file_hash"} & set(update_fields):
        return
    stored = (
        sender.objects.filter(pk=instance.pk)
        .values("file", "file_hash", "text_extracted_at")
        .first()
    )
    if stored is None:  # saved with an explicit primary key: treat as new
        instance._text_needs_reading = True
        return
    same_name = stored["file"] == instance.file.name
    # A hash computed late (get_file_hash() on an old row) is the same file, not a new one.
    if same_name and stored["file_hash"] in (instance.file_hash, ""):
        if update_fields is None and stored["text_extracted_at"] != instance.text_extracted_at:
            current = sender.objects.filter(pk=instance.pk).values(*TEXT_FIELDS_RESET).first()
            for name, value in current.items():
                setattr(instance, name, value)
        return
    instance._text_needs_reading = True
    if update_fields is None:
        for name, value in TEXT_FIELDS_RESET.items():
            setattr(instance, name, value)


def queue_text_extraction(sender, instance, created, raw=False, **kwargs):
    """post_save: queue reading the file of a new document, or of one whose file changed."""
    if raw or not (created or getattr(instance, "_text_needs_reading", False)):
        return
    instance._text_needs_reading = False
    document_id = instance.pk
    transaction.on_commit(lambda: enqueue_text_extraction(document_id), robust=True)


def enqueue_text_extraction(document_id):
    from library.tasks import extract_document_text

    try:
        extract_document_text.enqueue(document_id)
    except Exception:  # a full or unreachable queue: the command can catch up later
        logger.exception(
            "Could not queue text extraction for document %s; run "
            "`manage.py extract_document_text --only-missing` to catch up",
            document_id,
        )


# Privacy ---------------------------------------------------------------------------------------


def note_collection_change(sender, instance, raw=False, **kwargs):
    """pre_save: remember whether the document is moving to another collection."""
    instance._collection_changed = False
    if raw or instance.pk is None:
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("collection_id", flat=True).first()
    instance._collection_changed = stored is not None and stored != instance.collection_id


def reindex_after_collection_change(sender, instance, created, raw=False, **kwargs):
    """post_save: Wagtail indexes the document itself again; its pages are ours to update."""
    if raw or not getattr(instance, "_collection_changed", False):
        return
    instance._collection_changed = False
    from library.tasks import reindex_pages_using_document

    enqueue_logged(reindex_pages_using_document, instance.pk)


def collection_restriction_added(sender, instance, created, raw=False, **kwargs):
    """post_save of a CollectionViewRestriction: its documents just became members only."""
    if created and not raw:
        queue_collection_reindex(instance.collection_id)


def collection_restriction_removed(sender, instance, origin=None, **kwargs):
    """post_delete of a CollectionViewRestriction: its documents may be public again.

    Not when it goes with its collection: a collection is deleted only once it is empty.
    """
    if getattr(origin, "model", type(origin)) is sender:
        queue_collection_reindex(instance.collection_id)


def queue_collection_reindex(collection_id):
    from library.tasks import reindex_documents_in_collection
    from members.search_index import note_privacy_changed

    note_privacy_changed()
    enqueue_logged(reindex_documents_in_collection, collection_id)


def enqueue_logged(task, *args):
    try:
        task.enqueue(*args)
    except Exception:  # a full or unreachable queue must not undo the change itself
        logger.exception(
            "Could not queue %s%r; run `manage.py update_index` to catch up", task.name, args
        )
