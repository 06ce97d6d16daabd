from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GetInvolvedConfig(AppConfig):
    name = "get_involved"
    verbose_name = _("Get involved forms")

    def ready(self):
        # Registers the forms a member sent with their data download and account deletion.
        from . import personal_data  # noqa: F401
