"""Fill the resource library with many realistic, made-up resources, for trying search at scale.

    python manage.py generate_resources 10000
    python manage.py generate_resources 500 --with-documents
    python manage.py generate_resources --delete

Generated pages have slugs starting `generated-`, numbered from 1, and page number i always gets
the same content for a given --seed. Running the command again only adds the numbers that are
missing, so `generate_resources 100` twice still leaves 100; `--delete` removes them all (and
their generated documents).

Speed: pages are added one by one with `add_child` (treebeard needs that to number the tree), but
with Wagtail's per-save search indexing switched off: saving a page normally queues one search
index task per page (10,000 tasks for the worker). Instead the new pages are indexed in bulk,
chunk by chunk, at the end of each chunk. The trade-offs, all fine for test data:
- generated pages are made live directly, with no revision, so their history in the admin is empty
  (editing one in the admin works and starts its history);
- the reference index ("usage" of terms and documents) is updated directly, page by page;
- documents (`--with-documents`) are saved normally, so whatever the site does when a document is
  saved (text extraction, indexing) happens for each one.
"""

import random
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from library.languages import MATERIAL_LANGUAGES
from library.models import (
    Audience,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)
from workstreams.models import WorkstreamPage

SLUG_PREFIX = "generated-"
COLLECTION_NAME = "Generated resources"
CHUNK_SIZE = 250

OPENINGS = [
    "A practical guide to",
    "Getting started with",
    "What works in",
    "Lessons from",
    "Ten questions about",
    "A short introduction to",
    "Rethinking",
    "Reflective practice in",
    "A toolkit for",
    "Listening to people about",
    "Building confidence in",
    "Evidence review:",
]
SUBJECTS = [
    "trauma informed care",
    "psychologically informed environments",
    "Housing First",
    "hostel key work",
    "outreach with rough sleepers",
    "co-production",
    "dual diagnosis",
    "domestic abuse and housing",
    "hoarding and self-neglect",
    "moving on from supported housing",
    "probation and resettlement",
    "harm reduction",
    "peer mentoring",
    "safeguarding adults",
    "staff wellbeing and supervision",
    "multi-agency meetings",
    "women facing multiple disadvantage",
    "mental health crisis support",
]
SETTINGS = [
    "in Nottingham",
    "for frontline teams",
    "in supported accommodation",
    "across the city",
    "for new workers",
    "in day centres",
    "in community services",
    "for managers",
]
SUMMARY_STARTS = [
    "Practical ideas for",
    "What workers told us about",
    "A plain-English overview of",
    "Findings and recommendations on",
    "Stories and tools about",
    "A checklist and case studies on",
]
SUMMARY_ENDS = [
    "with examples from local services.",
    "written with people with lived experience.",
    "for teams who want to change how they work.",
    "drawing on a year of Community of Practice meetings.",
    "with questions to use in supervision.",
    "including what did not work and why.",
]
PUBLISHERS = [
    "",
    "Practice Development Unit",
    "Nottingham City Council",
    "Framework Housing Association",
    "A local university research team",
]
# Mostly English, as in the real library; other languages now and then.
LANGUAGE_WEIGHTS = {code: (40 if code == "en" else 1) for code, _name in MATERIAL_LANGUAGES}


