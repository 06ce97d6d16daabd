from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "page_cache"
    verbose_name = _("Page cache")

    def ready(self):
        from page_cache import dependencies, invalidation

        dependencies.connect()
        invalidation.connect()
