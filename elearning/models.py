"""The PDU's e-learning suite: one index page and a page for each module.

The index is public, so anyone can see what the suite offers; each module is members only by a
view restriction on the module itself (Wagtail's "Privacy" setting, group "Members"). A module
made in the admin starts members only (elearning/wagtail_hooks.py); a reviewer can open one to
everyone, as a free taster, from the page's Privacy setting. A restriction on each module rather
than on a private section keeps modules directly under the index and lets the suite mix open and
members-only modules.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.models import ReviewedPage
from elearning.forms import ELearningModuleForm
from home.blocks import SHORT_RICH_TEXT_FEATURES, BodyBlock
from library.models.pages import DocumentLink
from members.restrictions import members_only_page_ids


class Topic(models.TextChoices):
    MULTIPLE_DISADVANTAGE = "multiple_disadvantage", _("Multiple disadvantage")
    PIE = "pie", _("Psychologically Informed Environments (PIE)")
    TRAUMA_INFORMED_CARE = "trauma_informed_care", _("Trauma Informed Care")
    OTHER = "other", _("Other")


class ELearningIndexPage(ReviewedPage):
    """The e-learning section: what the suite is and every module in it, in order."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the title about the suite and who it is for."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["elearning.ELearningModulePage"]
    max_count_per_parent = 1

    template = "elearning/elearning_index_page.html"

    class Meta:
        verbose_name = _("e-learning index page")

    def modules(self):
        """Live modules under this page in module order, each marked `members_only` or not.

        Members-only modules are listed too (title, summary and a label), so visitors see what
        the suite offers.
        """
        modules = list(
            ELearningModulePage.objects.child_of(self).live().order_by("module_number", "path")
        )
        restricted = members_only_page_ids(modules)
        for module in modules:
            module.members_only = module.pk in restricted
        return modules

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.modules()
        context["modules"] = modules
        context["members_only_modules"] = any(module.members_only for module in modules)
        return context


class ELearningModulePage(ReviewedPage):
    """One module of the suite: what it covers, what learners take away, and the module itself."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in the list of modules and in search results."),
    )
    module_number = models.PositiveSmallIntegerField(
        _("module number"),
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("Where the module comes in the suite, e.g. 3. Modules are listed in order."),
    )
    topic = models.CharField(
        _("topic"),
        max_length=30,
        choices=Topic.choices,
        help_text=_("The part of the suite the module belongs to."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("time to complete (minutes)"),
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("About how long most people take, in minutes, e.g. 30."),
    )
    learning_outcomes = RichTextField(
        _("learning outcomes"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_(
            "What learners will know or be able to do afterwards, as a short list, e.g. "
            "'Explain what a Psychologically Informed Environment is'."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("module content"),
        help_text=_(
            "The module itself: text, videos with transcripts, content notes before difficult "
            "material. Start sections with a level 2 heading."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("module_number"), FieldPanel("estimated_minutes")]),
                FieldPanel("topic"),
            ],
            heading=_("About the module"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Related documents"), label=_("Document")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.SearchField("body"),
        # The words inside the module's files (library/text_extraction.py), capped per file.
        index.RelatedFields(
            "documents", [index.RelatedFields("document", [index.SearchField("indexed_text")])]
        ),
        index.FilterField("topic"),
        index.FilterField("module_number"),
    ]

    parent_page_types = ["elearning.ELearningIndexPage"]
    subpage_types = []

    base_form_class = ELearningModuleForm
    template = "elearning/elearning_module_page.html"

    class Meta:
        verbose_name = _("e-learning module")

    def sibling_modules(self):
        """The live modules of the same suite, in order."""
        return (
            ELearningModulePage.objects.sibling_of(self, inclusive=True)
            .live()
            .order_by("module_number", "path")
        )

    def previous_and_next(self):
        modules = list(self.sibling_modules())
        position = next((i for i, module in enumerate(modules) if module.pk == self.pk), None)
        if position is None:
            return None, None
        previous = modules[position - 1] if position > 0 else None
        following = modules[position + 1] if position + 1 < len(modules) else None
        return previous, following

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = list(self.documents.select_related("document"))
        context["index_page"] = self.get_parent()
        context["previous_module"], context["next_module"] = self.previous_and_next()
        return context


class ELearningModuleDocument(DocumentLink):
    page = ParentalKey(ELearningModulePage, on_delete=models.CASCADE, related_name="documents")
