"""The vocabularies that describe resources. Editors manage them as snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from editorial.models import ReviewedSnippet


class Term(ReviewedSnippet, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in web addresses of filtered lists, e.g. 'trauma-informed-care'."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=300,
        help_text=_("Optional. What this term covers, for editors choosing it."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ResourceType(Term):
    """What kind of material a resource is: academic paper, toolkit, report, guide, video..."""

    class Meta(Term.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_resource_type_slug")
        ]


class Topic(Term):
    """A subject a resource deals with, e.g. Trauma Informed Care."""

    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug")]


class Audience(Term):
    """Who a resource is written for, e.g. frontline workers or commissioners."""

    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_audience_slug")
        ]
