"""The resource library page as a search-and-filter page (library/library_search.py).

The known set of resources below is small enough to count by hand:

| title             | type    | year | lang | topics        | audiences           | workstreams |
|-------------------|---------|------|------|---------------|---------------------|-------------|
| Hostel toolkit    | toolkit | 2021 | en   | pie           | frontline           | housing     |
| Trauma report     | report  | 2019 | en   | tic           | managers            | justice     |
| Hoarding video    | video   | 2021 | pl   | hoarding, tic | frontline           | housing     |
| Probation toolkit | toolkit | 2023 | ar   | tic           | frontline, managers | justice     |
| Housing report    | report  | 2024 | en   | pie           |                     | both        |
| Draft toolkit     | toolkit | 2023 | en   | tic           | frontline           | housing     |

The draft toolkit is a draft page. Draft terms (a "podcast" type, a "draft-topic" topic) must
never be offered either.
"""

import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase
from wagtail.models import PageViewRestriction

from library.library_search import (
    MAX_QUERY_LENGTH,
    LibrarySearchForm,
    clean_query,
    search_words,
)
from tests.site_tree import english_home

from .factories import (
    AudienceFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    WorkstreamIndexPageFactory,
    WorkstreamPageFactory,
)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(html):
    return [h.get_text(strip=True) for h in html.select(".card-list .card__heading")]


def facet_counts(html, name):
    """{option label: count} for one facet, as the page shows it (checkboxes or the year select)."""
    texts = [
        html.select_one(f"label[for={box['id']}]").get_text(" ", strip=True)
        for box in html.select(f"#library-search input[name={name}]")
    ]
    texts += [option.get_text() for option in html.select(f"select[name={name}] option[value]")]
    counts = {}
    for text in texts:
        found = re.match(r"(.+?) \((\d+)", text)
        if found:
            counts[found[1]] = int(found[2])
    return counts


def build_library(test_class):
    """The known set of resources in the module docstring, as attributes of `test_class`."""
    cls = test_class
    cls.home = english_home()
    cls.index = ResourceIndexPageFactory(parent=cls.home)
    workstreams = WorkstreamIndexPageFactory(parent=cls.home)
    cls.housing = WorkstreamPageFactory(parent=workstreams, title="Housing", slug="housing")
    cls.justice = WorkstreamPageFactory(parent=workstreams, title="Justice", slug="justice")
    toolkit = ResourceTypeFactory(name="Toolkit")
    report = ResourceTypeFactory(name="Report")
    video = ResourceTypeFactory(name="Video")
    podcast = ResourceTypeFactory(name="Podcast", live=False)
    pie = TopicFactory(name="Psychologically informed environments", slug="pie")
    tic = TopicFactory(name="Trauma informed care", slug="tic")
    hoarding = TopicFactory(name="Hoarding", slug="hoarding")
    TopicFactory(name="Draft topic", slug="draft-topic", live=False)
    frontline = AudienceFactory(name="Frontline workers", slug="frontline")
    managers = AudienceFactory(name="Managers", slug="managers")

    def resource(title, summary, kind, year, language, topics, audiences, workstreams, **extra):
        return ResourcePageFactory(
            parent=cls.index,
            title=title,
            summary=summary,
            resource_type=kind,
            publication_year=year,
            material_language=language,
            topics=topics,
            audiences=audiences,
            workstreams=workstreams,
            **extra,
        )

    cls.hostel = resource(
        "Hostel toolkit",
        "A toolkit for hostel teams building a psychologically informed environment.",
        toolkit, 2021, "en", [pie], [frontline], [cls.housing],
    )  # fmt: skip
    resource(
        "Trauma report",
        "What trauma informed care asks of managers.",
        report, 2019, "en", [tic], [managers], [cls.justice],
    )  # fmt: skip
    resource(
        "Hoarding video",
        "Hoarding explained: a short film about hoarding and how to help.",
        video, 2021, "pl", [hoarding, tic], [frontline], [cls.housing],
    )  # fmt: skip
    resource(
        "Probation toolkit",
        "Tools for probation officers, including a page on hoarding.",
        toolkit, 2023, "ar", [tic], [frontline, managers], [cls.justice],
    )  # fmt: skip
    resource(
        "Housing report",
        "How the housing partnership shares what works.",
        report, 2024, "en", [pie], [], [cls.housing, cls.justice],
    )  # fmt: skip
    resource(
        "Draft toolkit",
        "An unfinished toolkit about hoarding and hostel work.",
        toolkit, 2023, "en", [tic], [frontline], [cls.housing], live=False,
    )  # fmt: skip
    assert not podcast.live


