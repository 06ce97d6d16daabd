"""The library's results and facet counts, checked against the same sums done by hand.

A made-up library with every kind of link a resource can have (several terms of one facet, none,
a term through its Polish translation, a term and its translation both, a draft term) is asked
for many combinations of search and filters. For each, the page must list exactly the resources
that a plain check of every resource keeps, newest first, and each option must show how many
resources it would give together with the other filters (standard faceting: a facet's own
choices do not narrow its counts).
"""

import random
import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from library.models import ResourcePage
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

SEARCH_WORD = "zebrafish"
TYPES = ["guide", "report", "toolkit"]
TOPICS = ["hoarding", "housing", "outreach", "trauma"]
AUDIENCES = ["frontline", "managers", "volunteers"]
WORKSTREAMS = ["health", "justice"]
LANGUAGES = ["en", "pl", "ar"]
YEARS = [2019, 2020, 2021, 2022]
TERM_FACETS = {"type": TYPES, "topic": TOPICS, "audience": AUDIENCES, "workstream": WORKSTREAMS}
FACETS = [*TERM_FACETS, "language", "year", "easy_read"]
PER_PAGE = 12


def made_up_resources(rng, count=22):
    """What each resource is, as plain data: the source of truth for the expected answers."""
    resources = []
    for number in range(count):
        resources.append(
            {
                "title": f"Resource {number:02d}",
                "type": rng.choice(TYPES),
                "topic": set(rng.sample(TOPICS, rng.randint(0, 3))),
                "audience": set(rng.sample(AUDIENCES, rng.randint(0, 2))),
                "workstream": set(rng.sample(WORKSTREAMS, rng.randint(0, 2))),
                "language": rng.choice(LANGUAGES),
                "year": rng.choice(YEARS),
                "easy_read": rng.random() < 0.3,
                "matches": rng.random() < 0.5,
                "live": number % 7 != 3,
            }
        )
    return resources


def build(test_class):
    cls = test_class
    home = english_home()
    cls.index = ResourceIndexPageFactory(parent=home)
    workstream_index = WorkstreamIndexPageFactory(parent=home)
    terms = {
        "type": {slug: ResourceTypeFactory(name=slug.title(), slug=slug) for slug in TYPES},
        "topic": {slug: TopicFactory(name=slug.title(), slug=slug) for slug in TOPICS},
        "audience": {slug: AudienceFactory(name=slug.title(), slug=slug) for slug in AUDIENCES},
        "workstream": {
            slug: WorkstreamPageFactory(parent=workstream_index, title=slug.title(), slug=slug)
            for slug in WORKSTREAMS
        },
    }
    polish = Locale.objects.get(language_code="pl")
    # A resource may link the Polish version of a term: it counts as the term itself.
    polish_hoarding = terms["topic"]["hoarding"].copy_for_translation(polish)
    polish_hoarding.name = "Zbieractwo"
    polish_hoarding.save()
    draft_topic = TopicFactory(name="Draft topic", slug="draft-topic", live=False)

    rng = random.Random(2017)  # noqa: S311 (made-up data, the same each run)
    cls.resources = made_up_resources(rng)
    for number, resource in enumerate(cls.resources):
        topics = [terms["topic"][slug] for slug in sorted(resource["topic"])]
        if "hoarding" in resource["topic"] and number % 2:
            # Every other one links the Polish version instead, or as well.
            topics.remove(terms["topic"]["hoarding"])
            topics.append(polish_hoarding)
            if number % 4 == 1:
                topics.append(terms["topic"]["hoarding"])
        if number % 5 == 0:
            topics.append(draft_topic)
        word = SEARCH_WORD if resource["matches"] else "something else"
        page = ResourcePageFactory(
            parent=cls.index,
            title=resource["title"],
            summary=f"A resource about {word}.",
            resource_type=terms["type"][resource["type"]],
            topics=topics,
            audiences=[terms["audience"][slug] for slug in sorted(resource["audience"])],
            workstreams=[terms["workstream"][slug] for slug in sorted(resource["workstream"])],
            material_language=resource["language"],
            publication_year=resource["year"],
            plain_language_summary="Short words, short sentences." if resource["easy_read"] else "",
            live=resource["live"],
        )
        resource["pk"] = page.pk
        resource["first_published_at"] = page.first_published_at


