"""Asking to join a Community of Practice and leaving it, with any ids and any message."""

from hypothesis import given
from hypothesis import strategies as st

from communities.membership import request_to_join
from tests.fuzz import strategies as some
from tests.fuzz.site_content import FuzzTestCase

community_ids = st.one_of(
    st.integers(min_value=0, max_value=2**70), st.sampled_from(["community", "private_community"])
)
FIELDS = {"message": some.text, "confirm": some.with_awkward("yes", "no")}


class CommunityFuzzTests(FuzzTestCase):
    @given(
        prefix=some.language_prefixes,
        action=st.sampled_from(["join", "leave"]),
        community_id=community_ids,
        already_asked=st.booleans(),
        body=some.form_bodies(FIELDS),
        signed_in=st.booleans(),
    )
    def test_joining_and_leaving_any_community(
        self, prefix, action, community_id, already_asked, body, signed_in
    ):
        if isinstance(community_id, str):
            community_id = getattr(self.site, community_id).pk
        if already_asked:
            request_to_join(self.site.community, self.site.member, "Hello")
        client = self.signed_in() if signed_in else self.visitor()
        self.post(client, f"{prefix}/accounts/communities/{community_id}/{action}/", body)
