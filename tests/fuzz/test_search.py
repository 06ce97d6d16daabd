"""The site-wide search and its suggestions, whatever arrives in the query string."""

from hypothesis import given

from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

SEARCH_PARAMETERS = ["q", "page"]


class SearchFuzzTests(FuzzTestCase):
    @given(prefix=some.language_prefixes, query=some.query_strings(SEARCH_PARAMETERS))
    def test_search_answers_any_query_string(self, prefix, query):
        client = self.visitor()
        self.get(client, f"{prefix}/search/", query)
        self.get(client, f"{prefix}/search/suggest/", query)

    @given(q=some.text, page=some.numbers)
    def test_search_answers_any_words_and_page(self, q, page):
        query = f"q={some.encode(q)}&page={some.encode(page)}"
        response = self.get(self.visitor(), "/search/", query)
        assert response.status_code in (200, 400)
