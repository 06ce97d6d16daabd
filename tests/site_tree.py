"""Rebuild the minimum page tree that migrations create, for tests that run after a flush."""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from editorial.roles import ensure_roles
from editorial.workflow import ensure_review_workflow
from home.locales import ensure_locales
from home.models import HomePage


def ensure_site_tree():
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    ensure_locales()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title="Practice Development Unit", slug="home", locale=locale)
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "PDU Hub"},
    )
    ensure_roles()
    ensure_review_workflow()  # a flush removed its link to the root page
    return home


def english_home():
    """The home page of the site's main language (other languages have home pages too)."""
    return HomePage.objects.get(depth=2, locale=Locale.get_default())
