"""Signing in shows the account is in use, so a pending deletion warning no longer applies."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in, dispatch_uid="members.clear_deletion_warning")
def clear_deletion_warning(sender, user, **kwargs):
    if user.deletion_warning_sent_at is not None:
        user.deletion_warning_sent_at = None
        type(user).objects.filter(pk=user.pk).update(deletion_warning_sent_at=None)
