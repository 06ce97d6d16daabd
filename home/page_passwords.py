"""The password form of a password-protected page or document, safe with any return address.

Wagtail sends the visitor back to the form's `return_url` with Django's redirect(), which reads a
value with no "/" or "." in it ("abc") as the name of a view and fails with a server error when
no view has that name. The form Wagtail renders always holds a path, so anything that is not one
(a tampered form, a bot) goes back to the home page instead.
"""

from wagtail.documents.views.serve import (
    authenticate_with_password as wagtail_document_password_view,
)
from wagtail.views import authenticate_with_password as wagtail_page_password_view


def with_a_path_to_return_to(request):
    """`request`, its posted `return_url` replaced by "/" unless it is a path."""
    if request.method == "POST" and not request.POST.get("return_url", "").strip().startswith("/"):
        request.POST = request.POST.copy()  # the original is immutable
        request.POST["return_url"] = "/"
    return request


def page_password(request, page_view_restriction_id, page_id):
    return wagtail_page_password_view(
        with_a_path_to_return_to(request), page_view_restriction_id, page_id
    )


def document_password(request, restriction_id):
    return wagtail_document_password_view(with_a_path_to_return_to(request), restriction_id)
