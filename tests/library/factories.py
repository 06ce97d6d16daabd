"""Test data for the resource library: vocabularies, people, documents and the four page types.

Pages are made with `parent.add_child(...)` (through wagtail-factories), so they are live unless
`live=False` is passed.
"""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.models import Person
from library.models import (
    Audience,
    EvaluationIndexPage,
    EvaluationReportPage,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)
from workstreams.models import WorkstreamIndexPage, WorkstreamPage

# A complete one-page PDF, small enough to read: the bytes a download must return unchanged.
PDF_BYTES = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n"
    b"%%EOF\n"
)


def default_locale():
    return Locale.get_default()


class TermFactory(DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("locale", "slug")

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))
    locale = factory.LazyFunction(default_locale)


class ResourceTypeFactory(TermFactory):
    class Meta:
        model = ResourceType

    name = "Report"


class TopicFactory(TermFactory):
    class Meta:
        model = Topic


class AudienceFactory(TermFactory):
    class Meta:
        model = Audience


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Author {n}")
    locale = factory.LazyFunction(default_locale)


def make_document(title="Practice guide", content=PDF_BYTES, filename="practice-guide.pdf"):
    """A stored document, as an editor's upload would leave it."""
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=filename)
    )


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resource library"
    slug = "resources"


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A resource. Pass authors=[ResourceAuthor(...)], topics=[...] and so on as keywords."""

    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = factory.LazyAttribute(lambda page: f"What {page.title} is about, in brief.")
    resource_type = factory.SubFactory(ResourceTypeFactory)
    publication_year = 2020


class EvaluationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EvaluationIndexPage

    title = "Evaluation"
    slug = "evaluation"


class EvaluationReportPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EvaluationReportPage

    title = factory.Sequence(lambda n: f"Evaluation report {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "What the evaluators found about the programme."
    evaluator = "Independent evaluation partner"
    period_start = datetime.date(2017, 10, 1)
    period_end = datetime.date(2019, 1, 31)
    published = datetime.date(2019, 2, 15)
    key_findings = "<ul><li>Workers felt more confident.</li></ul>"


class WorkstreamIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkstreamIndexPage

    title = "Workstreams"
    slug = "workstreams"


class WorkstreamPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkstreamPage

    title = factory.Sequence(lambda n: f"Workstream {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "A theme of the learning programme."
    what_it_covers = "<p>Practice and policy.</p>"
    who_it_is_for = "<p>Frontline workers.</p>"
