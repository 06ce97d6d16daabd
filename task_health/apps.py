from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaskHealthConfig(AppConfig):
    name = "task_health"
    verbose_name = _("Background task health")
