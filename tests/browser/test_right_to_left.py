"""A reader of Urdu opens an English event page, switches to Urdu with the language switcher and
gets the page right to left: the header and main menu mirrored, still passing axe (WCAG 2.2 AA).

The screenshot is kept in test-results, for people to look at.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from events.models import EventSpeaker
from home.models import NavigationMenu, StandardPage
from tests.browser.accessibility import assert_no_axe_violations
from tests.browser.screenshots import results_folder
from tests.events.factories import make_event, make_event_index, make_person, make_venue
from tests.site_tree import ensure_site_tree

SCREENSHOT = results_folder() / "event-page-urdu.png"

TITLE_UR = "صدمے سے آگاہ نگہداشت: ایک تعارف"
FULL_STOP = "\N{ARABIC FULL STOP}"  # Urdu ends its sentences with this, not "."


def make_urdu_venue(venue, urdu):
    """The venue's details in Urdu, as a translator would write them (names and postcodes stay)."""
    venue_ur = venue.copy_for_translation(urdu)
    venue_ur.step_free_access = f"میڈ میرین وے کی طرف سے ہموار داخلہ، اور ہر منزل تک لفٹ{FULL_STOP}"
    venue_ur.toilets = f"گراؤنڈ فلور پر قابلِ رسائی بیت الخلا، سب کے لیے{FULL_STOP}"
    venue_ur.travel = f"اولڈ مارکیٹ اسکوائر ٹرام اسٹاپ سے پانچ منٹ پیدل{FULL_STOP}"
    venue_ur.save()
    return venue_ur


def make_event_in_english_and_urdu():
    speaker = make_person("Amira Hussain")
    venue = make_venue()
    # Ten days ahead at 10:00, so the screenshot shows a time a real event would have.
    start = timezone.localtime() + timedelta(days=10)
    event = make_event(
        make_event_index(),
        title="Trauma-informed care: an introduction",
        start=start.replace(hour=10, minute=0, second=0, microsecond=0),
        hours=2.5,
        summary="What trauma-informed care means in everyday practice.",
        venue=venue,
        speakers=[(speaker, "Small changes that make services feel safer")],
    )
    event.save_revision().publish()
    urdu = Locale.objects.get(language_code="ur")
    # The home page and the events page come along as Urdu aliases of the English ones.
    event_ur = event.copy_for_translation(urdu, copy_parents=True)
    event_ur.title = TITLE_UR
    event_ur.summary = f"روزمرہ کام میں صدمے سے آگاہ نگہداشت کا کیا مطلب ہے{FULL_STOP}"
    event_ur.body = [
        (
            "paragraph",
            "<p>پرانا صدمہ کیسے چھوٹی ہوئی ملاقاتوں، غصے یا کنارہ کشی کی صورت میں سامنے آ سکتا "
            f"ہے، اور وہ چھوٹی تبدیلیاں جو خدمات کو زیادہ محفوظ محسوس کراتی ہیں{FULL_STOP}</p>",
        )
    ]
    event_ur.venue = make_urdu_venue(venue, urdu)
    event_ur.speakers = [
        EventSpeaker(person=speaker, topic="چھوٹی تبدیلیاں جو خدمات کو زیادہ محفوظ بناتی ہیں")
    ]
    event_ur.save_revision().publish()
    return event, event_ur


def make_main_menus(home, events_index):
    """The main menu in English and in Urdu, with the same three links."""
    about = home.add_child(instance=StandardPage(title="About the PDU"))
    english = NavigationMenu(name="Main menu", locale=Locale.get_default())
    english.items = [
        english.items.model(page=events_index, label="What's on"),
        english.items.model(page=about),
        english.items.model(url="https://www.ncvs.co.uk/", label="NCVS"),
    ]
    english.save()
    urdu = NavigationMenu(
        name="Main menu",
        locale=Locale.objects.get(language_code="ur"),
        translation_key=english.translation_key,
    )
    urdu.items = [
        urdu.items.model(page=events_index, label="تقریبات"),
        urdu.items.model(page=about, label="ہمارے بارے میں"),
        urdu.items.model(url="https://www.ncvs.co.uk/", label="این سی وی ایس"),
    ]
    urdu.save()


def box(locator):
    return locator.bounding_box()


def test_an_event_page_switches_to_urdu_and_reads_right_to_left(page):
    home = ensure_site_tree()
    event, event_ur = make_event_in_english_and_urdu()
    make_main_menus(home, event.get_parent())
    page.set_viewport_size({"width": 1280, "height": 800})

    page.goto(event.url)
    assert page.locator("html").get_attribute("dir") == "ltr"
    english_menu = page.locator(".primary-navigation__link")
    assert box(english_menu.first)["x"] < box(english_menu.last)["x"]

    languages = page.get_by_role("navigation", name="Languages")
    assert languages.get_by_role("link", name="English").get_attribute("aria-current") == "true"
    with page.expect_navigation():
        languages.get_by_role("link", name="اردو").click()

    assert page.url.endswith(event_ur.url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("h1").inner_text() == TITLE_UR
    current = page.locator(".language-switcher__link[aria-current='true']")
    assert current.inner_text() == "اردو"

    # Mirrored: the site's name and the page's heading start at the right edge, the main menu
    # runs from right to left and the language switcher sits at the left (the inline end).
    urdu_menu = page.locator(".primary-navigation__link")
    assert urdu_menu.first.inner_text() == "تقریبات"
    assert box(urdu_menu.first)["x"] > box(urdu_menu.last)["x"]
    main = box(page.locator("main"))
    for start_aligned in [page.locator(".site-header__name"), page.locator("h1")]:
        right_edge = box(start_aligned)["x"] + box(start_aligned)["width"]
        assert main["x"] + main["width"] - right_edge < 48
    assert box(page.locator(".language-switcher__list"))["x"] < main["width"] / 4

    assert_no_axe_violations(page)

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
