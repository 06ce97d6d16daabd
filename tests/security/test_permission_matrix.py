"""Who may do what in the admin: every action that changes what the public sees or reads private
data, tried as each role, with each outcome asserted by its effect.

The matrices are in the matrix_*.py modules beside this one, one per area; each row is
(action, role, expected outcome). A row expecting a refusal or a sign-in also has the action's
control role (usually a site administrator) make the same attempt on the same target, which must
succeed: no row passes because the action is broken for everyone.
"""

import pytest

from . import (
    matrix_admin_areas,
    matrix_drafts,
    matrix_media,
    matrix_pages,
    matrix_people_data,
    matrix_translations,
)
from .matrix_core import ALLOWED, SIGN_IN, Scene, client_as, sent_to_sign_in, user_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_tree(db):
    """The suite's site tree, checked rather than rebuilt: these rows are many and short.

    `migrate` made the tree, roles and workflow; only a flush (by a transactional test elsewhere)
    removes them, and then the suite's own builder puts them back.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import Site, WorkflowPage

    from editorial.roles import EDITORS
    from tests.site_tree import english_home, ensure_site_tree

    intact = (
        Site.objects.filter(is_default_site=True, root_page__depth=2).exists()
        and WorkflowPage.objects.filter(page__depth=1, workflow__active=True).exists()
        and Group.objects.filter(name=EDITORS, page_permissions__page__depth=2).exists()
    )
    return english_home() if intact else ensure_site_tree()


ROWS = [
    *matrix_pages.ROWS,
    *matrix_drafts.ROWS,
    *matrix_people_data.ROWS,
    *matrix_admin_areas.ROWS,
    *matrix_media.ROWS,
    *matrix_translations.ROWS,
]


@pytest.mark.parametrize("action, role, expected", ROWS)
def test_permission_matrix(request, action, role, expected):
    scene = Scene(request, role, user_for(request, role))
    target = action.prepare(scene)

    response = action.attempt(client_as(scene.user), target)

    if expected == ALLOWED:
        assert action.happened(target, response), f"{role} should be able to {action.name}"
        return
    assert not action.happened(target, response), f"{role} must not be able to {action.name}"
    assert sent_to_sign_in(response) is (expected == SIGN_IN), response

    # The same attempt on the same target, by someone who may: it works.
    control = client_as(user_for(request, action.control))
    control_response = action.attempt(control, target)
    assert action.happened(target, control_response), f"{action.control} could not either"
