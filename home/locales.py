"""One Wagtail locale per language in settings.LANGUAGES, made on every `migrate`.

Editors translate into a locale only once it exists; making them in code means every database
offers the same languages, as it has the same roles. A language switched off in settings keeps
its locale (and any translations in it): deleting content is never a side effect of a setting.
"""

from django.conf import settings
from wagtail.models import Locale


def ensure_locales(**kwargs):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
