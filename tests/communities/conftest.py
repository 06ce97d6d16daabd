"""A community with its facilitator, and a member who may ask to join it."""

import pytest

from editorial.roles import EDITORS, MEMBERS
from tests.events.factories import make_community
from tests.roles import make_user
from workstreams.models import CommunityOfPracticePage


@pytest.fixture
def facilitator(site_tree):
    """An editor who runs a community: the usual facilitator."""
    return make_user("priya@example.org", EDITORS, first_name="Priya", last_name="Shah")


@pytest.fixture
def community(site_tree, facilitator):
    _workstream, page = make_community("Hostel managers")
    CommunityOfPracticePage.objects.filter(pk=page.pk).update(facilitator=facilitator)
    page.refresh_from_db()
    return page


@pytest.fixture
def jo(site_tree):
    return make_user(
        "jo@example.org",
        MEMBERS,
        first_name="Jo",
        last_name="Bloggs",
        job_title="Hostel manager",
        organisation="Framework Housing",
    )
