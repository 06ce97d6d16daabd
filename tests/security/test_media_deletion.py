"""Deleting a file can take it off live pages: reviewers and administrators may, editors may not,
not even a file they uploaded themselves."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.library.factories import make_document
from tests.roles import client_for

pytestmark = pytest.mark.django_db


def make_image(uploaded_by):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Outreach team",
        file=ImageFile(buffer, name="outreach.png"),
        uploaded_by_user=uploaded_by,
    )


def own_document(user):
    document = make_document()
    document.uploaded_by_user = user
    document.save()
    return document


@pytest.mark.parametrize(
    ("make", "url_name", "model"),
    [
        (own_document, "wagtaildocs:delete", get_document_model),
        (make_image, "wagtailimages:delete", get_image_model),
    ],
)
def test_editors_cannot_delete_even_their_own_uploads_but_reviewers_can(
    editor, reviewer, make, url_name, model
):
    item = make(editor)
    url = reverse(url_name, args=(item.pk,))
    client_for(editor).post(url)
    assert model().objects.filter(pk=item.pk).exists()
    # Editing stays allowed: only deleting is a reviewer's job.
    edit_url = reverse(url_name.replace(":delete", ":edit"), args=(item.pk,))
    assert client_for(editor).get(edit_url).status_code == 200

    client_for(reviewer).post(url)
    assert not model().objects.filter(pk=item.pk).exists()


def test_the_bulk_delete_action_refuses_editors(editor, reviewer):
    document = own_document(editor)
    meta = get_document_model()._meta
    url = reverse("wagtail_bulk_action", args=(meta.app_label, meta.model_name, "delete"))
    url += f"?id={document.pk}"
    client_for(editor).post(url)
    assert get_document_model().objects.filter(pk=document.pk).exists()
    client_for(reviewer).post(url)
    assert not get_document_model().objects.filter(pk=document.pk).exists()
