"""What happens when a review is approved. Kept free of model imports: Wagtail loads it while its
own models are still loading (settings.WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved_content(workflow_state, user=None):
    """Publish what a review approved, as the approving reviewer.

    Wagtail would check the approver's permission to publish directly; here the approval itself
    is the permission, already checked by the review task (a reviewer who is not the author).
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