# Newest first; within a year, the most recently published first.
EVERYTHING = ["Housing report", "Probation toolkit", "Hoarding video", "Hostel toolkit"]


class LibraryFacetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_library(cls)

    def get(self, params=()):
        url = self.index.url
        if params:
            url += "?" + urllib.parse.urlencode(params)
        return soup(self.client.get(url))

    def test_without_filters_every_live_resource_newest_first_with_counts(self):
        html = self.get()

        self.assertEqual(card_titles(html), [*EVERYTHING, "Trauma report"])
        self.assertIn("5 resources", html.select_one(".listing-count").get_text())
        self.assertEqual(facet_counts(html, "type"), {"Report": 2, "Toolkit": 2, "Video": 1})
        self.assertEqual(
            facet_counts(html, "topic"),
            {"Hoarding": 1, "Psychologically informed environments": 2, "Trauma informed care": 3},
        )
        self.assertEqual(facet_counts(html, "audience"), {"Frontline workers": 3, "Managers": 2})
        self.assertEqual(facet_counts(html, "workstream"), {"Housing": 3, "Justice": 3})
        self.assertEqual(facet_counts(html, "language"), {"English": 3, "Arabic": 1, "Polish": 1})
        self.assertEqual(facet_counts(html, "year"), {"2024": 1, "2023": 1, "2021": 2, "2019": 1})
        # Nothing is chosen yet, so nothing can be removed, and there is no relevance to sort by.
        self.assertIsNone(html.select_one(".active-filters"))
        self.assertIsNone(html.select_one("select[name=sort]"))

    def test_drafts_never_appear_nor_draft_terms(self):
        for params in [(), [("q", "hoarding")], [("type", "toolkit")], [("year", "2023")]]:
            with self.subTest(params=params):
                html = self.get(params)
                self.assertNotIn("Draft toolkit", card_titles(html))
                self.assertNotIn("Podcast", html.get_text())
                self.assertNotIn("Draft topic", html.get_text())
        # Draft terms cannot be chosen by editing the address either: they are ignored.
        html = self.get([("type", "podcast"), ("topic", "draft-topic")])
        self.assertEqual(len(card_titles(html)), 5)

    def test_the_form_is_labelled_fieldsets_with_legends_and_an_apply_button(self):
        html = self.get()
        form = html.select_one("form#library-search")
        self.assertEqual(form["method"], "get")
        self.assertEqual(form["action"], self.index.url)
        search = form.select_one("input[name=q]")
        self.assertEqual(
            form.select_one(f"label[for={search['id']}]").get_text(), "Search the library"
        )
        legends = [legend.get_text(strip=True) for legend in form.select("fieldset > legend")]
        self.assertEqual(
            legends,
            ["Workstream", "Type of resource", "Topic", "Written for", "Language of the material"],
        )
        for box in form.select("input[type=checkbox]"):
            self.assertIsNotNone(form.select_one(f"label[for={box['id']}]"))
        self.assertIn("Apply filters", [b.get_text(strip=True) for b in form.select("button")])

    def test_one_facet_narrows_and_the_other_facets_count_within_it(self):
        html = self.get([("type", "toolkit")])

        self.assertEqual(card_titles(html), ["Probation toolkit", "Hostel toolkit"])
        self.assertIn("2 resources", html.select_one(".listing-count").get_text())
        # Its own facet still counts as if it were not chosen, so other types can be added.
        self.assertEqual(facet_counts(html, "type"), {"Report": 2, "Toolkit": 2, "Video": 1})
        self.assertTrue(
            html.select_one("#library-search input[name=type][value=toolkit]").has_attr("checked")
        )
        # Other facets count within the toolkits; options with nothing to show are left out.
        self.assertEqual(
            facet_counts(html, "topic"),
            {"Psychologically informed environments": 1, "Trauma informed care": 1},
        )
        self.assertEqual(facet_counts(html, "language"), {"English": 1, "Arabic": 1})
        self.assertEqual(facet_counts(html, "year"), {"2023": 1, "2021": 1})

    def test_facets_combine_with_and(self):
        html = self.get([("type", "toolkit"), ("workstream", "housing")])
        self.assertEqual(card_titles(html), ["Hostel toolkit"])
        self.assertEqual(facet_counts(html, "workstream"), {"Housing": 1, "Justice": 1})
        self.assertEqual(facet_counts(html, "type"), {"Toolkit": 1, "Video": 1, "Report": 1})

        html = self.get([("audience", "managers"), ("topic", "tic"), ("language", "ar")])
        self.assertEqual(card_titles(html), ["Probation toolkit"])

    def test_several_values_of_one_facet_match_any_of_them(self):
        html = self.get([("type", "toolkit"), ("type", "video")])
        self.assertEqual(
            card_titles(html), ["Probation toolkit", "Hoarding video", "Hostel toolkit"]
        )

        # Many-to-many: a resource with both topics is listed (and counted) once.
        html = self.get([("topic", "hoarding"), ("topic", "tic")])
        self.assertEqual(
            card_titles(html), ["Probation toolkit", "Hoarding video", "Trauma report"]
        )
        self.assertIn("3 resources", html.select_one(".listing-count").get_text())
        self.assertEqual(facet_counts(html, "type"), {"Toolkit": 1, "Video": 1, "Report": 1})

        html = self.get([("language", "pl"), ("language", "ar")])
        self.assertEqual(card_titles(html), ["Probation toolkit", "Hoarding video"])

    def test_year_and_language(self):
        html = self.get([("year", "2021")])
        self.assertEqual(card_titles(html), ["Hoarding video", "Hostel toolkit"])
        selected = html.select_one("select[name=year] option[selected]")
        self.assertEqual(selected["value"], "2021")

        html = self.get([("year", "2021"), ("language", "pl")])
        self.assertEqual(card_titles(html), ["Hoarding video"])
        self.assertIn("Polish", html.select_one(".card__meta").get_text())

    def test_a_chosen_option_with_no_results_stays_visible_and_removable(self):
        html = self.get([("type", "video"), ("workstream", "justice")])

        self.assertEqual(card_titles(html), [])
        self.assertEqual(facet_counts(html, "type")["Video"], 0)
        empty = html.select_one(".empty-state")
        self.assertIn("No resources match", empty.get_text())
        self.assertIn("check your spelling", empty.get_text())
        self.assertIn("remove some filters", empty.get_text())
        clear = empty.find("a", string="Clear all filters and see every resource")
        self.assertEqual(clear["href"], self.index.url)

    def test_unknown_and_malformed_values_are_ignored(self):
        html = self.get(
            [
                ("type", "no-such-type"),
                ("topic", "<script>"),
                ("workstream", "housing\x00"),
                ("language", "xx"),
                ("year", "twenty-one"),
                ("year", "99999"),
                ("sort", "sideways"),
                ("page", "abc"),
                ("colour", "blue"),
            ]
        )
        self.assertEqual(card_titles(html), [*EVERYTHING, "Trauma report"])
        self.assertIsNone(html.select_one(".active-filters"))

        # A known value next to unknown ones still filters.
        html = self.get([("type", "toolkit"), ("type", "nonsense")])
        self.assertEqual(card_titles(html), ["Probation toolkit", "Hostel toolkit"])

    def test_active_filters_are_links_that_remove_one_filter_each(self):
        html = self.get([("type", "toolkit"), ("year", "2021"), ("q", "hostel")])
        links = {
            a.get_text(" ", strip=True): a["href"] for a in html.select(".active-filters__link")
        }

        self.assertEqual(
            set(links),
            {"Remove search: hostel", "Remove filter: Toolkit", "Remove filter: 2021"},
        )
        without_type = urllib.parse.parse_qs(
            urllib.parse.urlsplit(links["Remove filter: Toolkit"]).query
        )
        self.assertEqual(without_type, {"q": ["hostel"], "year": ["2021"]})
        self.assertTrue(links["Remove filter: Toolkit"].startswith(self.index.url + "?"))

        # Removing the search keeps the filters: the 2021 toolkits.
        following = soup(self.client.get(links["Remove search: hostel"]))
        self.assertEqual(card_titles(following), ["Hostel toolkit"])
        following = soup(self.client.get(links["Remove filter: Toolkit"]))
        self.assertEqual(card_titles(following), ["Hostel toolkit"])
        following = soup(self.client.get(links["Remove filter: 2021"]))
        self.assertEqual(card_titles(following), ["Hostel toolkit"])
        self.assertEqual(
            html.find("a", string="Clear all filters and search")["href"], self.index.url
        )

    def test_members_only_resources_are_labelled_and_filter_like_the_rest(self):
        private = ResourcePageFactory(
            parent=self.index,
            title="Members' hostel notes",
            summary="Notes on hostel practice for members.",
            resource_type=self.hostel.resource_type,
            publication_year=2025,
        )
        PageViewRestriction.objects.create(page=private, restriction_type="login")

        html = self.get([("type", "toolkit")])

        cards = html.select(".card-list .card")
        self.assertEqual(card_titles(html)[0], "Members' hostel notes")
        self.assertEqual(cards[0].select_one(".tag--members").get_text(strip=True), "Members only")
        self.assertIn("Notes on hostel practice for members.", cards[0].get_text())
        self.assertEqual([c for c in cards if c.select_one(".tag--members")], [cards[0]])


class LibraryTextSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_library(cls)

    def get(self, params):
        return soup(self.client.get(self.index.url, params))

    def test_free_text_narrows_and_combines_with_facets(self):
        html = self.get({"q": "hoarding"})
        self.assertEqual(set(card_titles(html)), {"Hoarding video", "Probation toolkit"})
        self.assertEqual(html.select_one("#library-search input[name=q]")["value"], "hoarding")
        # Facet counts are within the search results.
        self.assertEqual(facet_counts(html, "type"), {"Toolkit": 1, "Video": 1})

        html = self.get({"q": "hoarding", "type": "toolkit"})
        self.assertEqual(card_titles(html), ["Probation toolkit"])

    def test_sort_by_relevance_or_newest(self):
        # "Hoarding video" says hoarding in its title and twice in its summary; the newer
        # "Probation toolkit" mentions it once.
        relevance = self.get({"q": "hoarding"})
        self.assertEqual(card_titles(relevance), ["Hoarding video", "Probation toolkit"])
        selected = relevance.select_one("select[name=sort] option[selected]")
        self.assertEqual(selected["value"], "relevance")

        newest = self.get({"q": "hoarding", "sort": "newest"})
        self.assertEqual(card_titles(newest), ["Probation toolkit", "Hoarding video"])
        self.assertEqual(newest.select_one("select[name=sort] option[selected]")["value"], "newest")

        # Relevance means nothing without words to search for: newest first.
        plain = self.get({"sort": "relevance"})
        self.assertEqual(card_titles(plain), [*EVERYTHING, "Trauma report"])

    def test_no_matches_explains_what_to_try(self):
        html = self.get({"q": "zebracrossingxyz"})
        self.assertEqual(card_titles(html), [])
        self.assertIn("0 resources", html.select_one(".listing-count").get_text())
        self.assertIn("check your spelling", html.select_one(".empty-state").get_text())

    def test_queries_with_nothing_to_search_for_list_everything(self):
        for query in ["", "   ", "\x00", "'", '"', "&|!:*()", "--", "\u200f"]:
            with self.subTest(query=query):
                html = self.get({"q": query})
                self.assertEqual(len(card_titles(html)), 5)

    def test_search_operators_and_quotes_are_plain_words(self):
        for query in [
            '"hoarding',
            "hoarding'",
            "(hoarding)",
            "hoarding!",
            ":hoarding",
            "hoarding*",
        ]:
            with self.subTest(query=query):
                html = self.get({"q": query})
                self.assertIn("Hoarding video", card_titles(html))

    def test_raw_invalid_bytes_in_the_query_string(self):
        response = self.client.get(self.index.url + "?q=%FF%FE%00&type=%C0%AF&year=%00")
        self.assertEqual(response.status_code, 200)


