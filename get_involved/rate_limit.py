"""How often one address may send a get-involved form, whichever form it is."""

from django.conf import settings
from django_ratelimit.core import is_ratelimited

RATE_LIMIT_GROUP = "get_involved.submissions"


def client_address(group, request):
    """The visitor's address: from the proxy's header when one is configured (CLIENT_IP_HEADER)."""
    forwarded = (
        request.headers.get(settings.CLIENT_IP_HEADER, "") if settings.CLIENT_IP_HEADER else ""
    )
    # "client, proxy1, proxy2": the first entry is the visitor as the trusted proxy saw it.
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR") or "unknown"


def too_many_submissions(request):
    """Count this POST against the client's address; True once it is over the limit.

    Every POST counts, valid or not, so a bot cannot probe the form for free. The rate is
    PDU_FORM_RATE_LIMIT (django-ratelimit's syntax, e.g. "5/h").
    """
    return is_ratelimited(
        request,
        group=RATE_LIMIT_GROUP,
        key=client_address,
        rate=settings.PDU_FORM_RATE_LIMIT,
        method="POST",
        increment=True,
    )
