"""Demo content owned by the library: vocabularies, the resource library and the evaluations.

`build()` is safe to run again: it finds everything by slug (terms, pages) or title (documents),
updates what differs and publishes a new revision only when a page actually changed.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from members.restrictions import members_only_collection, restrict_to_members

from .demo_content import (
    AUDIENCES,
    EVALUATION_INDEX_INTRODUCTION,
    EVALUATIONS,
    RESOURCE_INDEX_INTRODUCTION,
    RESOURCE_TYPES,
    RESOURCES,
    TOPICS,
)
from .demo_members_only import MEMBERS_ONLY_RESOURCES, WEBINAR_RECORDING
from .demo_pdfs import render_easy_read_pdf, render_pdf
from .models import (
    Audience,
    EvaluationIndexPage,
    EvaluationReportDocument,
    EvaluationReportPage,
    RelatedResource,
    ResourceAuthor,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)

RESOURCES_COLLECTION = "Resource library"
EVALUATIONS_COLLECTION = "Evaluation reports"


# The members' recording that the past webinar's event page links to.
RECORDING_SLUG = WEBINAR_RECORDING.slug


def build(home, people, workstreams):
    """Create or update the library's demo content under `home`.

    `people` is home.demo.build_people()'s dict; `workstreams` maps workstream slugs to pages.
    """
    locale = home.locale
    types = build_terms(ResourceType, RESOURCE_TYPES, locale)
    topics = build_terms(Topic, TOPICS, locale)
    audiences = build_terms(Audience, AUDIENCES, locale)

    resource_index = child_page(
        home,
        ResourceIndexPage,
        slug="resources",
        title="Resource library",
        introduction=RESOURCE_INDEX_INTRODUCTION,
        show_in_menus=True,
    )
    collection = child_collection(RESOURCES_COLLECTION)
    resources = {}
    for item in RESOURCES:
        resources[item.slug] = build_resource(
            resource_index,
            item,
            resource_type=types[item.resource_type],
            topics=[topics[slug] for slug in item.topics],
            audiences=[audiences[slug] for slug in item.audiences],
            authors=[people[key] for key in item.authors if key in people],
            workstreams=[workstreams[slug] for slug in item.workstreams if slug in workstreams],
            documents=resource_documents(item, collection),
            easy_read_document=easy_read_pdf(item, collection),
        )
    # Links between resources, once every resource exists.
    for item in RESOURCES:
        related = [resources[slug] for slug in item.related]
        current = [link.resource_id for link in resources[item.slug].related_resources.all()]
        if current == [page.pk for page in related]:
            continue  # nothing to change, and the loop above left the page live and published
        resources[item.slug] = update_page(
            resources[item.slug],
            related_resources=[
                RelatedResource(resource=page, sort_order=order)
                for order, page in enumerate(related)
            ],
        )
    # A webinar recording for members, its files in "Members only".
    for item in MEMBERS_ONLY_RESOURCES:
        resources[item.slug] = build_members_only_resource(
            resource_index,
            item,
            resource_type=types[item.resource_type],
            topics=[topics[slug] for slug in item.topics],
            audiences=[audiences[slug] for slug in item.audiences],
            authors=[people[key] for key in item.authors if key in people],
            workstreams=[workstreams[slug] for slug in item.workstreams if slug in workstreams],
        )

    evaluation_index = child_page(
        home,
        EvaluationIndexPage,
        slug="evaluation",
        title="Evaluation",
        introduction=EVALUATION_INDEX_INTRODUCTION,
        show_in_menus=True,
    )
    collection = child_collection(EVALUATIONS_COLLECTION)
    evaluations = {
        item.slug: build_evaluation(evaluation_index, item, collection) for item in EVALUATIONS
    }
    return {
        "resource_index": resource_index,
        "resources": resources,
        "evaluation_index": evaluation_index,
        "evaluations": evaluations,
    }


def build_terms(model, terms, locale):
    found = {}
    for slug, (name, description) in terms.items():
        term, _created = model.objects.update_or_create(
            locale=locale, slug=slug, defaults={"name": name, "description": description}
        )
        found[slug] = term
    return found


def child_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def demo_document(title, filename, paragraphs, collection, *, subtitle, author):
    """The document called `title`, made (with a freshly written PDF) only if it is missing."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    pdf = render_pdf(title, paragraphs, subtitle=subtitle, author=author)
    return document_model.objects.create(
        title=title, file=ContentFile(pdf, name=filename), collection=collection
    )


def resource_documents(item, collection):
    if not item.pdf:
        return []
    author = item.publisher or "Practice Development Unit"
    subtitle = f"{item.summary} ({author}, {item.year})"
    main = demo_document(
        item.file_title, f"{item.slug}.pdf", item.text, collection, subtitle=subtitle, author=author
    )
    documents = [(main, "")]
    if item.extra_file:
        extra = demo_document(
            item.extra_file.title,
            f"{item.slug}-2.pdf",
            item.extra_file.paragraphs,
            collection,
            subtitle=f"Part of: {item.title}",
            author=author,
        )
        documents.append((extra, ""))
    return documents


def easy_read_pdf(item, collection):
    """The resource's Easy Read PDF, made only if it is missing; None if it has none."""
    if item.easy_read is None:
        return None
    document_model = get_document_model()
    existing = document_model.objects.filter(title=item.easy_read.title).first()
    if existing is not None:
        return existing
    pdf = render_easy_read_pdf(item.easy_read.title, item.easy_read.steps, author=item.publisher)
    return document_model.objects.create(
        title=item.easy_read.title,
        file=ContentFile(pdf, name=f"{item.slug}-easy-read.pdf"),
        collection=collection,
    )


