"""The parts of every page editors control outside the page itself: main menu, footer, people."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import NavigationMenu, Person, SiteSettings, StandardPage
from members.models import User
from tests.site_tree import english_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return english_home()


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin@example.org", "a-long-password-1"))
    return client


def page_html(client, url="/"):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_the_main_menu_shows_the_editors_links_in_order(client, home):
    about = home.add_child(instance=StandardPage(title="About the PDU"))
    involved = home.add_child(instance=StandardPage(title="Get involved"))
    draft = home.add_child(instance=StandardPage(title="Not ready"))
    draft.unpublish()
    menu = NavigationMenu(name="Main menu", locale=Locale.get_default())
    menu.items = [
        menu.items.model(page=involved, label="Join in"),
        menu.items.model(page=about),
        menu.items.model(page=draft),
        menu.items.model(url="https://ncvs.example.org/", label="NCVS"),
    ]
    menu.save()

    nav = page_html(client, about.url).find("nav", attrs={"aria-label": "Main"})

    links = [(a.get_text(strip=True), a["href"]) for a in nav.find_all("a")]
    assert links == [
        ("Join in", involved.url),
        ("About the PDU", about.url),
        ("NCVS", "https://ncvs.example.org/"),
    ]
    assert nav.find("a", attrs={"aria-current": "page"}).get_text() == "About the PDU"


def test_the_main_menu_marks_the_section_of_a_page_below_one_of_its_links(client, home):
    events = home.add_child(instance=StandardPage(title="Events"))
    event = events.add_child(instance=StandardPage(title="Hoarding awareness"))
    menu = NavigationMenu(name="Main menu", locale=Locale.get_default())
    menu.items = [menu.items.model(page=home, label="Home"), menu.items.model(page=events)]
    menu.save()

    nav = page_html(client, event.url).find("nav", attrs={"aria-label": "Main"})
    marked = {a.get_text(strip=True): a.get("aria-current") for a in nav.find_all("a")}
    assert marked == {"Home": None, "Events": "true"}

    nav = page_html(client, home.url).find("nav", attrs={"aria-label": "Main"})
    marked = {a.get_text(strip=True): a.get("aria-current") for a in nav.find_all("a")}
    assert marked == {"Home": "page", "Events": None}


def test_without_a_menu_the_header_has_no_empty_navigation(client):
    assert page_html(client).find("nav", attrs={"aria-label": "Main"}) is None


def test_the_footer_shows_the_site_settings(client, home):
    privacy = home.add_child(instance=StandardPage(title="Privacy notice"))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "enquiries@pdunottingham.org"
    settings.footer_text = "Hosted by NCVS."
    settings.footer_links = [("page", privacy)]
    settings.social_links = [("link", {"name": "LinkedIn", "url": "https://linkedin.example/pdu"})]
    settings.save()

    footer = page_html(client).find("footer")

    assert "Hosted by NCVS." in footer.get_text()
    assert footer.find("a", href="mailto:enquiries@pdunottingham.org")
    assert footer.find("a", string="Privacy notice")["href"] == privacy.url
    assert footer.find("a", string="LinkedIn")["href"] == "https://linkedin.example/pdu"


def test_an_administrator_adds_a_person_through_the_admin(admin_client):
    response = admin_client.post(
        "/admin/snippets/home/person/add/",
        {
            "name": "Lee",
            "role": "Expert by experience",
            "organisation": "",
            "bio": "Lee helps design learning events.",
            "lived_experience": "on",
            "locale": Locale.get_default().pk,
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(name="Lee").lived_experience is True


def test_an_administrator_builds_the_menu_through_the_admin(admin_client, home):
    about = home.add_child(instance=StandardPage(title="About the PDU"))
    response = admin_client.post(
        "/admin/snippets/home/navigationmenu/add/",
        nested_form_data(
            {
                "name": "Main menu",
                "locale": Locale.get_default().pk,
                "items": inline_formset(
                    [
                        {"page": about.pk, "url": "", "label": ""},
                        {"page": "", "url": "https://ncvs.example.org/", "label": ""},
                    ]
                ),
            }
        ),
    )
    # An outside link without a label is refused with a clear message, and nothing is saved.
    assert response.status_code == 200
    assert "Links to other sites need a label." in response.content.decode()
    assert not NavigationMenu.objects.exists()
