"""Stopping emails from a link in any email, without signing in (members/tokens.py)."""

from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .tokens import user_id_from_unsubscribe_token


# Mail programs' one-click POST (RFC 8058) carries no CSRF token; the signed token is the proof.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user_id = user_id_from_unsubscribe_token(token)
    if user_id is None:
        return TemplateResponse(request, "members/unsubscribe_invalid.html", status=400)
    if request.method == "GET":
        # Only a button press (or a mail program's POST) unsubscribes: link scanners use GET.
        return TemplateResponse(request, "members/unsubscribe.html", {"token": token})
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None and user.email_consent:
        user.set_email_consent(False)
        user.save(update_fields=["email_consent", "email_consent_at"])
    return TemplateResponse(request, "members/unsubscribed.html")
