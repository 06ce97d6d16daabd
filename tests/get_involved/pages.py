"""Test data (a "Get involved" page with a form under it, built as editors would) and checks."""

from get_involved.models import GetInvolvedFormField, GetInvolvedFormPage
from home.models import StandardPage
from tests.site_tree import english_home

TEAM_ADDRESS = "team@example.org"

FIELDS = [
    {"label": "Your name", "field_type": "singleline", "required": False},
    {"label": "Email", "field_type": "email", "required": False},
    {"label": "Topic", "field_type": "singleline", "help_text": "In a few words."},
    {"label": "Why it matters", "field_type": "multiline"},
    {
        "label": "Workstream",
        "field_type": "radio",
        "required": False,
        "choices": "Housing First and Homelessness\nWomen's Complex Needs\nNot sure",
    },
    {"label": "Lived experience", "field_type": "checkbox", "required": False},
]

# A complete, valid answer to FIELDS, as a browser posts it.
ANSWERS = {
    "your_name": "Sam Okafor",
    "email": "sam@example.org",
    "topic": "Hoarding and tenancy support",
    "why_it_matters": "Several of our tenants are at risk of eviction.",
    "workstream": "Housing First and Homelessness",
    "lived_experience": "on",
}


def get_involved_page():
    home = english_home()
    page = StandardPage.objects.child_of(home).filter(slug="get-involved").first()
    return page or home.add_child(instance=StandardPage(title="Get involved", slug="get-involved"))


def make_form_page(parent=None, fields=FIELDS, **extra):
    extra.setdefault("title", "Suggest a topic")
    extra.setdefault("slug", "suggest-a-topic")
    extra.setdefault("intro", "<p>Tell us what you would like to learn about.</p>")
    extra.setdefault("thank_you_text", "<p>Thank you for your suggestion.</p>")
    extra.setdefault("to_address", TEAM_ADDRESS)
    page = GetInvolvedFormPage(
        form_fields=[GetInvolvedFormField(**field) for field in fields], **extra
    )
    (parent or get_involved_page()).add_child(instance=page)
    return page


def answers(**overrides):
    data = {**ANSWERS, **overrides}
    return {name: value for name, value in data.items() if value is not None}


def is_never_cached(response):
    """Whether the response tells every cache, shared or the browser's, not to keep it."""
    directives = {part.strip().split("=")[0] for part in response["Cache-Control"].split(",")}
    return {"private", "no-cache", "no-store"}.issubset(directives)
