"""Images reach readers as responsive renditions: WebP first with a JPEG or PNG fallback, several
widths to choose from, width and height so the layout does not shift, and lazy loading (every
image sits below the page heading).

Real pages through HTTP with real image files; then every rendition a page lists is fetched the
way a browser fetches it, from the media folder the web server in front of the site serves.
"""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import re_path
from django.views.static import serve
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from home.models import StandardPage
from pdu_site.urls import urlpatterns as site_urlpatterns
from tests.events.factories import make_event, make_event_index, make_person

# The site's own URLs, plus image files served from the media folder as the web server in front
# does in production (the site serves them itself only with DEBUG on).
urlpatterns = [
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}images/(?P<path>.+)$",
        serve,
        {"document_root": settings.MEDIA_ROOT / "images"},
    ),
    *site_urlpatterns,
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

ALT_TEXT = "Two support workers talking with a man outside a hostel"
FIGURE_WIDTHS = [800, 400, 1200, 1600]
FIGURE_SIZES = "(min-width: 54em) 800px, (min-width: 40em) calc(100vw - 4rem), calc(100vw - 2rem)"


@pytest.fixture(autouse=True)
def empty_rendition_cache():
    # Wagtail caches renditions by image id; ids come round again after other tests roll back.
    caches["default"].clear()


def upload_image(name, size, mode="RGB", image_format="JPEG"):
    buffer = io.BytesIO()
    colour = (29, 79, 92, 128) if mode == "RGBA" else (29, 79, 92)
    PillowImage.new(mode, size, colour).save(buffer, image_format)
    return get_image_model().objects.create(title=name, file=ImageFile(buffer, name=name))


def publish_page_with_figure(home, image, alt_text="", decorative=False):
    figure = {
        "type": "figure",
        "value": {
            "image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative},
            "caption": "A street outreach session.",
        },
    }
    return home.add_child(
        instance=StandardPage(title="Meeting people where they are", body=json.dumps([figure]))
    )


def get_html(url):
    response = Client().get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def width_candidates(srcset):
    """The srcset's (URL, width) pairs, in order."""
    candidates = []
    for candidate in srcset.split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w"), srcset
        candidates.append((url, int(descriptor[:-1])))
    return candidates


def fetch_image(url, content_type):
    """Fetch a rendition as a browser would; check its type header and what is really in it."""
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == content_type, url
    image = PillowImage.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.get_format_mimetype() == content_type, url
    return image


def assert_candidates_serve(srcset, content_type):
    for url, width in width_candidates(srcset):
        assert fetch_image(url, content_type).width == width, url


def webp_source_and_fallback(html, selector):
    """The <picture>'s one <source> and its fallback <img>, which must come after it."""
    picture = html.select_one(selector)
    assert picture is not None, html.select_one("main")
    source, img = picture.find_all(recursive=False)
    assert (source.name, img.name) == ("source", "img"), picture
    return source, img


def test_a_body_photograph_comes_in_webp_and_jpeg_at_several_widths(home):
    page = publish_page_with_figure(home, upload_image("outreach.jpg", (1800, 1200)), ALT_TEXT)

    webp, img = webp_source_and_fallback(get_html(page.url), "main figure.figure > picture")

    assert webp["type"] == "image/webp"
    assert [width for _url, width in width_candidates(webp["srcset"])] == FIGURE_WIDTHS
    assert webp["sizes"] == FIGURE_SIZES
    assert [width for _url, width in width_candidates(img["srcset"])] == FIGURE_WIDTHS
    assert img["sizes"] == FIGURE_SIZES
    # Shown at most 800px wide, as before: room kept for it before it loads.
    assert (img["width"], img["height"]) == ("800", "533")
    assert img["alt"] == ALT_TEXT
    assert img["class"] == ["figure__image"]
    assert (img["loading"], img["decoding"]) == ("lazy", "async")

    assert_candidates_serve(webp["srcset"], "image/webp")
    assert_candidates_serve(img["srcset"], "image/jpeg")
    assert fetch_image(img["src"], "image/jpeg").size == (800, 533)


def test_a_decorative_png_diagram_keeps_png_and_its_transparency_as_the_fallback(home):
    diagram = upload_image("pathway.png", (1600, 1000), mode="RGBA", image_format="PNG")
    page = publish_page_with_figure(home, diagram, alt_text=ALT_TEXT, decorative=True)

    webp, img = webp_source_and_fallback(get_html(page.url), "main figure.figure > picture")

    assert img.has_attr("alt") and img["alt"] == ""
    assert (img["width"], img["height"]) == ("800", "500")
    assert img["loading"] == "lazy"
    assert [width for _url, width in width_candidates(webp["srcset"])] == FIGURE_WIDTHS
    assert_candidates_serve(webp["srcset"], "image/webp")
    assert_candidates_serve(img["srcset"], "image/png")
    assert fetch_image(img["src"], "image/png").mode == "RGBA"


def test_a_speakers_photo_comes_at_its_size_and_twice_it_for_sharp_screens(home):
    speaker = make_person(photo=upload_image("amira.jpg", (400, 300)), live=True)
    event = make_event(make_event_index(), speakers=[(speaker, "Welcome")])

    webp, img = webp_source_and_fallback(get_html(event.url), "main .person > picture")

    assert webp["type"] == "image/webp"
    assert [width for _url, width in width_candidates(webp["srcset"])] == [96, 192]
    # Shown at 96px, so the browser takes the 192px file only on a screen of density 2 or more.
    assert webp["sizes"] == img["sizes"] == "96px"
    assert (img["width"], img["height"]) == ("96", "96")
    assert img.has_attr("alt") and img["alt"] == ""
    assert img["class"] == ["person__photo"]
    assert (img["loading"], img["decoding"]) == ("lazy", "async")

    assert_candidates_serve(webp["srcset"], "image/webp")
    assert_candidates_serve(img["srcset"], "image/jpeg")
    assert fetch_image(img["src"], "image/jpeg").size == (96, 96)


def rendition_lookups(url):
    with CaptureQueriesContext(connection) as queries:
        get_html(url)
    rendition_table = get_image_model().get_rendition_model()._meta.db_table
    return sum(f'FROM "{rendition_table}"' in query["sql"] for query in queries.captured_queries)


def test_renditions_are_looked_up_with_the_speakers_not_per_photo_format_or_width(home):
    speakers = [
        (
            make_person(name=f"Speaker {n}", photo=upload_image(f"{n}.jpg", (300, 300)), live=True),
            "",
        )
        for n in range(3)
    ]
    event = make_event(make_event_index(), speakers=speakers)
    get_html(event.url)  # the first view makes the files

    caches["default"].clear()
    assert rendition_lookups(event.url) == 1  # every photo's renditions, with the speakers
    assert rendition_lookups(event.url) == 1  # the same however many photos or views


def test_an_image_narrower_than_the_widest_rendition_is_not_listed_twice(home):
    image = upload_image("hostel.jpg", (1000, 600))
    page = publish_page_with_figure(home, image, alt_text=ALT_TEXT)

    webp, img = webp_source_and_fallback(get_html(page.url), "main figure.figure > picture")

    # Wagtail never enlarges: 1200 and 1600 would both be the 1000px original again.
    assert [width for _url, width in width_candidates(webp["srcset"])] == [800, 400, 1000]
    assert [width for _url, width in width_candidates(img["srcset"])] == [800, 400, 1000]
    assert_candidates_serve(webp["srcset"], "image/webp")
