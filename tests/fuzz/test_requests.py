"""Random paths, odd headers, long and repeated query strings, broken percent-encoding."""

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

SOME_PAGES = [
    "/",
    "/search/",
    "/events/",
    "/resources/",
    "/workstreams/",
    "/accounts/login/",
    "/accounts/signup/",
    "/feeds/events.rss",
    "/events/calendar.ics",
    "/healthz",
    "/robots.txt",
    "/sitemap.xml",
    "/.well-known/security.txt",
]
# Far beyond what the web server in front passes on (gunicorn stops at 4,094 bytes a line).
LONGEST_QUERY = 32_000

path_segments = st.one_of(
    st.sampled_from(["pl", "ur", "events", "..", ".", "%2e%2e", "%00", "%ff", "%", "documents"]),
    some.text.map(some.encode),
    st.integers(min_value=0, max_value=2**70).map(str),
)


class RequestFuzzTests(FuzzTestCase):
    @given(segments=st.lists(path_segments, min_size=1, max_size=5), slash=st.booleans())
    def test_any_path(self, segments, slash):
        path = "/" + "/".join(segments) + ("/" if slash else "")
        self.get(self.visitor(), path)

    @given(
        path=st.sampled_from(SOME_PAGES),
        language=some.accept_languages,
        cookie_language=some.text,
    )
    def test_any_accept_language(self, path, language, cookie_language):
        client = self.visitor()
        client.cookies["django_language"] = some.encode(cookie_language)
        self.get(client, path, HTTP_ACCEPT_LANGUAGE=language)

    @given(
        path=st.sampled_from(SOME_PAGES),
        query=some.query_strings(["q", "page", "month", "next"]),
        repeats=st.integers(1, 1500),
    )
    def test_long_and_repeated_query_strings(self, path, query, repeats):
        long_query = "&".join([query or "q=x"] * repeats)
        self.get(self.visitor(), path, long_query[:LONGEST_QUERY])

    @given(
        path=st.sampled_from(SOME_PAGES),
        host=st.sampled_from(["localhost", "testserver", "evil.example", "a" * 300, "[::1]"]),
        referer=some.text,
        agent=st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=300),
    )
    def test_odd_headers(self, path, host, referer, agent):
        self.get(
            self.visitor(),
            path,
            HTTP_HOST=host,
            HTTP_REFERER=some.encode(referer),
            HTTP_USER_AGENT=agent,
            HTTP_X_FORWARDED_FOR=agent,
        )
