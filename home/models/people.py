from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from editorial.models import ReviewedSnippet


class Person(ReviewedSnippet, TranslatableMixin, index.Indexed, models.Model):
    """Someone the site credits: a speaker, an author, a workstream lead, a contributor."""

    name = models.CharField(
        _("name"),
        max_length=150,
        help_text=_("Written exactly the way the person chooses to be named. Ask them."),
    )
    role = models.CharField(
        _("role"),
        max_length=150,
        blank=True,
        help_text=_(
            "Optional. Their job title or role, e.g. 'Peer mentor' or 'Clinical psychologist'."
        ),
    )
    organisation = models.CharField(
        _("organisation"), max_length=150, blank=True, help_text=_("Optional. Where they work.")
    )
    bio = models.TextField(
        _("short biography"),
        blank=True,
        max_length=800,
        help_text=_("Optional. Two or three sentences, written in the third person."),
    )
    photo = models.ForeignKey(
        "library.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Only with the person's permission."),
    )
    lived_experience = models.BooleanField(
        _("contributor with lived experience"),
        default=False,
        help_text=_(
            "Tick only if the person has asked to be credited as a contributor with lived "
            "experience. The site then says so wherever they are named."
        ),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("organisation")], heading=_("Role and organisation")
        ),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("lived_experience"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def role_and_organisation(self):
        return ", ".join(part for part in (self.role, self.organisation) if part)
