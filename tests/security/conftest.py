"""Fixtures for the security tests: a section team beside the suite-wide roles."""

import pytest

from editorial.demo import SECTION_EDITOR, build_section_team
from members.models import User
from tests.home.content import make_workstream


@pytest.fixture
def workstreams(home):
    """Two workstreams: the section team's own, and one outside it."""
    return {
        "housing": make_workstream(home, "Housing First and Homelessness"),
        "women": make_workstream(home, "Women's Complex Needs"),
    }


@pytest.fixture
def section_editor(workstreams):
    """A member of "Housing First editors": edits below the housing workstream only."""
    build_section_team(workstreams["housing"])
    return User.objects.get(email=SECTION_EDITOR[0])
