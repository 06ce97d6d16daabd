"""Stored XSS: what limited editors type, paste or import never runs as script for others.

A section editor (and, where the section team cannot reach, an editor or a translator) stores
payloads through the admin's own URLs in every field shown to other people. Then an
administrator opens the admin screens that show them, and a visitor the public pages. Each
screen must show the payload (so the test can fail) and only ever as text: no element with an
`on*` attribute, no `javascript:` or `data:` address, no executable script holding the payload.

Draftail posts its content as JSON (contentstate). Someone who skips the editor's JavaScript can
post any JSON, so the rich text payloads here are hand-written contentstate, not what the editor
would produce.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.editorial.admin_actions import workflow_action
from tests.roles import client_for
from workstreams.models import CommunityOfPracticePage

pytestmark = pytest.mark.django_db

MARK = "xss-probe"
SCRIPT = f'<script>alert("{MARK}")</script>'
IMG = f'<img src=x onerror=alert("{MARK}")>'
# Closes whatever script element the text is written into, then opens one of its own.
BREAKOUT = f'</script><script>alert("{MARK}")</script>'
PAYLOAD = f"{SCRIPT}{IMG}"

JAVASCRIPT_URLS = [
    f'javascript:alert("{MARK}")',
    f' JaVaScRiPt:alert("{MARK}")',
    f'java\tscript:alert("{MARK}")',
    f"data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLXByb2JlJyk8L3NjcmlwdD4=#{MARK}",
]
SAFE_URL = "https://example.org/safe-link"

EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
# Browsers ignore control characters and spaces inside a scheme: "java\tscript:" still runs.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f-\xa0]+")


def dangerous_url(value):
    scheme = IGNORED_IN_SCHEME.sub("", str(value)).lower()
    return scheme.startswith(("javascript:", "data:", "vbscript:"))


def injected_markup(html):
    """What in `html` a payload could have put there, described; [] when there is nothing."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            handler = name.lower().startswith("on")
            if handler or (name.lower() in URL_ATTRIBUTES and dangerous_url(value)):
                found.append(f"<{element.name} {name}={value!r}>")
        if element.name == "script":
            kind = element.get("type", "").strip().lower()
            if kind in EXECUTABLE_SCRIPT_TYPES and MARK in element.get_text():
                found.append(f"executable script: {element.get_text()[:80]!r}")
    for raw in ("<script>alert", "<img src=x onerror"):
        if raw in html:
            found.append(f"raw {raw!r}")
    return found


def screen_html(response):
    """The HTML of a screen; a chooser modal answers with JSON holding its HTML."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def assert_shown_safely(response, *texts):
    """The screen answered, shows the stored `texts` (as text), and carries no injected markup."""
    assert response.status_code == 200, response.status_code
    html = screen_html(response)
    for text in texts or (MARK,):
        assert text in html or text in BeautifulSoup(html, "html.parser").get_text(), text
    assert injected_markup(html) == []


# Rich text as Draftail posts it ------------------------------------------------------------------


def contentstate(*blocks, entities=None):
    """Draftail's JSON: `blocks` are (text, [(offset, length, entity key)]) pairs."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": f"b{index}",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [
                        {"offset": offset, "length": length, "key": key}
                        for offset, length, key in ranges
                    ],
                    "data": {},
                }
                for index, (text, ranges) in enumerate(blocks)
            ],
            "entityMap": entities or {},
        }
    )


