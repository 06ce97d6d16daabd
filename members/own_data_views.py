"""A member's own data: download all of it, or delete the account and everything with it."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.core import get_usage

from .account_kinds import is_staff_account
from .deletion import delete_account
from .forms import DeleteAccountForm
from .personal_data import collect_personal_data
from .tokens import absolute_url

# Wrong passwords allowed on the delete-account form before it asks the member to wait.
DELETE_ATTEMPTS_RATE = "5/15m"


@never_cache
@login_required
@require_GET
def download_data(request):
    now = timezone.now()
    data = {
        "about": _("Everything the PDU Hub holds about you, downloaded from %(site)s.")
        % {"site": absolute_url("/")},
        "downloaded_at": now.isoformat(),
        "sections": collect_personal_data(request.user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"pdu-hub-your-data-{timezone.localdate(now).isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def too_many_wrong_passwords(request, count_this_one=False):
    usage = get_usage(
        request,
        group="members.delete_account",
        key="user",
        rate=DELETE_ATTEMPTS_RATE,
        increment=count_this_one,
    )
    return usage is not None and usage["count"] >= usage["limit"]


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account_view(request):
    user = request.user
    if is_staff_account(user):
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "members/delete_account_staff.html", status=status)

    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST":
        if too_many_wrong_passwords(request):
            form.add_error(None, _("Too many wrong passwords. Wait 15 minutes, then try again."))
        elif form.is_valid():
            delete_account(user)
            logout(request)
            return redirect("members:goodbye")
        else:
            too_many_wrong_passwords(request, count_this_one=True)
    return TemplateResponse(request, "members/delete_account.html", {"form": form})


@require_GET
def goodbye(request):
    return TemplateResponse(request, "members/goodbye.html")
