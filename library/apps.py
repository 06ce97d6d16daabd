from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Resource library"

    def ready(self):
        from wagtail.models import CollectionViewRestriction

        from library import signals
        from library.media_permissions import register_media_permission_policies
        from library.models import CustomDocument

        register_media_permission_policies()

        # Text extraction for new and replaced document files (see library/signals.py).
        pre_save.connect(
            signals.note_file_change, sender=CustomDocument, dispatch_uid="library_note_file"
        )
        post_save.connect(
            signals.queue_text_extraction, sender=CustomDocument, dispatch_uid="library_read_text"
        )
        # Members-only documents: their text leaves or rejoins the search index with privacy.
        pre_save.connect(
            signals.note_collection_change,
            sender=CustomDocument,
            dispatch_uid="library_note_collection",
        )
        post_save.connect(
            signals.reindex_after_collection_change,
            sender=CustomDocument,
            dispatch_uid="library_collection_changed",
        )
        post_save.connect(
            signals.collection_restriction_added,
            sender=CollectionViewRestriction,
            dispatch_uid="library_collection_restricted",
        )
        post_delete.connect(
            signals.collection_restriction_removed,
            sender=CollectionViewRestriction,
            dispatch_uid="library_collection_opened",
        )
