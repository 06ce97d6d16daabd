"""Every kind of page with any query string, and the password form of a protected page."""

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

PAGES = ["home", "housing", "community", "private_community", "upcoming", "past", "resource"]


class PageFuzzTests(FuzzTestCase):
    @given(
        prefix=some.language_prefixes,
        page=st.sampled_from(PAGES),
        query=some.query_strings(["page", "q", "next", "saved"]),
        signed_in=st.booleans(),
    )
    def test_every_kind_of_page_answers_any_query_string(self, prefix, page, query, signed_in):
        client = self.signed_in() if signed_in else self.visitor()
        self.get(client, prefix + getattr(self.site, page).url, query)

    @given(
        body=some.form_bodies({"password": some.with_awkward("letmein"), "return_url": some.text}),
        restriction_id=st.one_of(st.just("real"), st.integers(0, 2**70)),
    )
    def test_a_page_password_takes_any_answer(self, body, restriction_id):
        page = self.site.secret_page
        if restriction_id == "real":
            restriction_id = page.get_view_restrictions().first().pk
        path = f"/_util/authenticate_with_password/{restriction_id}/{page.pk}/"
        client = self.visitor()
        self.get(client, page.url)
        self.post(client, path, body)