def hostile_rich_text():
    """Script typed as text, links to javascript: and data: addresses, an image with onerror
    and an embed the field does not allow, beside one ordinary link that must survive."""
    link_text = "Read more"
    entities = {
        str(key): {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        for key, url in enumerate(JAVASCRIPT_URLS)
    }
    safe_key = len(entities)
    entities[str(safe_key)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": SAFE_URL}}
    entities[str(safe_key + 1)] = {
        "type": "IMAGE",
        "mutability": "IMMUTABLE",
        "data": {"id": 1, "src": "x", "alt": f"x\" onerror=\"alert('{MARK}')", "format": "left"},
    }
    blocks = [(f"{PAYLOAD} {MARK} typed as text", [])]
    blocks += [(link_text, [(0, len(link_text), key)]) for key in range(safe_key + 1)]
    blocks.append(("image", [(0, 5, safe_key + 1)]))
    return contentstate(*blocks, entities=entities)


def hostile_stream():
    """Every block of the shared BodyBlock the section team can fill without a chooser."""
    return streamfield(
        [
            ("paragraph", hostile_rich_text()),
            ("quote", {"quote": PAYLOAD, "attribution": PAYLOAD, "lived_experience": ""}),
            ("content_note", {"text": PAYLOAD}),
            (
                "video",
                {
                    "title": PAYLOAD,
                    "url": SAFE_URL,
                    "file": "",
                    "duration": PAYLOAD[:50],
                    "captions": "",
                    "transcript": hostile_rich_text(),
                },
            ),
            (
                "call_to_action",
                {
                    "heading": PAYLOAD,
                    "text": PAYLOAD,
                    "page": "",
                    "url": SAFE_URL,
                    "link_text": PAYLOAD[:80],
                },
            ),
            ("details", {"summary": PAYLOAD, "content": hostile_rich_text()}),
        ]
    )


# The section editor's page ----------------------------------------------------------------------

TITLE = f"Hostel key work {PAYLOAD}"


def community_form(title=TITLE, slug="hostel-key-work", action="action-submit", body=None):
    data = {
        "title": title,
        "slug": slug,
        "seo_title": PAYLOAD,
        "search_description": PAYLOAD,
        "summary": f"{PAYLOAD} summary",
        "purpose": hostile_rich_text(),
        "who_it_is_for": hostile_rich_text(),
        "meeting_pattern": PAYLOAD,
        "how_to_join": hostile_rich_text(),
        "facilitator": "",
        "body": body if body is not None else hostile_stream(),
        "review_by": "",
        action: action,
    }
    return nested_form_data(data)


def add_community(client, workstream, **form):
    url = reverse(
        "wagtailadmin_pages:add", args=("workstreams", "communityofpracticepage", workstream.pk)
    )
    response = client.post(url, community_form(**form))
    return response, CommunityOfPracticePage.objects.filter(
        slug=form.get("slug", "hostel-key-work")
    ).first()


@pytest.fixture
def hostile_page(workstreams, section_editor):
    """A Community of Practice the section editor wrote with payloads everywhere, in review."""
    response, page = add_community(client_for(section_editor), workstreams["housing"])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert page is not None and page.current_workflow_state is not None
    return page


def test_the_editor_stores_payloads_but_not_dangerous_links(hostile_page):
    page = hostile_page.get_latest_revision_as_object()
    stored = page.purpose
    assert "&lt;script&gt;" in stored
    assert f'<a href="{SAFE_URL}">' in stored
    assert injected_markup(stored) == []
    assert "javascript" not in stored.lower() and "data:" not in stored
    assert "<embed" not in stored


def admin_screens(page):
    rev = page.latest_revision
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore", args=(page.get_parent().pk,)),
        "edit": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        "history": reverse("wagtailadmin_pages:history", args=(page.pk,)),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)),
        "compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=(page.pk, "earliest", rev.pk)
        ),
        "preview": reverse(
            "wagtailadmin_pages:workflow_preview", args=(page.pk, page.current_workflow_task.pk)
        ),
        "page search": reverse("wagtailadmin_pages:search") + f"?q={MARK}",
        "workflow report": reverse("wagtailadmin_reports:workflow"),
        "workflow tasks report": reverse("wagtailadmin_reports:workflow_tasks"),
        "site history": reverse("wagtailadmin_reports:site_history"),
        "page chooser": reverse("wagtailadmin_choose_page_child", args=(page.get_parent().pk,)),
        "page chooser search": reverse("wagtailadmin_choose_page_search") + f"?q={MARK}",
    }


