"""Reading unpublished work: revisions, previews, history, review previews and the admin API.

A draft is private until a reviewer approves it. Anyone who may edit a page may read its drafts
(editors and reviewers everywhere, the section team in its own workstream); nobody else may, and
a refusal means the draft's words are absent from the response, whatever its status code.
"""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from editorial.roles import EDITORS
from editorial.workflow import TASK_NAME, WORKFLOW_NAME
from members.models import User
from tests.roles import make_user
from tests.workstreams.factories import make_community

from .matrix_core import ALLOWED, REFUSED, SIGN_IN, Action, table, text_of
from .matrix_pages import fresh, workstream_form

DRAFT_WORDS = "Unreviewed draft words about a named client"
DRAFTER = ("dana@example.org", "Dana", "Drafter")


def drafter():
    """The editor who wrote the draft (not one of the roles trying to read it)."""
    email, first_name, last_name = DRAFTER
    user = User.objects.filter(email=email).first()
    return user or make_user(email, EDITORS, first_name=first_name, last_name=last_name)


def workstream_with_private_draft(scene):
    """The live workstream, with an editor's unreviewed draft saved on top of it."""
    page = fresh(scene.workstream)
    page.save_revision(user=drafter(), log_action=True)  # the published words, as revision one
    page.summary = DRAFT_WORDS
    page.save_revision(user=drafter(), log_action=True)
    return fresh(page)


def draft_in_review(scene):
    """The draft submitted to the review workflow by the editor who wrote it."""
    page = workstream_with_private_draft(scene)
    page.get_workflow().start(page, drafter())
    return fresh(page)


def never_published_community(scene):
    return make_community(scene.workstream, title=DRAFT_WORDS, live=False)


def draft_words_shown(_target, response):
    return response.status_code == 200 and DRAFT_WORDS in text_of(response)


def revision_ids(page):
    return list(page.revisions.order_by("pk").values_list("pk", flat=True))


VIEW_REVISION = Action(
    "view a revision",
    prepare=workstream_with_private_draft,
    attempt=lambda client, page: client.get(
        reverse("wagtailadmin_pages:revisions_view", args=(page.pk, page.latest_revision_id))
    ),
    happened=draft_words_shown,
)

COMPARE_REVISIONS = Action(
    "compare revisions",
    prepare=workstream_with_private_draft,
    attempt=lambda client, page: client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=(page.pk, *revision_ids(page)[-2:]),
        )
    ),
    happened=draft_words_shown,
)

VIEW_DRAFT = Action(
    "view draft",
    prepare=workstream_with_private_draft,
    attempt=lambda client, page: client.get(
        reverse("wagtailadmin_pages:view_draft", args=(page.pk,))
    ),
    happened=draft_words_shown,
)


def preview_changes(client, page):
    """Type into the edit form and open the preview panel, as the admin's JavaScript does."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    client.post(url, workstream_form(page, DRAFT_WORDS))
    return client.get(url)


PREVIEW_ON_EDIT = Action(
    "preview on edit",
    prepare=lambda scene: scene.workstream,
    attempt=preview_changes,
    happened=draft_words_shown,
)


def preview_new_meeting_notes(client, community):
    # Notes rather than a new Community of Practice: previewing an unsaved community fails for
    # everyone (its join panel looks up memberships of a page not yet saved).
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("communities", "meetingnotespage", community.pk),
    )
    form = {
        "title": "Previewed notes",
        "slug": "previewed-notes",
        "meeting_date": "2026-03-03",
        "meeting": "",
        "summary": DRAFT_WORDS,
        "body-count": "0",
    }
    client.post(url, nested_form_data(form))
    return client.get(url)


PREVIEW_ON_ADD = Action(
    "preview on add",
    prepare=lambda scene: make_community(scene.workstream),
    attempt=preview_new_meeting_notes,
    happened=draft_words_shown,
)

HISTORY = Action(
    "revision history",
    prepare=workstream_with_private_draft,
    attempt=lambda client, page: client.get(reverse("wagtailadmin_pages:history", args=(page.pk,))),
    happened=lambda _page, response: (
        response.status_code == 200 and "Dana Drafter" in text_of(response)
    ),
)

WORKFLOW_HISTORY = Action(
    "workflow history",
    prepare=draft_in_review,
    attempt=lambda client, page: client.get(
        reverse("wagtailadmin_pages:workflow_history", args=(page.pk,))
    ),
    happened=lambda _page, response: (
        response.status_code == 200 and WORKFLOW_NAME in text_of(response)
    ),
)


def preview_for_review(client, page):
    task = page.current_workflow_task
    return client.get(reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, task.pk)))


REVIEW_PREVIEW = Action(
    f"preview for review ({TASK_NAME})",
    prepare=draft_in_review,
    attempt=preview_for_review,
    happened=draft_words_shown,
    control="reviewer",
)

API_DETAIL = Action(
    "admin API: a draft page",
    prepare=never_published_community,
    attempt=lambda client, page: client.get(
        reverse("wagtailadmin_api:pages:detail", args=(page.pk,))
    ),
    happened=draft_words_shown,
)

API_LISTING = Action(
    "admin API: listing drafts",
    prepare=never_published_community,
    attempt=lambda client, page: client.get(
        reverse("wagtailadmin_api:pages:listing"), {"child_of": page.get_parent().pk}
    ),
    happened=draft_words_shown,
)

EXPLORER_LISTING = Action(
    "page explorer: listing drafts",
    prepare=never_published_community,
    attempt=lambda client, page: client.get(
        reverse("wagtailadmin_explore", args=(page.get_parent().pk,))
    ),
    happened=draft_words_shown,
)

# fmt: off
ROWS = table(
    # action           anonymous member   editor   section  own      reviewer administrator
    (VIEW_REVISION,     SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (COMPARE_REVISIONS, SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (VIEW_DRAFT,        SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (PREVIEW_ON_EDIT,   SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (PREVIEW_ON_ADD,    SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (HISTORY,           SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (WORKFLOW_HISTORY,  SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (REVIEW_PREVIEW,    SIGN_IN, SIGN_IN, REFUSED, REFUSED, REFUSED, ALLOWED, ALLOWED),
    (API_DETAIL,        SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (API_LISTING,       SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
    (EXPLORER_LISTING,  SIGN_IN, SIGN_IN, ALLOWED, REFUSED, ALLOWED, ALLOWED, ALLOWED),
)
# fmt: on
