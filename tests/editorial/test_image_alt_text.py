"""Every image an editor places on a page carries alt text, or is deliberately marked decorative.

Driven through the admin's own URLs as an editor: the page editor refuses an image with neither
(a draft too, since approving a review publishes the latest draft), keeps everything else the
editor typed, and the public page renders exactly the alt text chosen, or alt="".
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import rich_text, streamfield

from home.blocks import ALT_TEXT_MISSING
from home.models import StandardPage
from tests.roles import client_for

from .admin_actions import create_page, edit_page, workflow_action

pytestmark = pytest.mark.django_db

TITLE = "Meeting people where they are"
INTRODUCTION = "How outreach workers start conversations on the street."
PARAGRAPH = "Outreach starts with a cup of tea and no agenda."
CAPTION = "An outreach worker with a hot drinks flask."
ALT_TEXT = "An outreach worker offering a hot drink to a man sitting by a shop doorway"
SAVE_DRAFT, SUBMIT = None, "action-submit"


def make_image(title="IMG_2041.jpg", description=""):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, description=description, file=ImageFile(buffer, name="outreach.png")
    )


@pytest.fixture
def image():
    return make_image()


def body_with_figure(image, alt_text="", decorative=False):
    return streamfield(
        [
            ("paragraph", rich_text(f"<p>{PARAGRAPH}</p>")),
            (
                "figure",
                {
                    "image": {
                        "image": image.pk,
                        "alt_text": alt_text,
                        "decorative": "on" if decorative else "",
                    },
                    "caption": CAPTION,
                },
            ),
        ]
    )


def figure_errors(response):
    """The messages shown on the figure block's own fields, by field name."""
    body_error = response.context["form"].errors["body"].as_data()[0]
    figure = body_error.as_json_data()["blockErrors"][1]
    image_block = figure["blockErrors"]["image"]["blockErrors"]
    return {name: error["messages"] for name, error in image_block.items()}


@pytest.mark.parametrize("action", [SAVE_DRAFT, SUBMIT], ids=["save draft", "submit"])
@pytest.mark.parametrize("alt_text", ["", "   "], ids=["empty", "only spaces"])
def test_an_image_with_neither_alt_text_nor_decorative_is_refused(
    home, editor, image, action, alt_text
):
    response, page = create_page(
        client_for(editor),
        home,
        TITLE,
        action=action,
        introduction=INTRODUCTION,
        body=body_with_figure(image, alt_text=alt_text),
    )

    assert response.status_code == 200  # the editor again, not a redirect
    assert page is None
    assert "The page could not be created due to validation errors" in response.text
    assert figure_errors(response) == {"alt_text": [str(ALT_TEXT_MISSING)]}
    # Nothing else the editor typed is lost.
    form = response.context["form"]
    assert form["title"].value() == TITLE
    assert form["introduction"].value() == INTRODUCTION
    body = form["body"].value()
    assert PARAGRAPH in body[0].value.source
    assert body[1].value["caption"] == CAPTION
    assert body[1].value["image"].pk == image.pk


def test_an_existing_page_keeps_its_last_saved_version_when_the_alt_text_is_missing(
    home, editor, image
):
    page = home.add_child(instance=StandardPage(title=TITLE, introduction=INTRODUCTION))
    page.save_revision()
    response = edit_page(
        client_for(editor),
        page,
        introduction="A changed introduction.",
        body=body_with_figure(image),
    )
    assert response.status_code == 200
    assert figure_errors(response) == {"alt_text": [str(ALT_TEXT_MISSING)]}
    assert response.context["form"]["introduction"].value() == "A changed introduction."
    assert page.get_latest_revision().as_object().introduction == INTRODUCTION


def publish_through_review(editor, reviewer, home, body):
    response, page = create_page(
        client_for(editor), home, TITLE, action=SUBMIT, introduction=INTRODUCTION, body=body
    )
    assert response.status_code == 302, response.context["form"].errors
    response = workflow_action(client_for(reviewer), page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    return page


def figure_image(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    figure = BeautifulSoup(response.content, "html.parser").select_one("main figure.figure")
    return figure.img, figure


def test_the_alt_text_written_is_the_alt_text_visitors_get(home, editor, reviewer, image):
    page = publish_through_review(editor, reviewer, home, body_with_figure(image, ALT_TEXT))
    img, figure = figure_image(page)
    assert img["alt"] == ALT_TEXT
    assert figure.figcaption.get_text() == CAPTION


def test_a_decorative_image_has_empty_alt_text_even_if_some_was_typed(
    home, editor, reviewer, image
):
    page = publish_through_review(
        editor, reviewer, home, body_with_figure(image, alt_text=ALT_TEXT, decorative=True)
    )
    img, _figure = figure_image(page)
    assert img.has_attr("alt") and img["alt"] == ""


def chosen(editor, image):
    """What the page editor receives when the editor picks the image in the image chooser."""
    response = client_for(editor).get(reverse("wagtailimages_chooser:chosen", args=(image.pk,)))
    assert response.status_code == 200
    return response.json()["result"]


def test_picking_an_image_suggests_its_description_never_its_file_name(editor):
    assert chosen(editor, make_image(title="IMG_2041.jpg"))["default_alt_text"] == ""
    described = make_image(title="IMG_2042.jpg", description=ALT_TEXT)
    assert chosen(editor, described)["default_alt_text"] == ALT_TEXT
