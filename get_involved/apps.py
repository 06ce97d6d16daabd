from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GetInvolvedConfig(AppConfig):
    name = "get_involved"
    verbose_name = _("Get involved forms")