def resource_body(item):
    body = []
    if item.content_note:
        body.append(("content_note", {"text": item.content_note}))
    body.append(("paragraph", RichText(f"<p>{item.text[0]}</p>")))
    if item.video:
        transcript = "".join(f"<p>{line}</p>" for line in item.video.transcript)
        body.append(
            (
                "video",
                {
                    "title": item.video.title,
                    "url": item.video.url,
                    "file": None,
                    "duration": item.video.duration,
                    "captions": True,
                    "transcript": RichText(transcript),
                },
            )
        )
    return body


def build_resource(
    index,
    item,
    *,
    resource_type,
    topics,
    audiences,
    authors,
    workstreams,
    documents,
    easy_read_document=None,
):
    return child_page(
        index,
        ResourcePage,
        slug=item.slug,
        title=item.title,
        summary=item.summary,
        resource_type=resource_type,
        material_language=item.language,
        publisher=item.publisher,
        publication_year=item.year,
        external_url=item.external_url,
        body=resource_body(item),
        plain_language_summary=item.plain_summary,
        easy_read_document=easy_read_document,
        topics=topics,
        audiences=audiences,
        workstreams=workstreams,
        # Explicit positions: rows without one come back in any order from PostgreSQL, which
        # would make an unchanged page look edited on the next run.
        authors=[
            ResourceAuthor(person=person, sort_order=order) for order, person in enumerate(authors)
        ],
        documents=[
            ResourceDocument(document=document, title=link_text, sort_order=order)
            for order, (document, link_text) in enumerate(documents)
        ],
    )


def build_members_only_resource(index, item, **terms):
    """A resource restricted to Members, whose files sit in the "Members only" collection."""
    collection = members_only_collection()
    author = item.publisher or "Practice Development Unit"
    documents = []
    for number, file in enumerate(item.files, start=1):
        document = demo_document(
            file.title,
            f"{item.slug}-{number}.pdf",
            file.paragraphs,
            collection,
            subtitle=f"For members of the PDU Hub. Part of: {item.title}",
            author=author,
        )
        if document.collection_id != collection.pk:  # moved by hand since the last run
            document.collection = collection
            document.save(update_fields=["collection"])
        documents.append((document, ""))
    page = build_resource(index, item, documents=documents, **terms)
    restrict_to_members(page)
    return page


def build_evaluation(index, item, collection):
    document = demo_document(
        item.file_title,
        f"{item.slug}.pdf",
        (*item.text, "Key findings: " + " ".join(item.key_findings)),
        collection,
        subtitle=f"{item.evaluator}. Published {item.published:%B %Y}.",
        author=item.evaluator,
    )
    findings = "<ul>" + "".join(f"<li>{finding}</li>" for finding in item.key_findings) + "</ul>"
    return child_page(
        index,
        EvaluationReportPage,
        slug=item.slug,
        title=item.title,
        summary=item.summary,
        evaluator=item.evaluator,
        period_start=item.period_start,
        period_end=item.period_end,
        published=item.published,
        key_findings=findings,
        headline_figures=[
            ("figure", {"figure": figure, "label": label}) for figure, label in item.figures
        ],
        body=[("paragraph", RichText("".join(f"<p>{p}</p>" for p in item.text)))],
        documents=[EvaluationReportDocument(document=document)],
    )


# Pages ---------------------------------------------------------------------------------------


def child_page(parent, model, *, slug, **values):
    """The `model` page called `slug` under `parent`, created or brought up to date, and live."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug)
        assign(page, values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    return update_page(page, **values)


def update_page(page, **values):
    """Set `values` on a live page and publish a revision, but only if anything differs."""
    # Work on the page as stored: an instance kept from earlier may predate its last publish.
    page = type(page).objects.get(pk=page.pk)
    before = fingerprint(page)
    assign(page, values)
    if fingerprint(page) != before or not page.live or page.has_unpublished_changes:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def assign(page, values):
    for name, value in values.items():
        setattr(page, name, value)


def fingerprint(page):
    """The parts of a page this module sets, in a form that compares equal when unchanged."""
    data = {}
    for name in CONTENT_FIELDS:
        if hasattr(page, name):
            data[name] = page._meta.get_field(name).value_from_object(page)
    for name in ("topics", "audiences", "workstreams"):
        if hasattr(page, name):
            data[name] = sorted(item.pk for item in getattr(page, name).all())
    for name in ("body", "headline_figures"):
        if hasattr(page, name):
            data[name] = [
                (child.block_type, child.block.get_prep_value(child.value))
                for child in getattr(page, name)
            ]
    for name, columns in CHILD_ROWS.items():
        if hasattr(page, name):
            data[name] = [
                tuple(getattr(row, column) for column in columns)
                for row in getattr(page, name).all()
            ]
    return data


CONTENT_FIELDS = (
    "title",
    "show_in_menus",
    "introduction",
    "summary",
    "resource_type",
    "material_language",
    "publisher",
    "publication_year",
    "external_url",
    "plain_language_summary",
    "easy_read_document",
    "evaluator",
    "period_start",
    "period_end",
    "published",
    "key_findings",
)
# Orderables, compared by what they point at rather than by their own ids.
CHILD_ROWS = {
    "authors": ("person_id",),
    "documents": ("document_id", "title"),
    "related_resources": ("resource_id",),
}
