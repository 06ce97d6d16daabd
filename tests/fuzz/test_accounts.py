"""Signing up, signing in (password, then the second factor), and the keys sent by email."""

from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from hypothesis import given
from hypothesis import strategies as st

from members.models import OrganisationType
from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase, with_verified_email
from tests.roles import PASSWORD, make_user

passwords = some.with_awkward(PASSWORD, "a-different-long-password")
codes = st.one_of(
    st.sampled_from(["000000", "123456", "12345", "1234567", "abcdef", " 123 456 ", "٠١٢٣٤٥"]),
    st.text(st.characters(categories=["Nd"]), min_size=6, max_size=6),
    some.text,
)
keys = st.one_of(st.sampled_from(["abc", "set-password", "MQ:1tq:abc", "x" * 300]), some.text)

SIGNUP_FIELDS = {
    "first_name": some.with_awkward("Jo"),
    "last_name": some.text,
    "email": some.emails,
    "password1": passwords,
    "password2": passwords,
    "job_title": some.text,
    "organisation": some.text,
    "organisation_type": some.with_awkward(*OrganisationType.values),
    "work_postcode": some.with_awkward("NG1 6HL", "NG1", "ng16hl", "SW1A 1AA"),
    "email_consent": some.with_awkward("on", "true", "false"),
    "website": some.with_awkward(""),
}
LOGIN_FIELDS = {
    "login": some.with_awkward("member@example.org", "app@example.org"),
    "password": passwords,
    "remember": some.with_awkward("on"),
    "next": some.with_awkward("/accounts/hub/", "//evil.example", "javascript:alert(1)"),
}


class AccountFuzzTests(FuzzTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.with_app = with_verified_email(make_user("app@example.org"))
        TOTP.activate(cls.with_app, generate_totp_secret())
        RecoveryCodes.activate(cls.with_app)

    @given(prefix=some.language_prefixes, body=some.form_bodies(SIGNUP_FIELDS))
    def test_sign_up_with_any_answers(self, prefix, body):
        self.post(self.visitor(), f"{prefix}/accounts/signup/", body)

    @given(
        prefix=some.language_prefixes,
        body=some.form_bodies(LOGIN_FIELDS),
        query=some.query_strings(["next"]),
    )
    def test_sign_in_with_any_answers(self, prefix, body, query):
        client = self.visitor()
        self.get(client, f"{prefix}/accounts/login/", query)
        self.post(client, f"{prefix}/accounts/login/", body, query)

    @given(body=some.form_bodies({"code": codes}))
    def test_the_second_factor_page_takes_any_code(self, body):
        client = self.visitor()
        response = client.post(
            "/accounts/login/", {"login": self.with_app.email, "password": PASSWORD}
        )
        assert response["Location"] == "/accounts/2fa/authenticate/"
        response = self.post(client, "/accounts/2fa/authenticate/", body)
        assert response.status_code in (200, 302, 429)

    @given(body=some.form_bodies({"email": some.emails}))
    def test_asking_for_a_password_reset_with_any_address(self, body):
        self.post(self.visitor(), "/accounts/password/reset/", body)

    @given(
        uid=st.one_of(st.just("member"), st.text("0123456789abcxyzXYZ", min_size=1, max_size=20)),
        key=keys,
        body=some.form_bodies({"password1": passwords, "password2": passwords}),
    )
    def test_any_password_reset_key(self, uid, key, body):
        if uid == "member":
            uid = user_pk_to_url_str(self.site.member)
        path = f"/accounts/password/reset/key/{uid}-{some.encode(key)}/"
        client = self.visitor()
        self.get(client, path)
        self.post(client, path, body)

    @given(key=keys)
    def test_any_email_confirmation_key(self, key):
        client = self.visitor()
        path = f"/accounts/confirm-email/{some.encode(key)}/"
        self.get(client, path)
        self.post(client, path)

    @given(body=some.form_bodies({"code": codes}))
    def test_any_sign_in_code(self, body):
        client = self.visitor()
        self.get(client, "/accounts/login/code/confirm/")
        self.post(client, "/accounts/login/code/confirm/", body)
