"""The admin opens only for staff who signed in with their second factor (when it is required).

Checked on every admin request rather than at sign-in, so no route into a session (a password
reset, an email confirmation, a session from before the rule) can skip it.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .second_factor import (
    has_authenticator_app,
    is_staff,
    second_factor_required,
    used_in_this_session,
)


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_checking(request):
            if not has_authenticator_app(request.user):
                messages.info(
                    request,
                    _(
                        "Before you use the admin, set up an authenticator app on your phone. "
                        "You will then sign in with your password and a code from the app."
                    ),
                )
                return redirect("mfa_activate_totp")
            if not used_in_this_session(request):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)

    def needs_checking(self, request):
        return (
            second_factor_required()
            and request.path.startswith(reverse("wagtailadmin_home"))
            and is_staff(request.user)
        )