@pytest.mark.postgres
class PostgresStemmingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_library(cls)

    def test_hostels_finds_a_resource_about_a_hostel(self):
        html = soup(self.client.get(self.index.url, {"q": "hostels"}))
        self.assertEqual(card_titles(html), ["Hostel toolkit"])

    def test_stemming_and_filters_together(self):
        html = soup(self.client.get(self.index.url, {"q": "toolkits", "year": "2021"}))
        self.assertEqual(card_titles(html), ["Hostel toolkit"])


class PaginationAndQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = english_home()
        cls.index = ResourceIndexPageFactory(parent=cls.home)
        cls.toolkit = ResourceTypeFactory(name="Toolkit")
        cls.report = ResourceTypeFactory(name="Report")
        cls.topic = TopicFactory(name="Outreach", slug="outreach")
        for number in range(15):
            ResourcePageFactory(
                parent=cls.index,
                title=f"Outreach toolkit {number:02d}",
                summary="A toolkit for outreach workers.",
                resource_type=cls.toolkit,
                publication_year=2000 + number,
                topics=[cls.topic],
            )
        for number in range(5):
            ResourcePageFactory(
                parent=cls.index, title=f"Report {number}", resource_type=cls.report
            )

    def test_pagination_links_keep_every_filter(self):
        params = {"type": "toolkit", "topic": "outreach", "q": "outreach", "sort": "newest"}
        first = soup(self.client.get(self.index.url, params))

        self.assertIn("15 resources", first.select_one(".listing-count").get_text())
        self.assertEqual(len(card_titles(first)), 12)
        self.assertEqual(card_titles(first)[0], "Outreach toolkit 14")
        next_link = first.select_one(".pagination a[rel=next]")["href"]
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(next_link).query)
        self.assertEqual(
            query,
            {
                "type": ["toolkit"],
                "topic": ["outreach"],
                "q": ["outreach"],
                "sort": ["newest"],
                "page": ["2"],
            },
        )

        second = soup(self.client.get(self.index.url + next_link))
        self.assertEqual(card_titles(second), [f"Outreach toolkit {n:02d}" for n in (2, 1, 0)])

    def test_relevance_results_page_too(self):
        first = soup(self.client.get(self.index.url, {"q": "outreach"}))
        second = soup(self.client.get(self.index.url, {"q": "outreach", "page": "2"}))
        titles = card_titles(first) + card_titles(second)
        self.assertEqual(len(titles), 15)
        self.assertEqual(len(set(titles)), 15)

    def count_queries(self, params):
        self.client.get(self.index.url, params)  # one-off set-up (site settings) happens first
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.index.url, params)
        return len(queries), len(card_titles(soup(response)))

    def test_the_number_of_queries_does_not_grow_with_the_results_shown(self):
        for params in [{}, {"type": "toolkit", "topic": "outreach"}, {"q": "outreach", "year": ""}]:
            with self.subTest(params=params):
                # 3 results on the last page of one search, 12 on the first page of another.
                few_queries, few = self.count_queries({**params, "page": "2"})
                many_queries, many = self.count_queries(params)
                self.assertEqual(
                    (few, many), (3, 12) if params.get("q") or params.get("type") else (8, 12)
                )
                self.assertEqual(few_queries, many_queries)

    def test_members_only_labels_cost_no_query_per_result(self):
        params = {"type": "toolkit"}
        before, _shown = self.count_queries(params)
        for page in self.index.get_children()[:6]:
            PageViewRestriction.objects.create(page=page, restriction_type="login")
        after, _shown = self.count_queries(params)
        self.assertEqual(before, after)


