"""The admin's own URLs and form posts, as an editor's browser would send them."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage


def page_form(title, slug, action=None, **fields):
    data = {
        "title": title,
        "slug": slug,
        "introduction": fields.pop("introduction", ""),
        "body": streamfield([]),
        "last_reviewed": "",
        **fields,
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def create_page(client, parent, title, action=None, **fields):
    slug = fields.pop("slug", title.lower().replace(" ", "-"))
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk)),
        page_form(title, slug, action, **fields),
    )
    return response, StandardPage.objects.filter(slug=slug).first()


def edit_page(client, page, action=None, **fields):
    page = page.specific
    data = page_form(
        fields.pop("title", page.title),
        page.slug,
        action,
        introduction=fields.pop("introduction", page.introduction),
        **fields,
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def workflow_action(client, page, action_name, comment=""):
    """Approve or request changes with the review buttons (dashboard and page header)."""
    task_state = page.specific.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action_name, task_state.pk))
    return client.post(url, {"comment": comment})
