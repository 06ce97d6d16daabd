from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site-wide pages"

    def ready(self):
        from home.locales import ensure_locales

        post_migrate.connect(ensure_locales, sender=self, dispatch_uid="home.ensure_locales")
