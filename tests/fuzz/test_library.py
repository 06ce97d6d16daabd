"""The resource library's search, facets, sorting and pages, and its feeds."""

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

LIBRARY_PARAMETERS = [
    "q",
    "workstream",
    "type",
    "topic",
    "audience",
    "language",
    "year",
    "easy_read",
    "sort",
    "page",
]
# Values the facets know, so that examples also reach the filtering and counting.
KNOWN_VALUES = ["housing-first", "women", "report", "trauma", "managers", "en", "2021", "yes"]


class LibraryFuzzTests(FuzzTestCase):
    @given(prefix=some.language_prefixes, query=some.query_strings(LIBRARY_PARAMETERS))
    def test_the_library_answers_any_query_string(self, prefix, query):
        self.get(self.visitor(), prefix + self.site.library.url, query)

    @given(query=some.filter_queries(LIBRARY_PARAMETERS, KNOWN_VALUES, max_size=10))
    def test_facets_combine_with_any_values(self, query):
        response = self.get(self.visitor(), self.site.library.url, query)
        assert response.status_code == 200

    @given(
        prefix=some.language_prefixes,
        feed=st.sampled_from(["/feeds/resources.rss", "/feeds/resources.atom"]),
        query=some.query_strings(["page", "q", "type"]),
    )
    def test_the_feeds_answer_any_query_string(self, prefix, feed, query):
        self.get(self.visitor(), prefix + feed, query)

    @given(
        document_id=st.one_of(st.just("real"), st.integers(0, 2**70).map(str), some.text),
        filename=st.one_of(st.just("practice-guide.pdf"), some.text),
        query=some.query_strings(["download", "page"]),
    )
    def test_any_document_address(self, document_id, filename, query):
        if document_id == "real":
            document_id = str(self.site.document.pk)
        path = f"/documents/{some.encode(document_id)}/{some.encode(filename)}"
        self.get(self.visitor(), path, query)

    @given(
        body=some.form_bodies({"password": some.with_awkward("letmein"), "return_url": some.text}),
        restriction_id=st.one_of(st.just("real"), st.integers(0, 2**70)),
    )
    def test_a_document_password_takes_any_answer(self, body, restriction_id):
        if restriction_id == "real":
            restriction_id = self.site.document_password.pk
        path = f"/documents/authenticate_with_password/{restriction_id}/"
        client = self.visitor()
        self.get(client, path)
        self.post(client, path, body)
