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


# Passwords and second factors are managed in the site's account pages, not the admin's.
@hooks.register("register_account_menu_item")
def change_password_link(request):
    return {
        "url": reverse("account_change_password"),
        "label": _("Change password"),
        "help_text": _("Change the password you sign in with."),
    }


@hooks.register("register_account_menu_item")
def second_factor_link(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-step sign-in"),
        "help_text": _("See your authenticator app and recovery codes, or make new codes."),
    }
