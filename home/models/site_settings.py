from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import SocialLinkBlock


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer text shown on every page."""

    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("The team's public email address, shown in the footer."),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences at the bottom of every page about who runs the PDU."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        verbose_name=_("social media links"),
        help_text=_("Links to the PDU's social media accounts, in the order they should appear."),
    )

    footer_links = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_(
            "Pages linked at the bottom of every page, e.g. the accessibility statement and the "
            "privacy notice."
        ),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")
