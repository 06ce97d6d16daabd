"""Where form pages live, how they look to a visitor, and how editors make them."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from get_involved.forms import HONEYPOT_FIELD_NAME
from get_involved.models import GetInvolvedFormPage
from home.models import HomePage, StandardPage
from tests.editorial.admin_actions import workflow_action
from tests.roles import client_for

from .pages import get_involved_page, is_never_cached, make_form_page


class FormPageRulesTests(WagtailPageTestCase):
    def test_lives_under_a_general_page_only(self):
        self.assertAllowedParentPageTypes(GetInvolvedFormPage, {StandardPage})
        self.assertAllowedSubpageTypes(GetInvolvedFormPage, set())
        self.assertCanCreateAt(StandardPage, GetInvolvedFormPage)
        self.assertCanNotCreateAt(HomePage, GetInvolvedFormPage)
        self.assertCanNotCreateAt(Page, GetInvolvedFormPage)

    def test_renders_and_previews_both_the_form_and_the_thank_you_page(self):
        page = make_form_page()
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(page)
        self.assertPageIsPreviewable(page, mode="form")
        self.assertPageIsPreviewable(page, mode="landing")


def add_form_page(client, parent, action, **fields):
    """Post the admin's "add page" form for a get-involved form, as the editor's browser does."""
    data = {
        "title": "Offer to speak",
        "slug": "offer-to-speak",
        "intro": rich_text("<p>Share what you know.</p>"),
        "form_fields": inline_formset(
            [
                {"label": "Name", "field_type": "singleline", "required": "on"},
                {"label": "What you would offer", "field_type": "multiline"},
            ]
        ),
        "thank_you_text": rich_text("<p>We will be in touch.</p>"),
        "to_address": "team@example.org, lead@example.org",
        "from_address": "",
        "subject": "Offer to speak",
        action: action,
        **fields,
    }
    return client.post(
        f"/admin/pages/add/get_involved/getinvolvedformpage/{parent.pk}/", nested_form_data(data)
    )


@pytest.mark.django_db
def test_an_editor_builds_a_form_and_a_reviewer_publishes_it(editor, reviewer, client):
    response = add_form_page(client_for(editor), get_involved_page(), "action-submit")

    assert response.status_code == 302, response.content.decode()[:3000]
    page = GetInvolvedFormPage.objects.get(slug="offer-to-speak")
    assert not page.live
    workflow_action(client_for(reviewer), page, "approve")
    page.refresh_from_db()
    assert page.live
    assert [(f.clean_name, f.required) for f in page.form_fields.all()] == [
        ("name", True),
        ("what_you_would_offer", False),
    ]
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert html.find("label", attrs={"for": "id_name"}).get_text(strip=True) == "Name"
    assert html.find(id="id_what_you_would_offer").name == "textarea"


@pytest.mark.django_db
def test_the_admin_refuses_a_wrong_email_address(administrator):
    response = add_form_page(
        client_for(administrator),
        get_involved_page(),
        "action-publish",
        to_address="team@example.org, not an address",
    )

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not GetInvolvedFormPage.objects.filter(slug="offer-to-speak").exists()


@pytest.mark.django_db
def test_renders_every_field_with_its_label_hint_and_a_hidden_honeypot(client):
    page = make_form_page()

    response = client.get(page.url)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert [h1.get_text(strip=True) for h1 in html.find_all("h1")] == ["Suggest a topic"]
    assert "Tell us what you would like to learn about." in html.main.get_text()
    form = html.main.find("form")
    assert form["method"] == "post" and form["action"] == page.url
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    labels = {label["for"]: label.get_text(" ", strip=True) for label in form.find_all("label")}
    assert labels["id_your_name"] == "Your name (optional)"
    assert labels["id_topic"] == "Topic"
    assert labels["id_lived_experience"] == "Lived experience"
    assert form.find(id="id_topic")["aria-describedby"] == "id_topic_helptext"
    assert form.find(id="id_topic_helptext").get_text() == "In a few words."
    assert form.find(id="id_your_name")["autocomplete"] == "name"
    assert form.find(id="id_email")["autocomplete"] == "email"
    # Radio buttons are grouped under their question.
    assert form.find("fieldset").legend.get_text(" ", strip=True) == "Workstream (optional)"
    assert len(form.find("fieldset").find_all("input", type="radio")) == 3
    # No maxlength: browsers would silently cut pasted text; the server explains instead.
    assert not form.find(id="id_topic").has_attr("maxlength")
    assert not form.find(id="id_why_it_matters").has_attr("maxlength")

    honeypot = form.find(attrs={"name": HONEYPOT_FIELD_NAME})
    assert honeypot["tabindex"] == "-1"
    wrapper = honeypot.find_parent(class_="field")
    assert "field--honeypot" in wrapper["class"]
    assert wrapper.label.get_text() == "Leave this empty"
    assert form.find("button", type="submit").get_text(strip=True) == "Send"
    assert "css/forms.css" in str(html.head)


@pytest.mark.django_db
def test_a_signed_in_member_is_told_the_form_is_linked_to_their_account(member):
    page = make_form_page()

    response = client_for(member).get(page.url)

    assert "linked to your account" in response.content.decode()


@pytest.mark.django_db
def test_the_form_page_is_never_cached(client):
    page = make_form_page()

    assert is_never_cached(client.get(page.url))


@pytest.mark.django_db
def test_listed_on_its_general_page_with_the_start_of_its_intro(client):
    page = make_form_page(intro="<p>Tell us what you want to learn &amp; why.</p><p>Two.</p>")

    main = BeautifulSoup(client.get(page.get_parent().url).content, "html.parser").main

    card = main.find("a", string="Suggest a topic").find_parent(class_="card")
    assert card.find(class_="card__summary").get_text() == (
        "Tell us what you want to learn & why. Two."
    )


@pytest.mark.django_db
def test_site_search_finds_a_form_by_its_intro(client):
    make_form_page(intro="<p>Suggest a topic about hoarding or anything else.</p>")

    html = BeautifulSoup(client.get("/search/", {"q": "hoarding"}).content, "html.parser")

    result = html.find("a", class_="search-result__link", string="Suggest a topic")
    assert result is not None
    assert "about hoarding or anything else" in result.find_parent("li").get_text()
