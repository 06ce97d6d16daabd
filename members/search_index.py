"""Members-only words stay out of the search index.

Search results and listings show a members-only page's title, summary and a "Members only"
label, never its content. A word that appears only in the content must not find the page
either, or searching would tell a visitor what the content says. So private text is never
indexed:

- pages: while a page, or a page above it, has a view restriction, its searchable fields other
  than the title and summary index as empty, and so do the objects indexed with it (attached
  files, authors). `hide_members_only_text_from_search()`, run once at start-up, applies this
  to every page model's `search_fields`, so a new page type is covered without doing anything.
- documents: library.models.CustomDocument.indexed_text is empty while the document's
  collection is members only. That covers the document itself and every page it is attached to.

Restrictions change without the page being saved, so the pages under one are indexed again
when it is added or removed, and when a page moves to another parent (library/signals.py does
the same for document collections). Editors searching the admin see what visitors see: private
pages and files are found by their title and summary only.
"""

import logging

from django.db import transaction
from django_tasks import task
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from members.restrictions import document_is_members_only, page_is_members_only

logger = logging.getLogger(__name__)

# The fields a members-only page shows to everyone (search results and listings), so they stay
# searchable. Everything else of the page is private while it is restricted.
PUBLIC_FIELD_NAMES = frozenset({"title", "summary", "introduction", "search_description"})

# Whether an object's text is private is worked out once per object and reused by each of its
# fields; any change of privacy in this process starts afresh.
_privacy_changes = 0
PAGE_MEMO = "_members_only_text"
DOCUMENT_MEMO = "_members_only_document_text"


def note_privacy_changed():
    global _privacy_changes
    _privacy_changes += 1


def page_text_is_private(page):
    """Whether `page`'s content must stay out of the index (it sits under a restriction)."""
    memo = page.__dict__.get(PAGE_MEMO)
    if memo is None or memo[0] != (_privacy_changes, page.path):
        memo = ((_privacy_changes, page.path), page_is_members_only(page))
        page.__dict__[PAGE_MEMO] = memo
    return memo[1]


def document_text_is_private(document):
    """Whether `document`'s text must stay out of the index (its collection is restricted)."""
    memo = document.__dict__.get(DOCUMENT_MEMO)
    if memo is None or memo[0] != (_privacy_changes, document.collection_id):
        memo = ((_privacy_changes, document.collection_id), document_is_members_only(document))
        document.__dict__[DOCUMENT_MEMO] = memo
    return memo[1]


# Search fields --------------------------------------------------------------------------------


class MembersOnlySearchField(index.SearchField):
    """A SearchField that indexes nothing while its page is members only."""

    def get_value(self, obj):
        return "" if page_text_is_private(obj) else super().get_value(obj)


class MembersOnlyAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return "" if page_text_is_private(obj) else super().get_value(obj)


class MembersOnlyRelatedFields(index.RelatedFields):
    """Related objects (files, authors) are not indexed with a members-only page."""

    def get_value(self, obj):
        return None if page_text_is_private(obj) else super().get_value(obj)


# Most specific first: an AutocompleteField is not a SearchField, but a subclass may be both.
MEMBERS_ONLY_VERSIONS = (
    (MembersOnlyAutocompleteField, index.AutocompleteField),
    (MembersOnlySearchField, index.SearchField),
    (MembersOnlyRelatedFields, index.RelatedFields),
)


def members_only_version(field):
    """`field` as it must be indexed on a page that may be members only."""
    if getattr(field, "field_name", None) in PUBLIC_FIELD_NAMES:
        return field
    for members_only_class, field_class in MEMBERS_ONLY_VERSIONS:
        if isinstance(field, members_only_class):
            return field  # already done
        if isinstance(field, field_class):
            copy = members_only_class.__new__(members_only_class)
            copy.__dict__.update(field.__dict__)
            return copy
    return field  # FilterFields: values to filter on, never words to find


def hide_members_only_text_from_search():
    """Give every page model's `search_fields` members-only versions of its private fields."""
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, Page):
            # Set on each model, even one that inherits its fields from an abstract class.
            model.search_fields = [members_only_version(field) for field in model.search_fields]


# Indexing again when privacy changes ---------------------------------------------------------


@task()
def reindex_page_and_descendants(page_id):
    """Index a page and every page below it again, as their privacy is now."""
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return 0
    pages = Page.objects.filter(path__startswith=page.path).order_by("path").specific()
    count = 0
    for item in pages:
        try:
            # A savepoint: on PostgreSQL a failed statement would otherwise spoil the rest.
            with transaction.atomic():
                index.insert_or_update_object(item)
            count += 1
        except Exception:  # one page failing to index must not stop the others
            logger.exception("Could not update the search index for %r", item)
    return count


def queue_reindex_below(page_id):
    note_privacy_changed()
    try:
        # Queued in the same transaction as the change: the database queue runs it after commit.
        reindex_page_and_descendants.enqueue(page_id)
    except Exception:  # a full or unreachable queue must not undo the privacy change
        logger.exception(
            "Could not queue re-indexing below page %s; run `manage.py update_index`", page_id
        )


def page_restriction_added(sender, instance, created, raw=False, **kwargs):
    """post_save of a PageViewRestriction: the page and those below it just became private."""
    if created and not raw:
        queue_reindex_below(instance.page_id)


def page_restriction_removed(sender, instance, origin=None, **kwargs):
    """post_delete of a PageViewRestriction: the pages may be public again.

    Not when the restriction goes because its page is being deleted: nothing is left to index.
    """
    # `origin` is what was deleted in the first place: a restriction, or a queryset of them.
    if getattr(origin, "model", type(origin)) is PageViewRestriction:
        queue_reindex_below(instance.page_id)


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """post_page_move: under a new parent, the pages may have become private or public."""
    if parent_page_before.pk != parent_page_after.pk:
        queue_reindex_below(instance.pk)
