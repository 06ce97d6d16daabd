"""The Content Security Policy: strict on the site, the admin's own policy under its paths.

django-csp writes settings.CONTENT_SECURITY_POLICY on every response. Wagtail's admin still
needs inline scripts and styles, so its paths get PDU_ADMIN_CONTENT_SECURITY_POLICY instead;
visitors never receive that policy.

A page may be shown in a frame only by the site itself, and only where Wagtail asks for that:
its preview views answer with X-Frame-Options: SAMEORIGIN, and render the page through the
whole middleware stack again for a "dummy" request (so a preview carries the public policy,
as visitors will see it, framed by the admin). Every other response keeps frame-ancestors
'none'. Browsers obey frame-ancestors over X-Frame-Options, so the two must agree.
"""

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.PDU_ADMIN_CONTENT_SECURITY_POLICY["PATH_PREFIXES"]))


def frame_ancestors_for(request, response):
    # is_dummy is set by Wagtail's make_preview_request, never from anything a client sends.
    is_preview = getattr(request, "is_dummy", False)
    same_origin_asked = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
    return SELF if is_preview or same_origin_asked else NONE


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        # A view's own @csp decorator wins; otherwise the admin's paths get the admin's policy.
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.PDU_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        parts.replace = {
            **(parts.replace or {}),
            "frame-ancestors": frame_ancestors_for(request, response),
        }
        return parts
