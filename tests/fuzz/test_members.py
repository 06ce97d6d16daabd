"""Unsubscribe links, and the forms in the member's hub: emails, saved pages, deleting."""

from hypothesis import given
from hypothesis import strategies as st

from members.tokens import unsubscribe_token
from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase
from tests.roles import PASSWORD

ids = st.one_of(st.integers(min_value=0, max_value=2**70), st.just("page"))
tokens = st.one_of(
    st.sampled_from(["1:abc", "MQ:abc", "1", ":", "x" * 201, "eyJ9:1tq:abc"]),
    st.just("tampered"),
    some.text,
)


class MemberFuzzTests(FuzzTestCase):
    @given(prefix=some.language_prefixes, token=tokens, body=some.form_bodies({}))
    def test_any_unsubscribe_link(self, prefix, token, body):
        if token == "tampered":
            token = unsubscribe_token(self.site.member)[:-1] + "x"
        path = f"{prefix}/accounts/unsubscribe/{some.encode(token)}/"
        client = self.visitor()
        self.get(client, path)
        self.post(client, path, body)

    @given(
        body=some.form_bodies(
            {
                "email_consent": some.with_awkward("on", "off"),
                "language": some.with_awkward("pl", "ur", "en-gb", "xx"),
            }
        )
    )
    def test_email_preferences_take_any_answer(self, body):
        response = self.post(self.signed_in(), "/accounts/hub/email-preferences/", body)
        assert response.status_code == 302

    @given(
        action=st.sampled_from(["save", "remove"]),
        page_id=ids,
        body=some.form_bodies({"next": some.with_awkward("/", "//evil.example", "/search/")}),
        signed_in=st.booleans(),
    )
    def test_saving_and_removing_any_page(self, action, page_id, body, signed_in):
        if page_id == "page":
            page_id = self.site.resource.pk
        client = self.signed_in() if signed_in else self.visitor()
        self.post(client, f"/accounts/hub/saved/{page_id}/{action}/", body)

    @given(query=some.query_strings(["saved", "page"]))
    def test_the_hub_answers_any_query_string(self, query):
        self.get(self.signed_in(), "/accounts/hub/", query)

    @given(body=some.form_bodies({"password": some.with_awkward(PASSWORD, "wrong")}))
    def test_deleting_the_account_with_any_answer(self, body):
        client = self.signed_in()
        self.get(client, "/accounts/hub/delete-account/")
        self.post(client, "/accounts/hub/delete-account/", body)

    @given(
        body=some.form_bodies(
            {
                "email": some.emails,
                "action_add": some.with_awkward(""),
                "action_send": some.with_awkward(""),
                "action_primary": some.with_awkward(""),
                "action_remove": some.with_awkward(""),
            }
        )
    )
    def test_the_email_addresses_page_takes_any_answer(self, body):
        client = self.signed_in()
        self.get(client, "/accounts/email/")
        self.post(client, "/accounts/email/", body)

    @given(
        body=some.form_bodies(
            {
                "oldpassword": some.with_awkward(PASSWORD),
                "password1": some.with_awkward("a-new-long-password"),
                "password2": some.with_awkward("a-new-long-password"),
            }
        )
    )
    def test_changing_the_password_with_any_answer(self, body):
        self.post(self.signed_in(), "/accounts/password/change/", body)
