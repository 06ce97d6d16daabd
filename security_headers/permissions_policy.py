"""The Permissions-Policy header: browser features no page here uses are switched off.

One fixed header built once from settings.PDU_PERMISSIONS_POLICY (feature: allowed origins;
an empty list switches the feature off everywhere, frames included). A library for one
constant header would be a dependency with nothing to do.
"""

from django.conf import settings

HEADER = "Permissions-Policy"


def header_value(policy):
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.value = header_value(settings.PDU_PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(HEADER, self.value)
        return response
