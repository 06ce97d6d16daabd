"""The demo accessibility statement keeps the structure of GOV.UK's sample statement."""

import pytest
from bs4 import BeautifulSoup

from home.demo_pages import build_general_pages
from tests.site_tree import ensure_site_tree

pytestmark = pytest.mark.django_db

# The sample statement's sections, in its order (h2, with h3 under some).
GOV_UK_SECTIONS = [
    ("h2", "How accessible this website is"),
    ("h2", "Feedback and contact information"),
    ("h2", "Reporting accessibility problems with this website"),
    ("h2", "Enforcement procedure"),
    ("h2", "Technical information about this website's accessibility"),
    ("h3", "Compliance status"),
    ("h2", "Non-accessible content"),
    ("h3", "Non-compliance with the accessibility regulations"),
    ("h3", "Content that's not within the scope of the accessibility regulations"),
    ("h2", "What we're doing to improve accessibility"),
    ("h2", "Preparation of this accessibility statement"),
]


@pytest.fixture
def statement(client):
    build_general_pages(ensure_site_tree())
    response = client.get("/accessibility/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("main")


def test_sections_follow_the_gov_uk_sample_in_order(statement):
    headings = [
        (
            heading.name,
            heading.get_text(" ", strip=True).replace("\N{RIGHT SINGLE QUOTATION MARK}", "'"),
        )
        for heading in statement.find_all(["h2", "h3"])
    ]
    assert [h for h in headings if h in GOV_UK_SECTIONS] == GOV_UK_SECTIONS


def test_states_the_standard_the_contact_and_how_the_site_is_tested(statement):
    text = statement.get_text(" ", strip=True)
    assert (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    )
    assert statement.find("a", href="mailto:enquiries@pdunottingham.org")
    assert "Equality Advisory and Support Service" in text
    assert "This website was last tested on" in text
    for method in ["axe", "320 pixels wide", "dark colour schemes", "only a keyboard"]:
        assert method in text, method
