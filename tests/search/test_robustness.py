"""Whatever arrives in ?q= and ?page=, the search answers 200 (or 400), never 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

AWKWARD = [
    "\x00",
    "hostel\x00",
    "'",
    '"',
    "a'b\"c",
    "&|!:*()",
    "hostel:* & !(a|b)",
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "NEAR(hostel housing)",
    "AND OR NOT",
    "title:hostel",
    "😀🏠",
    "مرحبا بالعالم",
    "שלום \u200f hostel",
    "\u202etrauma",
    "x" * 5000,
    "hostel " * 1000,
    "%00%27",
    "",
    " ",
]
queries = st.one_of(st.sampled_from(AWKWARD), st.text(max_size=300))
pages = st.one_of(
    st.sampled_from(["", "0", "-1", "2", "abc", "1e9", "99999999999999999999", "\x00", "1.5"]),
    st.text(max_size=30),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=queries, other_q=queries, page=pages)
def test_search_never_fails(client, make_page, q, other_q, page):
    make_page("Hostel life", introduction="Hostels and housing.")
    for params in ([("q", q), ("page", page)], [("q", q), ("q", other_q), ("page", page)]):
        response = client.get("/search/?" + urlencode(params))
        assert response.status_code in (200, 400)
        suggest = client.get("/search/suggest/?" + urlencode(params))
        assert suggest.status_code in (200, 400)
