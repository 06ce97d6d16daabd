"""Saving a translation as a draft must not change what the public sees.

wagtail-localize writes a translation into the page or snippet itself before it saves a revision,
even when asked for a draft. For a live page that row is the public copy, so the unreviewed words
would be public at once (and a live snippet is even marked as not live). Code that saves
translation drafts runs inside `live_versions_kept()`: afterwards every live page or snippet the
block changed is put back as it was, and the new words stay as its latest draft revision, for
review.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import pre_save
from wagtail.models import DraftStateMixin, Page

# While a block runs: {(model, pk): (stored object, its live content)}; None outside any block.
_live_versions = ContextVar("live_versions", default=None)


@contextmanager
def live_versions_kept():
    """Let the block save drafts freely; then put every live object it saved back as it was."""
    live_versions = {}
    token = _live_versions.set(live_versions)
    try:
        yield
    finally:
        _live_versions.reset(token)
    # Only reached when the block succeeded: on an error its transaction rolls back anyway.
    for stored, content in live_versions.values():
        _put_back(stored, content)


def _remember_live_version(sender, instance, raw=False, **kwargs):
    live_versions = _live_versions.get()
    if live_versions is None or raw or instance.pk is None:
        return
    if not isinstance(instance, Page | DraftStateMixin):
        return
    model = Page if isinstance(instance, Page) else type(instance)
    if (model, instance.pk) in live_versions:
        return  # only the first save shows what was public before the block
    stored = model.objects.filter(pk=instance.pk).first()
    if stored is None:
        return
    if isinstance(stored, Page):
        stored = stored.specific
    if stored.live:
        live_versions[(model, instance.pk)] = (stored, stored.serializable_data())


def _put_back(stored, content):
    current = type(stored).objects.get(pk=stored.pk)
    restored = current.with_content_json(content)
    # The block may have marked a snippet as not live; it still is.
    restored.live = True
    restored.has_unpublished_changes = (
        stored.has_unpublished_changes or current.latest_revision_id != stored.latest_revision_id
    )
    if isinstance(restored, Page):
        restored.save(clean=False)  # the live version was valid when it was published
    else:
        restored.save()


pre_save.connect(_remember_live_version, dispatch_uid="editorial.remember_live_version")