class LibrarySearchFormTests(TestCase):
    def test_the_query_loses_control_characters_and_is_at_most_200_characters(self):
        self.assertEqual(clean_query("  hostel\x00 teams\t\n "), "hostel teams")
        self.assertEqual(clean_query("a\x7fb\x9fc"), "a b c")
        self.assertEqual(len(clean_query("word " * 1000)), MAX_QUERY_LENGTH - 1)
        self.assertEqual(clean_query("x" * 5000), "x" * MAX_QUERY_LENGTH)
        self.assertEqual(clean_query("مرحبا 🏠"), "مرحبا 🏠")
        self.assertEqual(clean_query(None), "")

    def test_search_words_are_letters_and_digits_only(self):
        self.assertEqual(search_words('"hostel\'s" & (teams)*'), "hostel s teams")
        self.assertEqual(search_words("&|!:*()'\""), "")
        self.assertEqual(search_words("Świetlica 2021 مرحبا"), "Świetlica 2021 مرحبا")

    def test_the_form_is_never_invalid_and_keeps_only_known_values(self):
        from django.http import QueryDict

        data = QueryDict(
            "q=%00hostel&type=toolkit&type=nope&type=toolkit&year=1850&year=2021"
            "&language=pl&language=zz&sort=up&workstream=housing"
        )
        form = LibrarySearchForm(data, choices={"type": [("toolkit", "Toolkit")]})

        self.assertTrue(form.is_valid())
        self.assertEqual(form.cleaned_data["q"], "hostel")
        self.assertEqual(form.cleaned_data["type"], ["toolkit"])
        self.assertEqual(form.cleaned_data["year"], 2021)  # the last of repeated values
        self.assertEqual(form.cleaned_data["language"], ["pl"])
        self.assertEqual(form.cleaned_data["sort"], "")
        self.assertEqual(form.cleaned_data["workstream"], [])


