"""Get-involved forms: every type of field an editor can add, with any answers."""

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

# A valid answer for each field, or anything at all.
FIELDS = {
    "your_name": some.with_awkward("Sam Okafor"),
    "email": some.emails,
    "why_it_matters": some.text,
    "how_many": some.numbers,
    "website": some.with_awkward("https://example.org", "javascript:alert(1)", "http://[::1"),
    "agree": some.with_awkward("on"),
    "topics": some.with_awkward("Housing", "Health"),
    "area": some.with_awkward("City", "County"),
    "days": some.with_awkward("Mon", "Tue"),
    "role": some.with_awkward("Worker", "Manager"),
    "start_date": some.with_awkward("2026-03-03", "2026-02-30", "03/03/2026", "99999-01-01"),
    "call_time": some.with_awkward("2026-03-03 10:00", "2026-03-03T25:00", "0000-00-00 00:00"),
    "source": some.text,
    "website_address_check": some.with_awkward(""),
}


class GetInvolvedFuzzTests(FuzzTestCase):
    @given(prefix=some.language_prefixes, body=some.form_bodies(FIELDS), signed_in=st.booleans())
    def test_the_form_takes_any_answers(self, prefix, body, signed_in):
        client = self.signed_in() if signed_in else self.visitor()
        self.post(client, prefix + self.site.form_page.url, body)