class Command(BaseCommand):
    help = (
        "Create N made-up resources in the resource library (slugs 'generated-...'), for "
        "trying search and filters at scale. --delete removes them."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", nargs="?", type=int, default=0, help="How many resources.")
        parser.add_argument("--seed", type=int, default=2017, help="Random seed (default 2017).")
        parser.add_argument(
            "--with-documents",
            action="store_true",
            help="Attach a small generated text document to each new resource.",
        )
        parser.add_argument(
            "--delete", action="store_true", help="Remove every generated resource and document."
        )

    def handle(self, *args, count, seed, with_documents, delete, **options):
        if count < 0:
            raise CommandError("The number of resources cannot be negative.")
        index = ResourceIndexPage.objects.filter(locale=Locale.get_default()).first()
        if index is None:
            raise CommandError("There is no resource library page: run load_demo_content first.")
        if delete:
            self.delete_generated(index)
            return
        if not count:
            raise CommandError("Say how many resources to create, e.g. generate_resources 100.")
        vocabulary = self.vocabulary(index.locale)
        wanted = range(1, count + 1)
        existing = set(
            ResourcePage.objects.child_of(index)
            .filter(slug__startswith=SLUG_PREFIX)
            .values_list("slug", flat=True)
        )
        missing = [number for number in wanted if slug_for(number) not in existing]
        collection = generated_collection() if with_documents else None
        created = 0
        for start in range(0, len(missing), CHUNK_SIZE):
            chunk = missing[start : start + CHUNK_SIZE]
            with transaction.atomic():
                pages = [
                    self.create_resource(index, number, seed, vocabulary, collection)
                    for number in chunk
                ]
                index_in_bulk(pages)
            created += len(pages)
            self.stdout.write(f"{created} of {len(missing)} created...")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {created} resources ({len(existing & set(map(slug_for, wanted)))} "
                f"already there) under {index.url_path}."
            )
        )

    def vocabulary(self, locale):
        types = list(ResourceType.objects.filter(locale=locale, live=True))
        if not types:
            raise CommandError("There are no live resource types: run load_demo_content first.")
        return {
            "types": types,
            "topics": list(Topic.objects.filter(locale=locale, live=True)),
            "audiences": list(Audience.objects.filter(locale=locale, live=True)),
            "workstreams": list(WorkstreamPage.objects.live().filter(locale=locale)),
        }

    def create_resource(self, index, number, seed, vocabulary, collection):
        rng = random.Random(f"{seed}-{number}")  # noqa: S311 (test data, not security)
        subject = rng.choice(SUBJECTS)
        title = f"{rng.choice(OPENINGS)} {subject} {rng.choice(SETTINGS)}"
        summary = f"{rng.choice(SUMMARY_STARTS)} {subject}, {rng.choice(SUMMARY_ENDS)}"
        now = timezone.now()
        page = ResourcePage(
            title=title[:255],
            slug=slug_for(number),
            summary=summary,
            resource_type=rng.choice(vocabulary["types"]),
            material_language=rng.choices(
                list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values())
            )[0],
            publisher=rng.choice(PUBLISHERS),
            publication_year=rng.randint(2017, now.year),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        page.topics = pick(rng, vocabulary["topics"], 0, 3)
        page.audiences = pick(rng, vocabulary["audiences"], 0, 2)
        page.workstreams = pick(rng, vocabulary["workstreams"], 0, 2)
        if collection is not None:
            document = get_document_model().objects.create(
                title=f"{title} (generated text)"[:255],
                file=ContentFile(document_text(title, summary, rng), name=f"{page.slug}.txt"),
                collection=collection,
            )
            page.documents = [ResourceDocument(document=document)]
        with without_search_auto_update(), disable_reference_index_auto_update():
            index.add_child(instance=page)
        ReferenceIndex.create_or_update_for_object(page)
        return page

    def delete_generated(self, index):
        pages = ResourcePage.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX)
        total = pages.count()
        with transaction.atomic():
            for page in pages.iterator():
                page.delete()
            documents = get_document_model().objects.filter(
                collection__name=COLLECTION_NAME, file__startswith="documents/" + SLUG_PREFIX
            )
            document_count = 0
            for document in documents:
                document.delete()  # Wagtail removes the file once the transaction commits
                document_count += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {total} generated resources and {document_count} documents."
            )
        )


def slug_for(number):
    return f"{SLUG_PREFIX}{number:05d}"


def pick(rng, items, least, most):
    return rng.sample(items, k=min(len(items), rng.randint(least, most)))


def document_text(title, summary, rng):
    paragraphs = [title, "", summary, ""]
    for _ in range(3):
        paragraphs.append(
            f"{rng.choice(SUMMARY_STARTS)} {rng.choice(SUBJECTS)}, {rng.choice(SUMMARY_ENDS)}"
        )
    return ("\n".join(paragraphs) + "\n").encode("utf-8")


def generated_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(
        name=COLLECTION_NAME
    )


@contextmanager
def without_search_auto_update():
    """Switch off per-save search indexing of resource pages; they are indexed in bulk."""
    was_connected = post_save.disconnect(post_save_signal_handler, sender=ResourcePage)
    try:
        yield
    finally:
        if was_connected:
            post_save.connect(post_save_signal_handler, sender=ResourcePage)


def index_in_bulk(pages):
    """Add `pages` to every search backend that updates itself, in one go per backend."""
    if not pages:
        return
    indexed = ResourcePage.get_indexed_objects().filter(pk__in=[page.pk for page in pages])
    objects = list(indexed)
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ResourcePage, objects)
