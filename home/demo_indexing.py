"""Search and reference indexing for the demo loader: once per object at the end, not per save.

Every save of a page, snippet or document normally queues two tasks: one to index it for search
and one to record what it links to (the admin's "usage"). The demo saves hundreds of objects,
most of them several times (created, then a revision published), so per-save indexing was a big
part of loading it. Inside `indexing_deferred()` those two post_save handlers are switched off;
the objects saved meanwhile are noted, and on the way out each is indexed once, as it then is,
the way the tasks would have indexed it at its last save. Deleting still updates both indexes
straight away, as usual.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import update_reference_index_on_save


@contextmanager
def indexing_deferred():
    """Index what is saved inside the block once, when it ends without an error.

    Use it inside the transaction that saves, so a failure leaves both indexes as they were.
    """
    searched = switch_off(post_save_signal_handler, get_indexed_models())
    referenced = switch_off(update_reference_index_on_save, ReferenceIndex.tracked_models)
    saved = defaultdict(set)

    def note_saved(sender, instance, raw=False, **kwargs):
        if not raw:  # the handlers switched off ignore fixture loading too
            saved[sender].add(instance.pk)

    post_save.connect(note_saved, weak=False, dispatch_uid="home.demo_indexing.note_saved")
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid="home.demo_indexing.note_saved")
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
        for model in referenced:
            post_save.connect(update_reference_index_on_save, sender=model)
    index_for_search({model: saved[model] for model in searched if saved[model]})
    update_references({model: saved[model] for model in referenced if saved[model]})


def switch_off(handler, models):
    """Disconnect `handler` from post_save for each of `models`; returns those it was on."""
    return [model for model in models if post_save.disconnect(handler, sender=model)]


def index_for_search(saved):
    """Add the saved objects to every search backend that updates itself, in bulk per model.

    As modelsearch's task does for each: the object's indexed instance (a page's specific
    page), and only if its model's indexed objects include it.
    """
    wanted = defaultdict(set)
    for model, pks in saved.items():
        for instance in model._default_manager.filter(pk__in=pks):
            indexed = instance.get_indexed_instance()
            if indexed is not None:
                wanted[type(indexed)].add(indexed.pk)
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in wanted.items():
        objects = list(model.get_indexed_objects().filter(pk__in=pks).order_by("pk"))
        for backend in backends:
            backend.add_bulk(model, objects)


def update_references(saved):
    """Record the references of each saved object, or of the object it belongs to.

    As Wagtail's task does for each: a child row (an orderable, with a ParentalKey) counts as a
    change to its parent, whose references are recorded once however many rows it has.
    """
    owners = {}
    for model, pks in saved.items():
        for instance in model._default_manager.filter(pk__in=pks):
            owner = parental_owner(instance)
            if owner is not None and ReferenceIndex.is_indexed(owner._meta.model):
                owners[(owner._meta.model, owner.pk)] = owner
    for owner in owners.values():
        ReferenceIndex.create_or_update_for_object(owner)


def parental_owner(instance):
    """The object `instance` belongs to through its ParentalKeys, or itself if it has none."""
    while instance is not None:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
    return None
