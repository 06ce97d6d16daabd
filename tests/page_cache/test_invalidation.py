"""Changes made in the admin reach cached pages at once: exactly the pages that show them."""

from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import SiteSettings, StandardPage
from page_cache.middleware import HEADER
from tests.editorial.admin_actions import edit_page
from tests.events.booking_helpers import make_bookable_event
from tests.events.factories import make_community, make_event, make_event_index, make_person


def standard_page(parent, title):
    return parent.add_child(instance=StandardPage(title=title))


def cached(client, url):
    """Visit `url` until it comes from the cache; return its text."""
    client.get(url)
    response = client.get(url)
    assert response[HEADER] == "hit", url
    return response.content.decode()


def test_publishing_a_change_refreshes_that_page_and_the_pages_above_it_only(
    client, admin_client, home, committed
):
    section = standard_page(home, "Our work")
    page = standard_page(section, "Hostels")
    elsewhere = standard_page(home, "Contact us")
    for url in (home.url, section.url, page.url, elsewhere.url):
        cached(client, url)

    with committed():
        response = edit_page(
            admin_client, page, "action-publish", title="Hostels and Housing First"
        )
    assert response.status_code == 302

    fresh = client.get(page.url)
    assert fresh[HEADER].startswith("miss")
    assert "Hostels and Housing First" in fresh.content.decode()
    assert client.get(section.url)[HEADER].startswith("miss")
    assert client.get(home.url)[HEADER].startswith("miss")
    assert client.get(elsewhere.url)[HEADER] == "hit"


def test_a_newly_published_event_appears_on_the_cached_event_index(client, home, committed):
    index = make_event_index(home)
    assert "A first event" not in cached(client, index.url)

    with committed():
        event = make_event(index, "A first event", live=False)
        event.save_revision().publish()

    assert "A first event" in client.get(index.url).content.decode()


def test_unpublishing_takes_the_page_away_at_once(client, admin_client, home, committed):
    page = standard_page(home, "Old news")
    cached(client, page.url)

    with committed():
        admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    assert client.get(page.url).status_code == 404


def test_moving_a_page_moves_it_in_the_cache_too(client, admin_client, home, committed):
    old_parent = standard_page(home, "Old section")
    new_parent = standard_page(home, "New section")
    page = standard_page(old_parent, "Moving page")
    old_url = page.url
    assert "Moving page" in cached(client, old_url)
    cached(client, old_parent.url)

    with committed():
        admin_client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, new_parent.pk]))

    page.refresh_from_db()
    assert page.url != old_url
    assert client.get(old_url).url == page.url  # Wagtail's redirect from where it was
    assert "Moving page" in client.get(page.url).content.decode()
    assert client.get(old_parent.url)[HEADER].startswith("miss")


def test_deleting_a_page_takes_it_away_at_once(client, admin_client, home, committed):
    page = standard_page(home, "Short-lived")
    cached(client, page.url)

    with committed():
        admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))

    assert not StandardPage.objects.filter(pk=page.pk).exists()
    assert client.get(page.url).status_code == 404


def test_editing_a_person_refreshes_the_events_that_credit_them_only(
    client, admin_client, home, committed
):
    index = make_event_index(home)
    speaker = make_person("Amira Hussain", role="Hostel manager")
    with_speaker = make_event(index, "Hostels", speakers=[(speaker, "What helped")])
    without = make_event(index, "Housing First")
    cached(client, with_speaker.url)
    cached(client, without.url)

    with committed():
        response = admin_client.post(
            reverse("wagtailsnippets_home_person:edit", args=[speaker.pk]),
            {
                "name": "Amira Hussain-Khan",
                "role": "Hostel manager",
                "organisation": "",
                "bio": "",
                "action-publish": "action-publish",
            },
        )
    assert response.status_code == 302

    assert "Amira Hussain-Khan" in client.get(with_speaker.url).content.decode()
    assert client.get(without.url)[HEADER] == "hit"


def test_editing_the_site_settings_refreshes_every_page(client, admin_client, home, committed):
    page = standard_page(home, "Contact us")
    cached(client, home.url)
    cached(client, page.url)
    site = Site.objects.get(is_default_site=True)

    with committed():
        response = admin_client.post(
            reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk]),
            nested_form_data(
                {
                    "contact_email": "hello@pdu.example.org",
                    "footer_text": "Hosted by NCVS, Nottingham.",
                    "social_links": streamfield([]),
                    "footer_links": streamfield([]),
                }
            ),
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteSettings.for_site(site).footer_text == "Hosted by NCVS, Nottingham."

    for url in (home.url, page.url):
        assert "Hosted by NCVS, Nottingham." in client.get(url).content.decode()


def test_a_booking_updates_the_places_left_on_the_cached_event_page(
    client, member, home, committed
):
    event = make_bookable_event(capacity=2)
    assert "2 places left." in cached(client, event.url)
    client.force_login(member)

    with committed():
        response = client.post(reverse("event_book", args=[event.pk]))
    assert response.status_code == 302
    client.logout()

    assert "1 place left." in client.get(event.url).content.decode()


def test_an_event_published_in_a_workstream_appears_on_the_workstream_page(client, home, committed):
    workstream, _community = make_community()
    index = make_event_index(home)
    assert "Hostel case reviews" not in cached(client, workstream.url)

    with committed():
        event = make_event(index, "Hostel case reviews", live=False)
        event.workstreams = [workstream]
        event.save_revision().publish()

    assert "Hostel case reviews" in client.get(workstream.url).content.decode()


def test_a_new_english_event_reaches_the_polish_event_index_as_a_fallback(client, home, committed):
    from tests.events.test_event_languages import translate

    index = make_event_index(home)
    translate(home, "Strona główna")
    polish_index = translate(index, "Wydarzenia")
    assert "Hostel case reviews" not in cached(client, polish_index.url)

    with committed():
        event = make_event(index, "Hostel case reviews", live=False)
        event.save_revision().publish()

    assert "Hostel case reviews" in client.get(polish_index.url).content.decode()
