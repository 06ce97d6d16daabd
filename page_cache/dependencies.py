"""What a rendered page depends on, found by watching which database rows it loaded.

While a cacheable request renders, every model instance created from the database is noted
(Django's post_init signal). Each becomes a tag, and the cached page is dropped when a tag
changes (invalidation.py):
- `page:<id>` for every page loaded: the page itself, its ancestors (routing loads them, and
  breadcrumbs and menus show them), pages it lists or links to;
- `<app>.<model>:<pk>` for any other row: snippets, settings, images, documents, terms;
- `model:<app>.<model>` when the page listed rows of a model (loaded an instance other than
  itself), so a newly published or created one of that kind reaches the listing too;
- `subtree:<path>` for the page served (its place in the tree), so a page published anywhere
  beneath it reaches it;
- `model:<app>.<model>` for each page type the served page's class names in `page_cache_lists`
  (a listing that finds nothing today loads no row to note, but must show the first one).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.conf import settings
from django.db.models.signals import post_init
from modelcluster.fields import ParentalKey
from wagtail.images.models import AbstractRendition
from wagtail.models import (
    BaseLogEntry,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Revision,
    TaskState,
    WorkflowState,
)

_loaded = ContextVar("page_cache_loaded", default=None)

# Rows that never change what an anonymous visitor sees, or whose changes are handled another
# way: accounts and sessions, background tasks, search bookkeeping, history, renditions (the
# image's own tag covers them).
IGNORED_APPS = {
    "account",
    "admin",
    "auth",
    "contenttypes",
    "django_tasks_db",
    "mfa",
    "modelsearch",
    "sessions",
    "task_health",
    "wagtailsearch",
    "wagtailsearchpromotions",
}
IGNORED_BASES = (
    AbstractRendition,
    BaseLogEntry,
    ReferenceIndex,
    Revision,
    TaskState,
    WorkflowState,
)


@cache
def is_ignored(model):
    return (
        model._meta.app_label in IGNORED_APPS
        or model._meta.label == settings.AUTH_USER_MODEL
        or issubclass(model, IGNORED_BASES)
        or is_child_row(model)
    )


@cache
def is_watched(model):
    """Whether loading a row of `model` is noted. Page privacy is read on every page, but a
    change to it reaches the page through its own tag (invalidation.py), so it is not."""
    return not is_ignored(model) and not issubclass(model, PageViewRestriction)


def is_child_row(model):
    """Rows kept inside a page or snippet (speakers, menu items): they change only when their
    parent is published or saved, and the parent's own tag covers them."""
    return any(isinstance(field, ParentalKey) for field in model._meta.get_fields())


def model_tag(model):
    return f"model:{model._meta.label_lower}"


def instance_tag(model, pk):
    if issubclass(model, Page):
        return f"page:{pk}"
    return f"{model._meta.concrete_model._meta.label_lower}:{pk}"


def _note_instance(sender, instance, **kwargs):
    loaded = _loaded.get()
    if loaded is not None:
        # A row made while rendering (settings are created on first use) has its key later.
        loaded.append(instance)


def connect():
    post_init.connect(_note_instance, dispatch_uid="page_cache_note_instance")


@contextmanager
def watching_loaded_rows():
    """Collect every model instance made inside the block."""
    loaded = []
    token = _loaded.set(loaded)
    try:
        yield loaded
    finally:
        _loaded.reset(token)


def tags_for(loaded, served_page_id, served_page_path, listed_models=()):
    tags = {f"subtree:{served_page_path}"}
    tags |= {f"model:{label.lower()}" for label in listed_models}
    for model, pk in {(type(instance), instance.pk) for instance in loaded}:
        if pk is None or not is_watched(model):
            continue
        tags.add(instance_tag(model, pk))
        # The generic Page rows routing loads say nothing about listings; specific ones do.
        if model is not Page and not (issubclass(model, Page) and pk == served_page_id):
            tags.add(model_tag(model))
    return tags
