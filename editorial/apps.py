from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save


def ensure_roles_after_migrate(sender, using, **kwargs):
    from .roles import create_all_permissions, ensure_roles
    from .workflow import ensure_review_workflow

    create_all_permissions(apps.get_app_configs(), using)
    ensure_roles()
    ensure_review_workflow()


def grant_roles_on_new_top_page(sender, instance, created, raw=False, **kwargs):
    # A new language's home page gets the same role permissions as the others.
    from wagtail.models import Page

    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        from .roles import ensure_roles

        ensure_roles()


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from . import checks, review_dates  # noqa: F401  (they register checks and handlers)

        post_migrate.connect(
            ensure_roles_after_migrate, sender=self, dispatch_uid="editorial.ensure_roles"
        )
        post_save.connect(grant_roles_on_new_top_page, dispatch_uid="editorial.top_page_roles")

        from .notifications import send_review_emails_from_the_worker

        send_review_emails_from_the_worker()
