"""Content review dates: every live page says when someone should next check it is still right.

A page gets a "review content by" date a year after it is published, unless an editor chose a
later one. Publishing again after that date has passed (or with the field left empty) starts a new
year. The dashboard and the "Content due for review" report list the pages whose date has come.
"""

from django.apps import apps
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.signals import page_published

from editorial.models import ReviewedPage


def site_today():
    """Today's date in the site's time zone (UK time)."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def a_year_after(day):
    """The same day a year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def default_review_date(published_at):
    """A year after `published_at` (a datetime), counted in UK time."""
    published_on = timezone.localtime(published_at, timezone.get_default_timezone()).date()
    return a_year_after(published_on)


def needs_new_review_date(review_by, today):
    return review_by is None or review_by <= today


def review_date_models():
    """The page models whose own table holds `review_by`, so each page is counted once."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewedPage) and model._meta.get_field("review_by").model is model
    ]


@receiver(page_published, dispatch_uid="editorial.set_review_date_on_publish")
def set_review_date_on_publish(sender, instance, alias=False, **kwargs):
    # Wagtail also sends page_published when it only schedules a page that is not live yet; the
    # date is set when the scheduled version really goes live. Aliases mirror their original,
    # which is the page that gets reviewed.
    if not isinstance(instance, ReviewedPage) or not instance.live or alias:
        return
    if not needs_new_review_date(instance.review_by, site_today()):
        return
    review_by = default_review_date(instance.last_published_at or timezone.now())
    # A plain update: saving the page or a revision here would mean a new, unreviewed change.
    instance._meta.concrete_model._base_manager.filter(pk=instance.pk).update(review_by=review_by)
    instance.review_by = review_by


def fill_missing_review_dates():
    """Give every live page without a review date one a year after it was last published.

    Returns how many pages were changed; running it again changes nothing.
    """
    changed = 0
    for model in review_date_models():
        pages = model._base_manager.filter(
            live=True, alias_of__isnull=True, review_by__isnull=True
        ).only("pk", "last_published_at", "first_published_at")
        for page in pages:
            published_at = page.last_published_at or page.first_published_at or timezone.now()
            changed += model._base_manager.filter(pk=page.pk, review_by__isnull=True).update(
                review_by=default_review_date(published_at)
            )
    return changed


def due_for_review_ids(user, today=None):
    """Ids of the live pages `user` can edit whose review date is `today` or earlier.

    Most overdue first; pages due the same day in tree order.
    """
    today = today or site_today()
    review_dates = {}
    for model in review_date_models():
        review_dates.update(
            model._base_manager.filter(
                live=True, alias_of__isnull=True, review_by__lte=today
            ).values_list("pk", "review_by")
        )
    if not review_dates:
        return []
    editable = (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(pk__in=review_dates)
        .values_list("pk", "path")
    )
    return [pk for pk, path in sorted(editable, key=lambda row: (review_dates[row[0]], row[1]))]


def specific_pages_in_order(page_ids):
    """The specific page objects for `page_ids`, in the same order."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    return [pages[pk] for pk in page_ids if pk in pages]


def days_overdue(review_by, today=None):
    return ((today or site_today()) - review_by).days
