"""Documents served by Wagtail's own view (which checks privacy), with stricter headers.

Wagtail already forbids a served file from loading anything (`default-src 'none'`) and from being
sniffed as another type. A PDF opens in the browser, so it is also sandboxed: shown as a page of
its own origin, its scripts, forms and links could otherwise act as the site. Every other kind is
a download (WAGTAILDOCS_INLINE_CONTENT_TYPES); a sandbox there could stop some browsers saving it.
"""

from django.urls import path, re_path
from wagtail.documents.views import serve as wagtail_serve

from home.page_passwords import document_password

DOWNLOAD_POLICY = "default-src 'none'"
INLINE_POLICY = "default-src 'none'; sandbox"


def serve(request, document_id, document_filename):
    response = wagtail_serve.serve(request, document_id, document_filename)
    response["X-Content-Type-Options"] = "nosniff"
    disposition = response.get("Content-Disposition")
    # Only a served file has one: a sign-in redirect or password form is left as it is.
    if disposition is not None:
        is_download = disposition.lower().startswith("attachment")
        response["Content-Security-Policy"] = DOWNLOAD_POLICY if is_download else INLINE_POLICY
    return response


# Wagtail's own document URLs (wagtail.documents.urls), names kept: other code reverses them.
urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve, name="wagtaildocs_serve"),
    # Wagtail's own password form, safe with a tampered return address (home/page_passwords.py).
    path(
        "authenticate_with_password/<int:restriction_id>/",
        document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
