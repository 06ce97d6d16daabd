"""Read (again) the text of uploaded documents, straight away rather than through the worker.

    manage.py extract_document_text                 every document
    manage.py extract_document_text --only-missing  documents whose text was never read
    manage.py extract_document_text --id 12 --id 14

Safe to run as often as needed: each run stores what the files hold now and reindexes the pages
that offer them. Run it with --only-missing after the first deployment of document text, so that
documents uploaded before then are searchable too.
"""

from collections import Counter

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from library.tasks import update_document_text
from library.text_extraction import NOT_EXTRACTED, PENDING


class Command(BaseCommand):
    help = "Read the text of uploaded documents now, store it and update the search index."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only-missing",
            action="store_true",
            help="Only documents whose text has not been read yet.",
        )
        parser.add_argument(
            "--id",
            action="append",
            type=int,
            dest="ids",
            metavar="N",
            help="Only the document with this id (repeat for several).",
        )

    def handle(self, *args, only_missing=False, ids=None, **options):
        documents = get_document_model().objects.order_by("pk")
        if ids:
            documents = documents.filter(pk__in=ids)
        if only_missing:
            documents = documents.filter(text_status=PENDING)

        outcomes = Counter()
        for document_id, title in documents.values_list("pk", "title"):
            result = update_document_text(document_id)
            if result is None:
                outcomes["skipped"] += 1
                continue
            outcomes[result.status] += 1
            if result.status == NOT_EXTRACTED or (options["verbosity"] > 1 and result.reason):
                self.stdout.write(f"  {document_id} {title}: {result.reason}")

        total = sum(outcomes.values())
        if not total:
            self.stdout.write("No documents to read.")
            return
        labels = dict(get_document_model().TEXT_STATUS_CHOICES)
        parts = [
            f"{count} {str(labels.get(status, status)).lower()}"
            for status, count in sorted(outcomes.items())
        ]
        self.stdout.write(self.style.SUCCESS(f"Read {total} document(s): {', '.join(parts)}."))
