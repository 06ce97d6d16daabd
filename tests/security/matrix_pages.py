"""Page actions that change what the public sees: publish, unpublish, delete, move, copy, revert,
privacy and locks, one at a time and in bulk, and through the admin API.

Publishing directly is for administrators; reviewers publish only by approving someone else's
review, and may take content down (unpublish, delete, privacy). Editors and the section team never
publish; moving a live page changes its address, so that is for administrators too
(editorial/permissions.py).

COVERED rows are tested in tests/editorial/test_publish_routes.py (publish, bulk publish, copy,
move, revert, set privacy, the admin API's publish: editor, reviewer, administrator) and
tests/editorial/test_admin_only_areas.py (delete: editor, reviewer, administrator).
"""

import itertools
import json

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text

from tests.workstreams.factories import make_community

from .matrix_core import ALLOWED, COVERED, REFUSED, SIGN_IN, Action, table

CHANGED_SUMMARY = "Changed summary, meant for the public."


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def workstream_form(page, summary, action=None):
    """The workstream's edit form as the admin posts it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": summary,
        "what_it_covers": rich_text("<p>Practice.</p>"),
        "who_it_is_for": rich_text("<p>Workers.</p>"),
        "lead": "",
        "body-count": "0",
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def the_workstream(scene):
    return scene.workstream


def workstream_with_a_draft(scene):
    """The live workstream with a newer summary waiting as a draft revision."""
    page = fresh(scene.workstream)
    page.summary = CHANGED_SUMMARY
    page.save_revision()
    return page


def a_community_and_somewhere_to_move_it(scene):
    return make_community(scene.workstream, title="Moving community"), scene.other_workstream


def bulk_url(action, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


def public_summary_changed(page, _response):
    return fresh(page).summary == CHANGED_SUMMARY


def taken_down(page, _response):
    return not fresh(page).live


def deleted(page, _response):
    return not Page.objects.filter(pk=page.pk).exists()


def moved(target, _response):
    page, destination = target
    return fresh(page).get_parent().pk == destination.pk


# Publishing -------------------------------------------------------------------------------------

PUBLISH_FROM_THE_EDITOR = Action(
    "publish from the edit screen",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        workstream_form(page, CHANGED_SUMMARY, "action-publish"),
    ),
    happened=public_summary_changed,
)

BULK_PUBLISH = Action(
    "bulk publish",
    prepare=workstream_with_a_draft,
    attempt=lambda client, page: client.post(
        bulk_url("publish", page), {"include_descendants": ""}
    ),
    happened=public_summary_changed,
)

REVERT_AND_PUBLISH = Action(
    "revert to a revision and publish",
    prepare=workstream_with_a_draft,
    attempt=lambda client, page: client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, page.latest_revision_id)),
        workstream_form(page, CHANGED_SUMMARY, "action-publish"),
    ),
    happened=public_summary_changed,
)


COPY_NUMBERS = itertools.count(1)


def copy_and_publish(client, target):
    page, _destination = target
    # A refused attempt may still make a draft copy: each attempt's copy has its own address.
    return client.post(
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        {
            "new_title": "Copied community",
            "new_slug": f"copied-community-{next(COPY_NUMBERS)}",
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
        },
    )


def live_copy_made(_target, _response):
    return Page.objects.filter(title="Copied community", live=True).exists()


COPY_AND_PUBLISH = Action(
    "copy with publish",
    prepare=a_community_and_somewhere_to_move_it,
    attempt=copy_and_publish,
    happened=live_copy_made,
)

API_PUBLISH = Action(
    "admin API: publish",
    prepare=workstream_with_a_draft,
    attempt=lambda client, page: client.post(
        reverse("wagtailadmin_api:pages:action", args=(page.pk, "publish")),
        data=json.dumps({}),
        content_type="application/json",
    ),
    happened=public_summary_changed,
)

# Taking content down ---------------------------------------------------------------------------

UNPUBLISH = Action(
    "unpublish",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(
        reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
    ),
    happened=taken_down,
)

BULK_UNPUBLISH = Action(
    "bulk unpublish",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(
        bulk_url("unpublish", page), {"include_descendants": ""}
    ),
    happened=taken_down,
)

API_UNPUBLISH = Action(
    "admin API: unpublish",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(
        reverse("wagtailadmin_api:pages:action", args=(page.pk, "unpublish")),
        data=json.dumps({}),
        content_type="application/json",
    ),
    happened=taken_down,
)

DELETE = Action(
    "delete",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,))),
    happened=deleted,
)

BULK_DELETE = Action(
    "bulk delete",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(bulk_url("delete", page)),
    happened=deleted,
)

API_DELETE = Action(
    "admin API: delete",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(
        reverse("wagtailadmin_api:pages:action", args=(page.pk, "delete")),
        data=json.dumps({}),
        content_type="application/json",
    ),
    happened=deleted,
)

# Moving (a live page's public address changes) -------------------------------------------------

MOVE = Action(
    "move",
    prepare=a_community_and_somewhere_to_move_it,
    attempt=lambda client, target: client.post(
        reverse("wagtailadmin_pages:move_confirm", args=(target[0].pk, target[1].pk))
    ),
    happened=moved,
)

BULK_MOVE = Action(
    "bulk move",
    prepare=a_community_and_somewhere_to_move_it,
    attempt=lambda client, target: client.post(
        bulk_url("move", target[0]), {"chooser": target[1].pk}
    ),
    happened=moved,
)

API_MOVE = Action(
    "admin API: move",
    prepare=a_community_and_somewhere_to_move_it,
    attempt=lambda client, target: client.post(
        reverse("wagtailadmin_api:pages:action", args=(target[0].pk, "move")),
        data=json.dumps({"destination_page_id": target[1].pk, "position": "last-child"}),
        content_type="application/json",
    ),
    happened=moved,
)

# Privacy and locks -----------------------------------------------------------------------------

SET_PRIVACY = Action(
    "set privacy",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(
        reverse("wagtailadmin_pages:set_privacy", args=(page.pk,)),
        {"restriction_type": "login", "password": "", "groups": []},
    ),
    happened=lambda page, _response: page.get_view_restrictions().exists(),
)


def locked_by_an_administrator(scene):
    page = fresh(scene.workstream)
    page.locked = True
    page.locked_by = scene.fixture("administrator")
    page.save(update_fields=["locked", "locked_by"])
    return page


LOCK = Action(
    "lock",
    prepare=the_workstream,
    attempt=lambda client, page: client.post(reverse("wagtailadmin_pages:lock", args=(page.pk,))),
    happened=lambda page, _response: fresh(page).locked,
)

UNLOCK = Action(
    "unlock someone else's lock",
    prepare=locked_by_an_administrator,
    attempt=lambda client, page: client.post(reverse("wagtailadmin_pages:unlock", args=(page.pk,))),
    happened=lambda page, _response: not fresh(page).locked,
)

# fmt: off
ROWS = table(
    # action                  anonymous member   editor   section  own      reviewer administrator
    (PUBLISH_FROM_THE_EDITOR, SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (BULK_PUBLISH,            SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (REVERT_AND_PUBLISH,      SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (COPY_AND_PUBLISH,        SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (API_PUBLISH,             SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (UNPUBLISH,               SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (BULK_UNPUBLISH,          SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, ALLOWED, ALLOWED),
    (API_UNPUBLISH,           SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, ALLOWED, ALLOWED),
    (DELETE,                  SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (BULK_DELETE,             SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, ALLOWED, ALLOWED),
    (API_DELETE,              SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, ALLOWED, ALLOWED),
    (MOVE,                    SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (BULK_MOVE,               SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED),
    (API_MOVE,                SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED),
    (SET_PRIVACY,             SIGN_IN,  SIGN_IN, COVERED, REFUSED, REFUSED, COVERED, COVERED),
    (LOCK,                    SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED),
    (UNLOCK,                  SIGN_IN,  SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED),
)
# fmt: on
