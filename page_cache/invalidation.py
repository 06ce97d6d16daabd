"""Drop cached pages when what they show changes (the tags are explained in dependencies.py).

- A page published, unpublished, moved or deleted: pages that loaded it (its own, its
  descendants, listings, links to it), every page above it (they list what is beneath them),
  pages listing its kind, and the pages it points at (a workstream lists the events tagged
  with it).
- Any other row saved or deleted: pages that loaded it; a new or deleted row also reaches pages
  listing its kind. A row pointing at a page changes that page (a booking changes the event's
  places left; a view restriction makes a page private).

Saving a draft changes nothing public, so page saves alone are ignored. Tags change once the
transaction commits, so a page rendered meanwhile cannot be stored with the old content.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from modelcluster.models import get_all_child_relations
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from page_cache import store
from page_cache.dependencies import instance_tag, is_ignored, is_watched, model_tag

PATH_STEP = Page.steplen


def subtree_tags(path):
    """The `subtree:` tags of the page at `path` and of every page above it."""
    return {f"subtree:{path[:end]}" for end in range(PATH_STEP, len(path) + 1, PATH_STEP)}


def pages_pointed_at(page):
    """Pages the published page names in its own fields and its child rows (an event's
    workstreams, a resource's event), read from the page itself rather than the reference index,
    which the worker brings up to date only later."""
    page = page.specific
    rows = [page]
    for relation in get_all_child_relations(type(page)):
        rows += list(getattr(page, relation.get_accessor_name()).all())
    found = set()
    for row in rows:
        for field in type(row)._meta.get_fields():
            target = field.related_model
            if not field.is_relation or not (target and issubclass(target, Page)):
                continue
            if field.many_to_one or (field.one_to_one and not field.remote_field.parent_link):
                found.add(getattr(row, field.attname))
            elif field.many_to_many and not field.auto_created:
                found |= {related.pk for related in getattr(row, field.name).all()}
    found.discard(None)
    found.discard(page.pk)
    return found


def page_tags(page, *, extra_paths=()):
    tags = {f"page:{page.pk}", model_tag(page.specific_class or type(page))}
    for path in (page.path, *extra_paths):
        tags |= subtree_tags(path)
    tags |= {f"page:{pk}" for pk in pages_pointed_at(page)}
    return tags


def cache_in_use():
    return settings.PDU_PAGE_CACHE_SECONDS > 0


def changed_after_commit(tags):
    tags = set(tags)
    transaction.on_commit(lambda: store.mark_changed(tags))


def on_page_published_or_unpublished(sender, instance, **kwargs):
    if cache_in_use():
        changed_after_commit(page_tags(instance))


def on_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if not cache_in_use():
        return
    changed_after_commit(
        page_tags(instance, extra_paths=(parent_page_before.path, parent_page_after.path))
    )


def on_row_deleted(sender, instance, **kwargs):
    if not cache_in_use():
        return
    if isinstance(instance, Page):
        changed_after_commit(page_tags(instance))
    else:
        on_row_saved(sender, instance, created=True)


def on_row_saved(sender, instance, created=False, **kwargs):
    if not cache_in_use() or isinstance(instance, Page) or is_ignored(sender):
        return
    tags = set()
    if is_watched(sender):
        tags.add(instance_tag(sender, instance.pk))
        if created:
            tags.add(model_tag(sender))
    for field in sender._meta.concrete_fields:
        if field.is_relation and field.many_to_one and issubclass(field.related_model, Page):
            page_id = getattr(instance, field.attname)
            if page_id is not None:
                tags.add(f"page:{page_id}")
    changed_after_commit(tags)


def connect():
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="page_cache_published")
    page_unpublished.connect(
        on_page_published_or_unpublished, dispatch_uid="page_cache_unpublished"
    )
    post_page_move.connect(on_page_moved, dispatch_uid="page_cache_moved")
    # Before the delete, while the page still knows where it sat and what it pointed at.
    pre_delete.connect(on_row_deleted, dispatch_uid="page_cache_deleted")
    post_save.connect(on_row_saved, dispatch_uid="page_cache_saved")
