"""Who may publish: only site administrators directly, everyone else through an approved review."""

from wagtail.models import PagePermissionTester


class ReviewedPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, minus every way to publish without review.

    Reviewers hold Wagtail's "publish" permission so they can unpublish, cancel schedules and set
    privacy, but publishing itself (the edit view's Publish button, bulk publish, copying with
    "publish copies", publishing via the admin API) is for administrators. Approving a review
    publishes through editorial.workflow.publish_approved_content instead.
    """

    def can_publish(self):
        return self.user.is_active and self.user.is_superuser and not self.page_is_root

    def can_publish_subpage(self):
        return self.user.is_active and self.user.is_superuser

    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_unschedule(self):
        return super().can_publish()

    def can_move(self):
        # Moving a live page changes its public address: administrators only.
        return self.user.is_active and self.user.is_superuser and super().can_move()
