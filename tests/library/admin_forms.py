"""What the admin's page forms post, built as its JavaScript would (StreamField as form data)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def resource_form_data(
    *,
    title,
    resource_type,
    slug=None,
    publication_year=2021,
    topics=(),
    audiences=(),
    workstreams=(),
    authors=(),
    documents=(),
    related=(),
    body_html="<p>Made with people who use hostels.</p>",
    publish=True,
    **fields,
):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug or title.lower().replace(" ", "-"),
            "summary": f"In brief: {title}.",
            "resource_type": resource_type.pk,
            "material_language": "en",
            "publisher": "",
            "publication_year": str(publication_year),
            "external_url": "",
            "authors": inline_formset([{"person": person.pk} for person in authors]),
            "documents": inline_formset(
                [{"document": document.pk, "title": ""} for document in documents]
            ),
            "related_resources": inline_formset([{"resource": page.pk} for page in related]),
            "body": streamfield([("paragraph", rich_text(body_html))]),
            **fields,
        }
    )
    # Many-to-many fields post one value per choice, which nested_form_data can't express.
    data["topics"] = [term.pk for term in topics]
    data["audiences"] = [term.pk for term in audiences]
    data["workstreams"] = [page.pk for page in workstreams]
    if publish:
        data["action-publish"] = "action-publish"
    return data


def evaluation_report_form_data(
    *,
    title,
    period_start="2017-10-01",
    period_end="2019-01-31",
    published="2019-02-15",
    figures=(),
    documents=(),
    publish=True,
):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "summary": f"In brief: {title}.",
            "evaluator": "Centre for social inclusion",
            "period_start": period_start,
            "period_end": period_end,
            "published": published,
            "key_findings": rich_text(
                "<ul><li>Workers from different services now call each other first.</li></ul>"
            ),
            "headline_figures": streamfield(
                [("figure", {"figure": figure, "label": label}) for figure, label in figures]
            ),
            "documents": inline_formset(
                [{"document": document.pk, "title": ""} for document in documents]
            ),
            "body": streamfield([]),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def index_form_data(*, title, slug, introduction=""):
    return {
        "title": title,
        "slug": slug,
        "introduction": introduction,
        "action-publish": "action-publish",
    }