@pytest.mark.parametrize(
    "screen",
    [
        "dashboard",
        "explorer",
        "edit",
        "history",
        "workflow history",
        "compare",
        "preview",
        "page search",
        "workflow report",
        "workflow tasks report",
        "site history",
        "page chooser",
        "page chooser search",
    ],
)
def test_the_administrator_sees_the_payloads_as_text(hostile_page, administrator, screen):
    url = admin_screens(hostile_page)[screen]
    assert_shown_safely(client_for(administrator).get(url))


def test_the_checks_find_each_kind_of_injection():
    """The screens above pass because nothing was injected, not because nothing is looked for."""
    assert injected_markup(f"<p>{IMG}</p>")
    assert injected_markup(f"<p>{SCRIPT}</p>")
    assert injected_markup(f'<script type="application/ld+json">{{"a": "{BREAKOUT}"}}</script>')
    assert injected_markup('<a href=" jav&#x09;ascript:alert(1)">x</a>')
    assert injected_markup('<a href="data:text/html,x">x</a>')
    assert injected_markup('<svg><a xlink:href="javascript:alert(1)">x</a></svg>')
    assert injected_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>") == []


# What the public sees once a reviewer approves ---------------------------------------------------


def approve(page, reviewer):
    response = workflow_action(client_for(reviewer), page, "approve", comment="Looks fine.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    return page


@pytest.fixture
def published_hostile_page(hostile_page, reviewer):
    return approve(hostile_page, reviewer)


@pytest.mark.parametrize("screen", ["page", "workstream", "search"])
def test_visitors_see_the_published_payloads_as_text(published_hostile_page, workstreams, screen):
    url = {
        "page": published_hostile_page.url,
        "workstream": workstreams["housing"].url,
        "search": f"/search/?q={MARK}",
    }[screen]
    response = Client().get(url)
    assert_shown_safely(response)
    if screen == "page":
        # The ordinary link in the same rich text is kept: only the dangerous ones went.
        assert BeautifulSoup(response.content, "html.parser").find("a", href=SAFE_URL)


# An editor's event, its venue and the library's terms ---------------------------------------------

EVENT_TITLE = f"Hostel rules {BREAKOUT}"


def submit_snippet(client, model_name, app_label, **fields):
    response = client.post(
        reverse(f"wagtailsnippets_{app_label}_{model_name}:add"),
        {**fields, "action-submit": "action-submit"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def approve_snippet(reviewer, snippet):
    meta = snippet._meta
    url = reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:workflow_action",
        args=[snippet.pk, "approve", snippet.current_workflow_task_state.pk],
    )
    assert client_for(reviewer).post(url).status_code == 302
    snippet.refresh_from_db()
    assert snippet.live
    return snippet


@pytest.fixture
def hostile_venue(editor, reviewer):
    from events.models import Venue

    submit_snippet(
        client_for(editor),
        "venue",
        "events",
        name=f"Byron House {BREAKOUT}"[:150],
        address=f"{PAYLOAD}\n{BREAKOUT}\nNottingham",
        postcode="NG1 6HL",
        step_free_access=PAYLOAD,
        toilets=PAYLOAD,
        travel=BREAKOUT,
    )
    return approve_snippet(reviewer, Venue.objects.get(postcode="NG1 6HL"))


@pytest.fixture
def hostile_event(home, editor, reviewer, hostile_venue):
    from events.models import EventPage
    from tests.events.factories import event_form_data, make_event_index

    index = make_event_index(home)
    data = event_form_data(
        title=EVENT_TITLE,
        slug="hostel-rules",
        summary=f"{PAYLOAD} {BREAKOUT}",
        venue=hostile_venue.pk,
        content_note=PAYLOAD,
        body=hostile_stream(),
        booking_information=hostile_rich_text(),
        adjustments=hostile_rich_text(),
        cancellation_note=PAYLOAD,
    )
    data["action-submit"] = "action-submit"
    response = client_for(editor).post(
        reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk)), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return approve(EventPage.objects.get(slug="hostel-rules"), reviewer)


def test_an_event_title_cannot_close_the_structured_data_script(hostile_event):
    response = Client().get(hostile_event.url)
    assert_shown_safely(response)
    soup = BeautifulSoup(response.content, "html.parser")
    structured = soup.find_all("script", type="application/ld+json")
    assert len(structured) == 1
    # Still one JSON document, with the title and the venue exactly as the editor typed them.
    data = json.loads(structured[0].string)
    assert data["name"] == EVENT_TITLE
    assert data["location"]["name"].startswith("Byron House </script>")


@pytest.mark.parametrize("screen", ["index", "calendar search", "search"])
def test_event_listings_show_the_payloads_as_text(hostile_event, screen):
    url = {
        "index": hostile_event.get_parent().url,
        "calendar search": f"{hostile_event.get_parent().url}?q={MARK}",
        "search": f"/search/?q={MARK}",
    }[screen]
    assert_shown_safely(Client().get(url))


def feed_entries(response):
    """Each entry's title and text from an RSS or Atom feed, as HTML for a feed reader."""
    soup = BeautifulSoup(response.content, "xml")
    entries = soup.find_all("item") or soup.find_all("entry")
    return [
        (entry.find("title").get_text(), (entry.find("description") or entry.find("summary")))
        for entry in entries
    ]


@pytest.mark.parametrize("feed", ["events_rss", "events_atom"])
def test_feed_readers_get_the_payloads_as_text(hostile_event, feed):
    """Feed readers read an RSS description and an Atom summary (Django writes type="html") as
    HTML: the summary must arrive escaped. Titles are plain text in both formats."""
    response = Client().get(reverse(feed))
    assert response.status_code == 200
    entries = feed_entries(response)
    assert entries
    for title, description in entries:
        assert MARK in title and MARK in description.get_text()
        assert injected_markup(description.get_text()) == []


# Images and documents the section editor uploads ------------------------------------------------


def png_file():
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (40, 30)).save(out, format="PNG")
    return SimpleUploadedFile("team.png", out.getvalue(), content_type="image/png")


