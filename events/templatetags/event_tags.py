import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

DAY_FORMAT = "l j F Y"  # Tuesday 3 March 2026
TIME_FORMAT = "H:i"  # 10:00


@register.filter
def event_when(event):
    """When an event happens, in plain words and UK time.

    "Tuesday 3 March 2026, 10:00 to 12:30", or for an event over several days
    "Tuesday 3 March 2026, 10:00 to Wednesday 4 March 2026, 16:00".
    """
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    start_day = date_format(start, DAY_FORMAT)
    start_time = date_format(start, TIME_FORMAT)
    end_time = date_format(end, TIME_FORMAT)
    if start.date() == end.date():
        return _("%(day)s, %(start)s to %(end)s") % {
            "day": start_day,
            "start": start_time,
            "end": end_time,
        }
    return _("%(start_day)s, %(start)s to %(end_day)s, %(end)s") % {
        "start_day": start_day,
        "start": start_time,
        "end_day": date_format(end, DAY_FORMAT),
        "end": end_time,
    }


# The characters that could end a <script> element or start markup inside it, as JSON escapes
# (the same as Django's json_script).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a JSON-LD script element, safe whatever the text in it (even "</script>")."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
