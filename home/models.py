from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The front page of the site: one per language, at the top of the page tree."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "One or two sentences under the page title saying what the PDU is and who it is for."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []

    class Meta:
        verbose_name = _("home page")