def pdf_file():
    from django.core.files.uploadedfile import SimpleUploadedFile
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Night shelters in Nottingham")
    return SimpleUploadedFile("guide.pdf", bytes(pdf.output()), content_type="application/pdf")


def root_collection_id():
    from wagtail.models import Collection

    return str(Collection.get_first_root_node().pk)


@pytest.fixture
def hostile_media(section_editor):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    client = client_for(section_editor)
    image_response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": PAYLOAD,
            "file": png_file(),
            "description": PAYLOAD,
            "credit": PAYLOAD,
            "collection": root_collection_id(),
        },
    )
    document_response = client.post(
        reverse("wagtaildocs:add"),
        {"title": PAYLOAD, "file": pdf_file(), "collection": root_collection_id()},
    )
    assert image_response.status_code == 302 and document_response.status_code == 302
    return get_image_model().objects.get(), get_document_model().objects.get()


@pytest.mark.parametrize(
    "screen",
    ["images", "image chooser", "image edit", "documents", "document chooser", "document edit"],
)
def test_the_administrator_sees_media_names_as_text(hostile_media, administrator, screen):
    image, document = hostile_media
    url = {
        "images": reverse("wagtailimages:index"),
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "image edit": reverse("wagtailimages:edit", args=(image.pk,)),
        "documents": reverse("wagtaildocs:index"),
        "document chooser": reverse("wagtaildocs_chooser:choose"),
        "document edit": reverse("wagtaildocs:edit", args=(document.pk,)),
    }[screen]
    assert_shown_safely(client_for(administrator).get(url))