def facet_values(resource, facet):
    if facet in ("type", "language", "year"):
        return {str(resource[facet])}
    if facet == "easy_read":
        return {"yes"} if resource["easy_read"] else set()
    return resource[facet]


def expected_answer(resources, params):
    """The resources listed (newest first) and each facet's shown counts, worked out by hand."""
    chosen = {}
    for name, value in params:
        if name in FACETS:
            chosen.setdefault(name, set()).add(value)
    candidates = [
        resource
        for resource in resources
        if resource["live"] and (resource["matches"] or not dict(params).get("q"))
    ]

    def kept_by(resource, facets):
        return all(chosen[facet] & facet_values(resource, facet) for facet in facets)

    listed = [resource for resource in candidates if kept_by(resource, chosen)]
    listed.sort(key=lambda r: (r["year"], r["first_published_at"], r["pk"]), reverse=True)
    counts = {}
    for facet in FACETS:
        among = [r for r in candidates if kept_by(r, [name for name in chosen if name != facet])]
        shown = {}
        for resource in among:
            for value in facet_values(resource, facet):
                shown[value] = shown.get(value, 0) + 1
        for value in chosen.get(facet, ()):
            shown.setdefault(value, 0)  # a chosen option stays, even with nothing to show
        counts[facet] = shown
    return [resource["title"] for resource in listed], counts


def shown_answer(client, url, params):
    """The titles listed over every page of results, and each facet's counts by option value."""
    titles = []
    page = 1
    while True:
        response = client.get(url + "?" + urllib.parse.urlencode([*params, ("page", page)]))
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        titles += [h.get_text(strip=True) for h in html.select(".card-list .card__heading")]
        if not html.select_one(".pagination a[rel=next]"):
            break
        page += 1
    total = int(re.search(r"\d+", html.select_one(".listing-count").get_text())[0])
    counts = {}
    for facet in FACETS:
        found = {}
        for box in html.select(f"#library-search input[name={facet}]"):
            label = html.select_one(f"label[for={box['id']}] .facet__count").get_text()
            found[box["value"]] = int(re.search(r"\d+", label)[0])
        for option in html.select(f"select[name={facet}] option[value]"):
            if not option["value"]:
                continue  # "any year"
            found[option["value"]] = int(re.search(r"\((\d+)", option.get_text())[1])
        counts[facet] = found
    return titles, total, counts


def filter_combinations(rng, count=30):
    """Searches and filters to try: some by hand, the rest picked at random."""
    combinations = [
        [],
        [("q", SEARCH_WORD)],
        [("topic", "hoarding")],
        [("topic", "hoarding"), ("topic", "trauma")],
        [("type", "guide"), ("topic", "housing"), ("audience", "managers")],
        [("q", SEARCH_WORD), ("workstream", "justice"), ("language", "pl"), ("language", "ar")],
        [("easy_read", "yes"), ("year", "2021")],
        [("q", SEARCH_WORD), ("easy_read", "yes")],
    ]
    values = {**TERM_FACETS, "language": LANGUAGES, "year": [str(y) for y in YEARS]}
    values["easy_read"] = ["yes"]
    while len(combinations) < count:
        params = [("q", SEARCH_WORD)] if rng.random() < 0.5 else []
        for facet in rng.sample(FACETS, rng.randint(1, 4)):
            several = 1 if facet in ("year", "easy_read") else rng.randint(1, 2)
            params += [(facet, value) for value in rng.sample(values[facet], several)]
        combinations.append(params)
    return combinations


class FacetCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build(cls)

    def assert_answers_match(self, params):
        expected_titles, expected_counts = expected_answer(self.resources, params)
        titles, total, counts = shown_answer(self.client, self.index.url, params)
        self.assertEqual(total, len(expected_titles))
        if dict(params).get("q") and dict(params).get("sort") != "newest":
            self.assertCountEqual(titles, expected_titles)  # most relevant first
        else:
            self.assertEqual(titles, expected_titles)
        self.assertEqual(counts, expected_counts)

    def test_results_and_counts_match_a_count_by_hand(self):
        for params in filter_combinations(random.Random(7)):  # noqa: S311 (same each run)
            with self.subTest(params=params):
                self.assert_answers_match(params)
                if dict(params).get("q"):
                    self.assert_answers_match([*params, ("sort", "newest")])

    def test_the_library_spans_several_pages_and_every_kind_of_link(self):
        # Otherwise the comparisons above would prove less than they seem to.
        live = [resource for resource in self.resources if resource["live"]]
        self.assertGreater(len(live), PER_PAGE)
        self.assertTrue(any(not resource["topic"] for resource in live))
        self.assertTrue(any(len(resource["topic"]) > 1 for resource in live))
        self.assertTrue(
            any(not resource["live"] and resource["matches"] for resource in self.resources)
        )
        links = ResourcePage.topics.through.objects.filter(topic__slug="hoarding")
        english = set(links.filter(topic__locale=Locale.get_default()).values_list("resourcepage"))
        polish = set(links.filter(topic__locale__language_code="pl").values_list("resourcepage"))
        self.assertTrue(polish - english)  # the translation alone
        self.assertTrue(polish & english)  # the term and its translation

    def test_a_resource_linked_to_a_term_and_its_translation_counts_once(self):
        _titles, total, counts = shown_answer(self.client, self.index.url, [("topic", "hoarding")])
        expected = [r for r in self.resources if r["live"] and "hoarding" in r["topic"]]
        self.assertEqual(total, len(expected))
        self.assertEqual(counts["topic"]["hoarding"], len(expected))
        self.assertNotIn("draft-topic", counts["topic"])


class SearchServiceTests(TestCase):
    """A search service (OpenSearch) answers with ranked resources, not with a queryset: the
    library must list and count the same as with the database's own search."""

    @classmethod
    def setUpTestData(cls):
        build(cls)

    def test_the_same_answers_from_a_search_service(self):
        combinations = [
            [("q", SEARCH_WORD)],
            [("q", SEARCH_WORD), ("topic", "hoarding"), ("year", "2021")],
            [("q", SEARCH_WORD), ("language", "en"), ("sort", "newest")],
        ]
        from_database = [shown_answer(self.client, self.index.url, p) for p in combinations]
        queryset_class = type(ResourcePage.objects.all())
        database_search = queryset_class.search

        def search_service(queryset, *args, **kwargs):
            return list(database_search(queryset, *args, **kwargs))

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(queryset_class, "search", search_service)
            from_service = [shown_answer(self.client, self.index.url, p) for p in combinations]
        self.assertEqual(from_service, from_database)
        self.assertTrue(all(titles for titles, _total, _counts in from_database))


@pytest.mark.postgres
class PostgresSearchIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build(cls)

    def test_the_library_search_reads_the_index_of_the_words(self):
        with CaptureQueriesContext(connection) as captured:
            self.client.get(self.index.url, {"q": SEARCH_WORD})
        searches = [query["sql"] for query in captured.captured_queries if "@@" in query["sql"]]
        self.assertEqual(len(searches), 1)
        resource_type = ContentType.objects.get_for_model(ResourcePage)
        with transaction.atomic(), connection.cursor() as cursor:
            # As in a real library: thousands of other entries, and far more pages of words
            # than could be read whole (these entries are short, so reading the table whole is
            # turned off instead).
            cursor.execute(
                "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm,"
                " title, autocomplete, body, title_text, body_text)"
                " SELECT %s, 1000000 + n, 1.0, to_tsvector('english', 'Resource ' || n), '',"
                " to_tsvector('english', 'A resource about something else'), '', ''"
                " FROM generate_series(1, 5000) AS n",
                [resource_type.pk],
            )
            cursor.execute("ANALYZE wagtailsearch_indexentry")
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + searches[0])
            plan = "\n".join(row[0] for row in cursor.fetchall())
            transaction.set_rollback(True)
        self.assertIn("wagtailsearch_indexentry_words_gin", plan)