# Anything a visitor (or a robot) can put in the address must give a page, never an error.
AWKWARD = st.sampled_from(
    [
        "\x00",
        "'",
        '"',
        "&|!:*()",
        "' OR 1=1 --",
        "🏠🔥👩🏽‍⚕️",
        "مرحبا بالعالم",
        "שלום עולם",
        "\u202eevil",
        "AND",
        "NOT",
        "NEAR(",
        "hostel*",
        "toolkit",
        "2021",
        "-1",
        "%00",
        "\\",
    ]
)
VALUES = st.one_of(
    AWKWARD,
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
    st.lists(AWKWARD, max_size=6).map(" ".join),
    # 5,000-character strings, built by repeating a short one (random ones that long are slow).
    st.builds(lambda text: (text * 5000)[:5000], AWKWARD),
    st.builds(
        lambda text: (text * 5000)[:5000],
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8),
    ),
)
NAMES = st.sampled_from(
    ["q", "q", "workstream", "type", "topic", "audience", "year", "language", "sort", "page", "x"]
)


class LibraryNeverFailsTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls):
        build_library(cls)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(NAMES, VALUES), max_size=8))
    def test_any_query_string_gives_a_page(self, params):
        response = self.client.get(self.index.url + "?" + urllib.parse.urlencode(params))
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"resource", response.content)