def media_stream(image, document):
    return streamfield(
        [
            (
                "figure",
                {
                    "image": {"image": image.pk, "alt_text": PAYLOAD, "decorative": ""},
                    "caption": PAYLOAD,
                },
            ),
            (
                "downloads",
                {
                    "heading": PAYLOAD,
                    "documents": {
                        "count": "1",
                        "0": {"value": document.pk, "deleted": "", "order": "0", "id": ""},
                    },
                },
            ),
        ]
    )


def test_visitors_see_media_names_and_alt_text_as_text(
    hostile_media, workstreams, section_editor, reviewer
):
    image, document = hostile_media
    response, page = add_community(
        client_for(section_editor),
        workstreams["housing"],
        slug="with-media",
        body=media_stream(image, document),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    approve(page, reviewer)

    response = Client().get(page.url)
    assert_shown_safely(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("img", alt=PAYLOAD) is not None
    assert soup.find("a", string=PAYLOAD) is not None


# The library's terms and a resource that uses them -----------------------------------------------

TERM_MODELS = ["topic", "audience", "resourcetype"]


@pytest.fixture
def hostile_terms(editor, reviewer):
    from library.models import Audience, ResourceType, Topic

    terms = {}
    for model, model_name in (
        (Topic, "topic"),
        (Audience, "audience"),
        (ResourceType, "resourcetype"),
    ):
        slug = f"hostile-{model_name}"
        submit_snippet(
            client_for(editor), model_name, "library", name=PAYLOAD, slug=slug, description=PAYLOAD
        )
        terms[model_name] = approve_snippet(reviewer, model.objects.get(slug=slug))
    return terms


@pytest.mark.parametrize("model_name", TERM_MODELS)
@pytest.mark.parametrize("screen", ["list", "chooser", "history"])
def test_the_administrator_sees_term_names_as_text(
    hostile_terms, administrator, model_name, screen
):
    term = hostile_terms[model_name]
    names = {
        "list": ("wagtailsnippets_library_{}:list", ()),
        "chooser": ("wagtailsnippetchoosers_library_{}:choose", ()),
        "history": ("wagtailsnippets_library_{}:history", (term.pk,)),
    }
    name, args = names[screen]
    assert_shown_safely(client_for(administrator).get(reverse(name.format(model_name), args=args)))


@pytest.fixture
def hostile_resource(home, editor, reviewer, hostile_terms):
    from library.models import ResourceIndexPage, ResourcePage
    from tests.home.content import child_of_type
    from tests.library.admin_forms import resource_form_data

    index = child_of_type(home, ResourceIndexPage, title="Resource library", slug="resources")
    index.save_revision().publish()
    data = resource_form_data(
        title=f"Toolkit {PAYLOAD}",
        slug="toolkit",
        resource_type=hostile_terms["resourcetype"],
        topics=[hostile_terms["topic"]],
        audiences=[hostile_terms["audience"]],
        publisher=PAYLOAD,
        summary=f"{PAYLOAD} {BREAKOUT}",
        external_url=SAFE_URL,
        publish=False,
    )
    data["body-0-value"] = hostile_rich_text()
    url = reverse("wagtailadmin_pages:add", args=("library", "resourcepage", index.pk))
    refused = client_for(editor).post(
        url, {**data, "external_url": JAVASCRIPT_URLS[0], "action-submit": "action-submit"}
    )
    assert refused.status_code == 200 and not ResourcePage.objects.filter(slug="toolkit").exists()
    response = client_for(editor).post(url, {**data, "action-submit": "action-submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return approve(ResourcePage.objects.get(slug="toolkit"), reviewer)


@pytest.mark.parametrize("screen", ["page", "index", "filtered index", "search"])
def test_visitors_see_resource_and_term_names_as_text(hostile_resource, hostile_terms, screen):
    index_url = hostile_resource.get_parent().url
    url = {
        "page": hostile_resource.url,
        "index": index_url,
        "filtered index": f"{index_url}?topic={hostile_terms['topic'].slug}&q={MARK}",
        "search": f"/search/?q={MARK}",
    }[screen]
    response = Client().get(url)
    assert_shown_safely(response)
    if screen == "page":
        assert BeautifulSoup(response.content, "html.parser").find("a", href=SAFE_URL)


@pytest.mark.parametrize("feed", ["resources_rss", "resources_atom"])
def test_feed_readers_get_resource_names_as_text(hostile_resource, feed):
    response = Client().get(reverse(feed))
    assert response.status_code == 200
    entries = feed_entries(response)
    assert entries
    for title, description in entries:
        assert MARK in title and MARK in description.get_text()
        assert injected_markup(description.get_text()) == []


# A translator's strings (wagtail-localize) --------------------------------------------------------


def put_string(client, translation, path_start, value):
    """Type `value` into the translation editor's box for the first segment under `path_start`."""
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
    from wagtail_localize.models import StringSegment

    segment = (
        StringSegment.objects.filter(
            source=translation.source, context__path__startswith=path_start
        )
        .order_by("order")
        .first()
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
    )


def test_a_translators_script_never_reaches_the_translated_page(
    home, editor, administrator, django_capture_on_commit_callbacks
):
    from wagtail.rich_text import RichText
    from wagtail_localize.models import StringTranslation

    from home.models import StandardPage
    from tests.editorial.translation_actions import (
        admin_edit_url,
        publish_from_the_editor,
        translate_page,
        translated_home,
        translation_of,
    )

    translated_home(home, "pl")
    english = home.add_child(
        instance=StandardPage(
            title="Hoarding awareness",
            introduction="English words.",
            body=[
                ("paragraph", RichText('<p>Read <a href="https://example.org/">the guide</a>.</p>'))
            ],
        )
    )
    english.save_revision().publish()
    translator = client_for(editor)
    _response, polish = translate_page(translator, english)
    translation = translation_of(english)
    put_string(translator, translation, "introduction", f"Polskie słowa {MARK}")
    put_string(
        translator,
        translation,
        "body",
        f'Czytaj <a id="a1">poradnik</a> {SCRIPT} <b onmouseover="alert(1)">{MARK}</b>.',
    )

    # The administrator reviews the strings in the translation editor, then publishes.
    assert_shown_safely(client_for(administrator).get(admin_edit_url(polish)))
    with django_capture_on_commit_callbacks(execute=True):
        publish_from_the_editor(client_for(administrator), polish)
    polish.refresh_from_db()
    assert polish.live
    response = Client().get(polish.url)
    assert_shown_safely(response, "Polskie słowa")
    # wagtail-localize marks the string with markup it does not allow and never uses it.
    assert StringTranslation.objects.get(data__contains=SCRIPT).has_error


# Comments, review comments and names --------------------------------------------------------------


def test_a_page_comment_is_shown_to_the_administrator_as_text(
    published_hostile_page, section_editor, administrator
):
    # Out of review: while in review the page is locked to its author.
    page = published_hostile_page.specific
    data = {
        **community_form(title=page.title, slug=page.slug, action="action-save"),
        **nested_form_data(
            {
                "comments": inline_formset(
                    [
                        {
                            "id": "",
                            "contentpath": "title",
                            "text": PAYLOAD,
                            "position": "",
                            "resolved": "",
                            "replies": inline_formset([]),
                        }
                    ]
                )
            }
        ),
    }
    response = client_for(section_editor).post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), data
    )
    assert response.status_code == 302
    assert page.wagtail_admin_comments.get().text == PAYLOAD

    admin = client_for(administrator)
    assert_shown_safely(admin.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))))
    assert_shown_safely(admin.get(reverse("wagtailadmin_pages:history", args=(page.pk,))))


