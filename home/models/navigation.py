from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin

from editorial.models import ReviewedSnippet


class NavigationMenu(ReviewedSnippet, TranslatableMixin, ClusterableModel):
    """The main menu in the site header. One per language; editors choose its links and order."""

    name = models.CharField(
        _("name"),
        max_length=100,
        default="Main menu",
        help_text=_("For the admin only, e.g. 'Main menu'."),
    )

    panels = [FieldPanel("name"), InlinePanel("items", heading=_("Links"), label=_("Link"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return self.name


class NavigationMenuItem(Orderable):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page this link goes to."),
    )
    url = models.URLField(
        _("web address"),
        blank=True,
        help_text=_("Or a web address outside this site, instead of a page."),
    )
    label = models.CharField(
        _("label"),
        max_length=50,
        blank=True,
        help_text=_("The words shown in the menu. Leave empty to use the page's title."),
    )

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]

    def clean(self):
        super().clean()
        if not self.page and not self.url:
            raise ValidationError({"page": _("Choose a page or give a web address.")})
        if self.url and not self.label:
            raise ValidationError({"label": _("Links to other sites need a label.")})

    @property
    def text(self):
        return self.label or (self.page.title if self.page else self.url)
