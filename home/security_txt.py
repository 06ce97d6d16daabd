"""/.well-known/security.txt (RFC 9116): where to report a vulnerability in the site.

The address is the team's contact email from the site settings, so it never goes stale in code.
"""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from home.models import SiteSettings

# RFC 9116 asks for an expiry less than a year ahead; the file is written afresh on each request.
VALID_FOR = datetime.timedelta(days=180)


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def security_txt(request):
    contact_email = SiteSettings.for_request(request).contact_email
    if not contact_email:
        raise Http404("No contact email is set in the site settings.")
    expires = (timezone.now() + VALID_FOR).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{contact_email}",
        f"Expires: {expires.astimezone(datetime.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
