"""The permission matrix's vocabulary: roles, named outcomes, actions and the table of rows.

An `Action` is one thing a person can try in the admin (or a staff view, or a private download):
`prepare` builds what it acts on, `attempt` sends the request a browser would send, and
`happened` reads its effect from the database or from what came back (for reads: whether the
private words are in the response). Outcomes are asserted by that effect, never by a status code
alone.

`table()` turns each line of a matrix (an action, then one outcome per role in ROLES) into one
test row. A role whose behaviour is already tested elsewhere is marked COVERED and left out, as
is a role with nothing of its own to act on (NOT_APPLICABLE).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.roles import client_for

ALLOWED = "allowed"  # the effect happens (or the private words come back)
REFUSED = "refused"  # nothing changes, and no private word comes back
SIGN_IN = "sign in"  # sent to a sign-in page; nothing changes, no private word comes back
COVERED = None  # tested in another module (named in the matrix's comment)
NOT_APPLICABLE = None  # the role has nothing of its own to try this on

# The columns of every matrix, in order. Each role is a fixture, except the anonymous visitor.
# The section editor (Housing First editors) acts on the women's workstream, outside their part
# of the site; "section_editor_own" is the same person acting on their own (housing) workstream.
ROLES = (
    "anonymous",
    "member",
    "editor",
    "section_editor",
    "section_editor_own",
    "reviewer",
    "administrator",
)
FIXTURE_FOR_ROLE = {"section_editor_own": "section_editor", "anonymous": None}
OWN_WORKSTREAM_ROLES = {"section_editor_own"}

SIGN_IN_PATHS = ("/admin/login/", "/accounts/login/")


@dataclass
class Scene:
    """What an attempt needs: the acting person, and where in the site they act."""

    request: Any  # pytest's request, to reach fixtures only when an action needs them
    role: str
    user: Any = None

    def fixture(self, name):
        return self.request.getfixturevalue(name)

    @property
    def workstream(self):
        """The housing workstream for the section editor's own work, otherwise the women's."""
        place = "housing" if self.role in OWN_WORKSTREAM_ROLES else "women"
        return self.fixture("workstreams")[place]

    @property
    def other_workstream(self):
        place = "women" if self.role in OWN_WORKSTREAM_ROLES else "housing"
        return self.fixture("workstreams")[place]


@dataclass(frozen=True)
class Action:
    name: str
    prepare: Callable[[Scene], Any]
    attempt: Callable[[Client, Any], Any]
    happened: Callable[[Any, Any], bool]
    # Who must succeed at the same attempt when a row expects a refusal.
    control: str = "administrator"


@dataclass(frozen=True)
class Hole:
    """An outcome that DESIGN.md wants but the site does not give yet: an xfail(strict) row."""

    wanted: str
    reason: str


def hole(wanted, reason):
    return Hole(wanted, reason)


def table(*lines):
    """Rows of (action, role, outcome) for pytest.mark.parametrize, one per role's outcome."""
    rows = []
    for action, *outcomes in lines:
        assert len(outcomes) == len(ROLES), f"{action.name}: one outcome per role in ROLES"
        for role, outcome in zip(ROLES, outcomes, strict=True):
            if outcome is COVERED:
                continue
            marks = []
            if isinstance(outcome, Hole):
                marks = [pytest.mark.xfail(strict=True, reason=outcome.reason)]
                outcome = outcome.wanted
            rows.append(
                pytest.param(action, role, outcome, marks=marks, id=f"{action.name} | {role}")
            )
    return rows


def user_for(request, role):
    fixture = FIXTURE_FOR_ROLE.get(role, role)
    return None if fixture is None else request.getfixturevalue(fixture)


def client_as(user):
    return Client() if user is None else client_for(user)


def text_of(response):
    """The body of any response, streamed (CSV exports, documents) or not."""
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace")


def sent_to_sign_in(response):
    location = response.get("Location", "") if response.status_code in (301, 302) else ""
    return any(location.startswith(path) for path in SIGN_IN_PATHS)


def form_as_shown(scene, url):
    """The fields of the form at `url`, with their current values, as an administrator sees it."""
    response = client_for(scene.fixture("administrator")).get(url)
    assert response.status_code == 200, url
    forms = BeautifulSoup(response.content, "html.parser").find_all("form")
    form = next(form for form in forms if form.get("method", "").lower() == "post")
    data = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if element.name == "select":
            chosen = [
                option.get("value", "") for option in element.find_all("option", selected=True)
            ]
            data[name] = chosen if element.has_attr("multiple") else (chosen or [""])[0]
        elif element.name == "textarea":
            data[name] = element.get_text()
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element.get("value", "on"))
        elif element.get("type") not in ("submit", "button", "file"):
            data[name] = element.get("value", "")
    return url, data
