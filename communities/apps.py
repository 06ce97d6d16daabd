from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    """What happens around a Community of Practice: who belongs, its meetings and their notes."""

    name = "communities"
    verbose_name = _("Communities of Practice")

    def ready(self):
        from communities import personal_data  # noqa: F401  (registers the member's data)
