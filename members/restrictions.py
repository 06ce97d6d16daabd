"""What "members only" means on this site, in one place.

Members-only content uses Wagtail's own privacy, so staff control it in the admin:
- a page is members only while it, or a page above it, has a view restriction (the page's
  "Privacy" setting). Members-only pages are restricted to the group "Members";
- a document is members only while its collection, or a collection above it, has a view
  restriction. The "Members only" collection, made on every `migrate`, is where editors put
  recordings' slides, transcripts and other files for members.

Any kind of view restriction (a group, sign-in, a password) counts here: whatever the kind,
visitors who are not let in see a title, a summary and a "Members only" label, never the content
(see members/search_index.py for search).
"""

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageManager,
    PageViewRestriction,
)
from wagtail.query import PageQuerySet

from editorial.roles import MEMBERS

MEMBERS_ONLY_COLLECTION = "Members only"


def members_group():
    # Made here if need be: after `migrate`, this app's handler runs before editorial's roles.
    group, _created = Group.objects.get_or_create(name=MEMBERS)
    return group


# Pages --------------------------------------------------------------------------------------


def restrict_to_members(page):
    """Make `page` (and every page below it) visible to members only. Safe to repeat.

    A page has at most one restriction of its own (the admin edits one); an existing one of
    another kind becomes a Members restriction.
    """
    restriction = PageViewRestriction.objects.filter(page=page).order_by("pk").first()
    if restriction is None:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
    elif restriction.restriction_type != PageViewRestriction.GROUPS:
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.password = ""
        restriction.save(update_fields=["restriction_type", "password"])
    restriction.groups.add(members_group())
    return restriction


class SitePageQuerySet(PageQuerySet):
    def public(self):
        """Pages with no view restriction on themselves or a page above them, as Wagtail's
        `public()`, but in one subquery: Wagtail's adds a condition per restriction to every
        query, which costs more the more members-only pages there are."""
        restricting = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return self.exclude(Exists(restricting))


# The manager of the site's own page types (editorial.models.ReviewedPage).
SitePageManager = PageManager.from_queryset(SitePageQuerySet)


def ancestor_paths(path, step=Page.steplen):
    """The tree paths of a page (or collection) and of every one above it."""
    return [path[:length] for length in range(step, len(path) + 1, step)]


def members_only_page_ids(pages):
    """Ids of `pages` with a view restriction on themselves or a page above them.

    One query, however many pages are given (none when no page is given).
    """
    pages = [page for page in pages if page.path]
    wanted = {path for page in pages for path in ancestor_paths(page.path)}
    if not wanted:
        return set()
    restricted = set(
        PageViewRestriction.objects.filter(page__path__in=wanted).values_list(
            "page__path", flat=True
        )
    )
    return {
        page.pk for page in pages if any(path in restricted for path in ancestor_paths(page.path))
    }


def page_is_members_only(page):
    """Whether `page` sits under any view restriction (one query)."""
    return bool(members_only_page_ids([page]))


# Document collections -----------------------------------------------------------------------


def members_only_collection_ids():
    """Ids of the collections with a view restriction on themselves or a collection above them.

    At most two queries: the restricted collections, then the collections below them.
    """
    restricted_paths = set(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    if not restricted_paths:
        return set()
    below = Q()
    for path in restricted_paths:
        below |= Q(path__startswith=path)
    return set(Collection.objects.filter(below).values_list("pk", flat=True))


def collection_is_members_only(collection_id):
    """Whether documents in the collection `collection_id` are members only (two queries)."""
    collection = Collection.objects.filter(pk=collection_id).only("path").first()
    if collection is None:
        return False
    above = ancestor_paths(collection.path, Collection.steplen)
    return CollectionViewRestriction.objects.filter(collection__path__in=above).exists()


def document_is_members_only(document):
    return document.collection_id is not None and collection_is_members_only(document.collection_id)


def restrict_collection_to_members(collection):
    """Make the documents in `collection` (and in collections below it) members only."""
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    elif restriction.restriction_type != CollectionViewRestriction.GROUPS:
        restriction.restriction_type = CollectionViewRestriction.GROUPS
        restriction.password = ""
        restriction.save(update_fields=["restriction_type", "password"])
    restriction.groups.add(members_group())
    return restriction


def members_only_collection():
    """The "Members only" document collection, made and restricted to Members if need be.

    None while there is no root collection (Wagtail's migrations make it).
    """
    root = Collection.get_first_root_node()
    if root is None:
        return None
    collection = root.get_children().filter(name=MEMBERS_ONLY_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=MEMBERS_ONLY_COLLECTION)
    restrict_collection_to_members(collection)
    return collection


def ensure_members_only_collection_after_migrate(sender, **kwargs):
    """post_migrate: every database has the collection, as it has the groups."""
    members_only_collection()
