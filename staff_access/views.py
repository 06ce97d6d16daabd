"""Staff sign in where members do, and administrators reset a colleague's second factor."""

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log

from members.models import User

RESET_ACTION = "staff_access.reset_second_factor"


def admin_login(request):
    """Wagtail's own sign-in form knows nothing of second factors: send everyone to allauth's."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    query = urlencode({"next": next_url or reverse("wagtailadmin_home")})
    return redirect(f"{reverse('account_login')}?{query}")


@require_http_methods(["GET", "POST"])
def reset_second_factor(request, user_id):
    """Remove a colleague's authenticator app and recovery codes, after a confirmation page."""
    if not request.user.is_superuser:
        raise PermissionDenied
    colleague = get_object_or_404(User, pk=user_id)
    if colleague == request.user:
        messages.error(
            request,
            _("You cannot reset your own second factor: ask another site administrator."),
        )
        return redirect("wagtailusers_users:index")
    authenticators = Authenticator.objects.filter(user=colleague)
    if request.method == "POST":
        with transaction.atomic():
            removed = authenticators.delete()[0]
            if removed:
                log(instance=colleague, action=RESET_ACTION, user=request.user)
        if removed:
            notify_colleague(colleague, request.user)
            messages.success(
                request,
                _(
                    "%(name)s's second factor has been reset. They will set up their "
                    "authenticator app again the next time they open the admin."
                )
                % {"name": colleague.get_full_name() or colleague.email},
            )
        else:
            messages.info(
                request, _("%(email)s has no second factor to reset.") % {"email": colleague.email}
            )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "staff_access/reset_second_factor.html",
        {
            "page_title": _("Reset second factor"),
            "header_icon": "key",
            "colleague": colleague,
            "has_second_factor": authenticators.exists(),
        },
    )


def notify_colleague(colleague, administrator):
    """A reset someone did not ask for should not go unnoticed by them."""
    get_account_adapter().send_mail(
        "staff_access/email/second_factor_reset",
        colleague.email,
        {"user": colleague, "administrator": administrator},
    )
