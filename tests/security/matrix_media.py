"""Documents in the members-only collection: editing, deleting, choosing, downloading, and the
collection's privacy itself.

Editors and the section team upload and edit documents in any collection (editorial/roles.py).
Taking a file down or making it public is like unpublishing a page or changing its privacy:
reviewers and administrators. A collection's own privacy is for administrators. The public
download serves a members-only file to members (and administrators) only; staff outside the
Members group are sent to sign in like anyone else. Images cannot be private in Wagtail, so
there is nothing of theirs to test here.

COVERED rows are tested in tests/members/test_members_only.py (downloads by visitors and
members).
"""

from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from members.restrictions import document_is_members_only, members_only_collection
from tests.library.factories import PDF_BYTES, make_document

from .matrix_core import (
    ALLOWED,
    COVERED,
    NOT_APPLICABLE,
    REFUSED,
    SIGN_IN,
    Action,
    form_as_shown,
    table,
    text_of,
)

TITLE = "Slides for members: safety planning"
NEW_TITLE = "Renamed slides"
NA = NOT_APPLICABLE


def members_only_document(_scene):
    document = make_document(title=TITLE, filename="members-slides.pdf")
    document.collection = members_only_collection()
    document.save()
    return document


def document_edit_form(scene):
    document = members_only_document(scene)
    return document, *form_as_shown(scene, reverse("wagtaildocs:edit", args=(document.pk,)))


def the_document(form):
    return get_document_model().objects.filter(pk=form[0].pk).first()


def rename(client, form):
    _document, url, data = form
    return client.post(url, {**data, "title": NEW_TITLE})


def move_to_the_public_root(client, form):
    _document, url, data = form
    return client.post(url, {**data, "collection": Collection.get_first_root_node().pk})


EDIT_DOCUMENT = Action(
    "members-only document: edit",
    prepare=document_edit_form,
    attempt=rename,
    happened=lambda form, _response: the_document(form).title == NEW_TITLE,
)

MAKE_DOCUMENT_PUBLIC = Action(
    "members-only document: move to a public collection",
    prepare=document_edit_form,
    attempt=move_to_the_public_root,
    happened=lambda form, _response: not document_is_members_only(the_document(form)),
)

DELETE_DOCUMENT = Action(
    "members-only document: delete",
    prepare=members_only_document,
    attempt=lambda client, document: client.post(
        reverse("wagtaildocs:delete", args=(document.pk,))
    ),
    happened=lambda document, _response: (
        not get_document_model().objects.filter(pk=document.pk).exists()
    ),
)

CHOOSER = Action(
    "members-only document: chooser listing",
    prepare=members_only_document,
    attempt=lambda client, _document: client.get(reverse("wagtaildocs_chooser:choose")),
    happened=lambda _document, response: response.status_code == 200 and TITLE in text_of(response),
)

DOWNLOAD = Action(
    "members-only document: public download",
    prepare=members_only_document,
    attempt=lambda client, document: client.get(
        reverse("wagtaildocs_serve", args=(document.pk, document.filename))
    ),
    happened=lambda _document, response: (
        response.status_code == 200 and PDF_BYTES.decode() in text_of(response)
    ),
    control="member",
)

OPEN_THE_COLLECTION = Action(
    "members-only collection: remove its privacy",
    prepare=lambda _scene: members_only_collection(),
    attempt=lambda client, collection: client.post(
        reverse("wagtailadmin_collections:set_privacy", args=(collection.pk,)),
        {"restriction_type": "none", "password": "", "groups": []},
    ),
    happened=lambda collection, _response: (
        not CollectionViewRestriction.objects.filter(collection=collection).exists()
    ),
)

# Reviewers take content down and set privacy (DESIGN.md); editors never publish or take down
# alone, so they can neither move a file out of "Members only" nor delete one.
# fmt: off
ROWS = table(
    # action              anonymous member  editor       section      own reviewer administrator
    (EDIT_DOCUMENT,        SIGN_IN, SIGN_IN, ALLOWED,     ALLOWED,     NA, ALLOWED, ALLOWED),
    (MAKE_DOCUMENT_PUBLIC, SIGN_IN, SIGN_IN, REFUSED,     REFUSED,     NA, ALLOWED, ALLOWED),
    (DELETE_DOCUMENT,      SIGN_IN, SIGN_IN, REFUSED,     REFUSED,     NA, ALLOWED, ALLOWED),
    (CHOOSER,              SIGN_IN, SIGN_IN, ALLOWED,     ALLOWED,     NA, ALLOWED, ALLOWED),
    (DOWNLOAD,             COVERED, COVERED, SIGN_IN,     SIGN_IN,     NA, SIGN_IN, ALLOWED),
    (OPEN_THE_COLLECTION,  SIGN_IN, SIGN_IN, REFUSED,     REFUSED,     NA, REFUSED, ALLOWED),
)
# fmt: on
