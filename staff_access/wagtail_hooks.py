from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .views import RESET_ACTION, reset_second_factor


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "users/<int:user_id>/reset-second-factor/",
            reset_second_factor,
            name="staff_access_reset_second_factor",
        )
    ]


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if request_user.is_superuser and user != request_user:
        yield ListingButton(
            _("Reset second factor"),
            reverse("staff_access_reset_second_factor", args=(user.pk,)),
            icon_name="key",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(RESET_ACTION, _("Reset second factor"), _("Second factor reset"))
