from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = "Resource library"

    def ready(self):
        from library import signals
        from library.models import CustomDocument

        # Text extraction for new and replaced document files (see library/signals.py).
        pre_save.connect(
            signals.note_file_change, sender=CustomDocument, dispatch_uid="library_note_file"
        )
        post_save.connect(
            signals.queue_text_extraction, sender=CustomDocument, dispatch_uid="library_read_text"
        )
