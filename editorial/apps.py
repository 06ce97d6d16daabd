from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def ensure_roles_after_migrate(sender, using, **kwargs):
    from .roles import create_all_permissions, ensure_roles

    create_all_permissions(apps.get_app_configs(), using)
    ensure_roles()


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        post_migrate.connect(
            ensure_roles_after_migrate, sender=self, dispatch_uid="editorial.ensure_roles"
        )
