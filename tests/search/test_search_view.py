"""The search page: what it finds, what it shows of each result, and what it never shows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage
from tests.roles import client_for as signed_in
from tests.search.conftest import make_members_only

pytestmark = pytest.mark.django_db

SEARCH = "/search/"


def search(client, q, **params):
    response = client.get(SEARCH, {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    return re.findall(r'class="search-result__link" href="[^"]*">([^<]*)</a>', html)


def main(html):
    return html[html.index('<main id="main-content"') :]


def test_empty_search_page_has_a_labelled_box_and_one_heading(client, home):
    html = search(client, "")
    assert html.count("<h1") == 1
    assert '<label class="search-form__label" for="search-q">Search this site</label>' in html
    assert 'role="search"' in html
    assert "result" not in main(html).split("</form>", 1)[1]


def test_header_has_a_labelled_search_form(client, home):
    html = client.get("/").content.decode()
    header = html[html.index('<header class="site-header"') : html.index("</header>")]
    assert 'role="search"' in header
    assert 'action="/search/"' in header
    assert '<label class="site-search__label" for="site-search-q">' in header
    assert 'src="/static/js/search-suggest.js" defer' in header


def test_results_are_labelled_with_their_type(client, make_page, make_resource):
    make_page("Hostel life", introduction="What a good hostel feels like.")
    make_resource("Hostel standards toolkit", summary="Standards for hostels.")
    html = search(client, "hostel")
    assert set(result_titles(html)) == {"Hostel life", "Hostel standards toolkit"}
    assert '<span class="search-result__type">General content page</span>' in html
    assert '<span class="search-result__type">Resource</span>' in html
    assert "2 results for “hostel”" in html


def test_drafts_and_other_languages_never_appear(client, home, make_page, site_tree):
    make_page("Naloxone training, published", introduction="Naloxone saves lives.")
    draft = make_page("Naloxone secret draft", introduction="Naloxone plans.")
    draft.unpublish()
    french = Locale.objects.create(language_code="fr")
    root = Page.get_first_root_node()
    french_home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", locale=french))
    french_home.add_child(
        instance=StandardPage(title="Naloxone en français", slug="naloxone", locale=french)
    )
    html = search(client, "naloxone")
    assert result_titles(html) == ["Naloxone training, published"]
    assert "secret draft" not in html
    assert "français" not in html


def test_members_only_page_shows_title_summary_and_label_but_no_excerpt(client, make_page, member):
    page = make_page(
        "Webinar recording: hostel safety",
        introduction="A recording for members about hostel safety.",
        body_html="<p>The hostel manager's private phone tree is in the recording.</p>",
    )
    make_members_only(page)
    for visitor in (client, signed_in(member)):
        html = search(visitor, "hostel")
        assert result_titles(html) == ["Webinar recording: hostel safety"]
        assert '<strong class="tag tag--members">Members only</strong>' in html
        assert "A recording for members about" in html
        assert "search-result__excerpt" not in html
        assert "phone tree" not in html


def test_members_only_restriction_applies_to_pages_below(client, make_page):
    section = make_members_only(make_page("Members area"))
    make_page(
        "Hostel notes",
        introduction="Hostel notes.",
        body_html="<p>hostel secrets</p>",
        parent=section,
    )
    html = search(client, "hostel")
    assert '<strong class="tag tag--members">Members only</strong>' in html
    assert "hostel secrets" not in html.replace("<mark>", "").replace("</mark>", "")


def test_excerpts_highlight_matches_in_the_body(client, make_page):
    make_page(
        "Working with people",
        introduction="A general page.",
        body_html="<p>Some early words. Staff in supported housing learned how trauma informed "
        "practice changes the way rules are written.</p>",
    )
    html = search(client, "trauma-informed")
    assert "<mark>trauma</mark> <mark>informed</mark> practice" in html


def test_excerpts_and_summaries_are_escaped(client, make_page):
    make_page(
        "Escaping test",
        introduction="Summary with <script>alert('summary')</script> and hostel.",
        body_html="<p>Body about &lt;script&gt;alert(1)&lt;/script&gt; in the hostel.</p>",
    )
    html = search(client, "hostel alert")
    results = main(html)
    assert "<script>alert" not in results
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in results
    assert "&lt;script&gt;<mark>alert</mark>(&#x27;summary&#x27;)&lt;/script&gt;" in results


def test_excerpt_from_an_attached_file_says_so(client, make_resource):
    make_resource(
        "Overdose response guide",
        summary="What to do when someone overdoses.",
        files=[("Guide (PDF)", "Page one. Every hostel should keep naloxone kits at reception.")],
    )
    html = search(client, "naloxone")
    assert result_titles(html) == ["Overdose response guide"]
    assert "From the attached file “Guide (PDF)”:" in html
    assert "should keep <mark>naloxone</mark> kits" in html


def test_promotions_come_first_as_recommended(client, make_page):
    for number in range(3):
        make_page(f"Hostel page {number}", introduction="Hostel, hostel, hostel.")
    promoted = make_page("Finding a bed tonight", introduction="Emergency accommodation.")
    SearchPromotion.objects.create(
        query=Query.get("Hostel"),
        page=promoted,
        description="Where to find a bed tonight.",
        sort_order=0,
    )
    SearchPromotion.objects.create(
        query=Query.get("hostel"),
        external_link_url="https://www.nottinghamcity.gov.uk/housing",
        external_link_text="Housing advice from the council",
        sort_order=1,
    )
    html = search(client, "  HOSTEL ")
    titles = result_titles(html)
    assert titles[:2] == ["Finding a bed tonight", "Housing advice from the council"]
    assert len(titles) == 5
    recommended = html[html.index('id="recommended-heading"') : html.index('id="results-heading"')]
    assert "Finding a bed tonight" in recommended
    assert "Where to find a bed tonight." in recommended
    assert '<strong class="tag tag--recommended">Recommended</strong>' in recommended
    assert "5 results for “HOSTEL”" in html


def test_results_are_paginated(client, make_page):
    for number in range(12):
        make_page(f"Hostel page {number:02}", introduction="About hostels.")
    first = search(client, "hostel")
    second = search(client, "hostel", page="2")
    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert 'aria-label="Pages of results"' in first
    assert "12 results for “hostel”" in second
    assert search(client, "hostel", page="999") == second
    assert result_titles(search(client, "hostel", page="abc")) == result_titles(first)


def test_words_found_separately_when_no_page_has_all(client, make_page):
    make_page("Hostel rules", introduction="Hostel rules.")
    make_page("Naloxone kits", introduction="Naloxone kits.")
    html = search(client, "hostel naloxone")
    assert set(result_titles(html)) == {"Hostel rules", "Naloxone kits"}
    assert "No pages contain all of your words" in html


def test_no_results_state_helps(client, home, library):
    html = search(client, "zebracrossingxyz")
    assert "No results for “zebracrossingxyz”" in html
    assert "check the spelling" in html
    assert 'href="/resources/">Resource library</a>' in html


def test_too_long_a_query_is_explained_not_searched(client, home):
    html = search(client, "hostel " * 40)
    assert "There is a problem" in html
    assert "Search terms must be 200 characters or fewer" in html
    assert 'aria-invalid="true"' in html
    assert "search-result" not in main(html)


def test_queries_do_not_grow_with_results_shown(client, make_resource):
    def count_queries():
        search(client, "naloxone")  # first: records the new term; not measured
        with CaptureQueriesContext(connection) as queries:
            html = search(client, "naloxone")
        return len(queries), len(result_titles(html))

    for number in range(2):
        make_resource(f"Naloxone guide {number}", files=[("File", "naloxone text")])
    make_members_only(make_resource("Naloxone for members"))
    few = count_queries()
    for number in range(2, 12):
        make_resource(f"Naloxone guide {number}", files=[("File", "naloxone text")])
    many = count_queries()
    assert few[1] == 3 and many[1] == 10
    assert many[0] == few[0]