def test_a_reviewers_comment_is_shown_to_the_administrator_as_text(
    hostile_page, reviewer, administrator
):
    response = workflow_action(client_for(reviewer), hostile_page, "reject", comment=PAYLOAD)
    assert response.status_code == 302
    state = hostile_page.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES

    admin = client_for(administrator)
    for url in (
        reverse("wagtailadmin_pages:edit", args=(hostile_page.pk,)),
        reverse("wagtailadmin_pages:history", args=(hostile_page.pk,)),
        reverse("wagtailadmin_pages:workflow_history_detail", args=(hostile_page.pk, state.pk)),
        reverse("wagtailadmin_reports:site_history"),
    ):
        assert_shown_safely(admin.get(url))


def test_an_editors_own_name_is_shown_as_text_in_the_user_listing(
    hostile_page, section_editor, administrator
):
    section_editor.first_name = PAYLOAD[:150]
    section_editor.save(update_fields=["first_name"])

    admin = client_for(administrator)
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:index") + f"?q={MARK}",
        reverse("wagtailadmin_pages:history", args=(hostile_page.pk,)),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_home"),
    ):
        assert_shown_safely(admin.get(url))


# An editor's form page ----------------------------------------------------------------------------


def test_form_field_labels_and_help_text_are_shown_as_text(home, editor, reviewer):
    from get_involved.models import GetInvolvedFormPage
    from home.models import StandardPage

    parent = home.add_child(instance=StandardPage(title="Get involved", slug="get-involved"))
    parent.save_revision().publish()
    data = nested_form_data(
        {
            "title": f"Suggest a topic {PAYLOAD}",
            "slug": "suggest-a-topic",
            "intro": hostile_rich_text(),
            "thank_you_text": hostile_rich_text(),
            "form_fields": inline_formset(
                [
                    {
                        "label": PAYLOAD,
                        "field_type": "singleline",
                        "required": "on",
                        "choices": "",
                        "default_value": PAYLOAD,
                        "help_text": PAYLOAD,
                    },
                    {
                        "label": f"Choose {MARK}",
                        "field_type": "dropdown",
                        "required": "",
                        "choices": f"{SCRIPT}\n{IMG}",
                        "default_value": "",
                        "help_text": "",
                    },
                ]
            ),
            "to_address": "",
            "from_address": "",
            "subject": PAYLOAD,
            "review_by": "",
            "action-submit": "action-submit",
        }
    )
    response = client_for(editor).post(
        reverse("wagtailadmin_pages:add", args=("get_involved", "getinvolvedformpage", parent.pk)),
        data,
    )
    assert response.status_code == 302, response.context["form"].errors
    page = approve(GetInvolvedFormPage.objects.get(slug="suggest-a-topic"), reviewer)

    response = Client().get(page.url)
    assert_shown_safely(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("label", string=re.compile(re.escape(PAYLOAD)))
    assert_shown_safely(Client().get(parent.url))


# Rich text made by code rather than Draftail -----------------------------------------------------


def test_a_meeting_series_summary_becomes_escaped_rich_text(site_tree, editor, reviewer):
    """Scheduling a series writes the facilitator's summary into each meeting's rich text."""
    from tests.communities.test_series_admin import meetings_of, preview_then_create
    from tests.events.factories import make_community, make_event_index

    index = make_event_index()
    index.save_revision().publish()
    _workstream, community = make_community()
    community.facilitator = editor
    community.save()

    preview, created = preview_then_create(
        client_for(editor), community, count="1", title_pattern=f"Meeting {MARK}", summary=PAYLOAD
    )
    assert_shown_safely(preview)
    assert created.status_code == 302
    meeting = meetings_of(community).get()
    stored = meeting.body[0].value.source
    assert "&lt;script&gt;" in stored and injected_markup(stored) == []

    approve(meeting, reviewer)
    assert_shown_safely(Client().get(meeting.url))
