import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.models import ReviewedPage
from home.blocks import SHORT_RICH_TEXT_FEATURES, BodyBlock, HeadlineFigureBlock
from library.languages import MATERIAL_LANGUAGES

SUMMARY_HELP = _("One or two sentences shown in listings and search results.")
PLAIN_LANGUAGE_SUMMARY_LENGTH = 600


class ResourceIndexPage(ReviewedPage):
    """The resource library: every resource, searchable and filterable."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the title about what the library holds."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ResourcePage"]
    max_count_per_parent = 1
    # Its cached pages list resources: a resource published anywhere reaches them (page_cache).
    page_cache_lists = ["library.ResourcePage"]

    class Meta:
        verbose_name = _("resource library page")

    def listed_resources(self, request):
        """The search, filters and page of results that `request` asks for (library_search).

        Every live resource in this page's language, wherever it sits in the tree, newest first
        unless searched; members-only ones are included and marked `members_only`.
        """
        from library.library_search import search_library

        return search_library(request, self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        search = self.listed_resources(request)
        context["search"] = search
        context["resources"] = search.resources
        return context


class ResourcePage(ReviewedPage):
    """One resource: a paper, toolkit, report, guide, video, podcast or e-learning module."""

    summary = models.TextField(_("summary"), max_length=400, help_text=SUMMARY_HELP)
    resource_type = models.ForeignKey(
        "library.ResourceType",
        verbose_name=_("type of resource"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    workstreams = ParentalManyToManyField(
        "workstreams.WorkstreamPage",
        verbose_name=_("workstreams"),
        blank=True,
        related_name="resources",
        help_text=_("The workstreams this resource belongs to. It is listed on their pages."),
    )
    topics = ParentalManyToManyField(
        "library.Topic", verbose_name=_("topics"), blank=True, related_name="resources"
    )
    audiences = ParentalManyToManyField(
        "library.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="resources",
        help_text=_("Who the resource is written for."),
    )
    material_language = models.CharField(
        _("language of the material"),
        max_length=5,
        choices=MATERIAL_LANGUAGES,
        default="en",
        help_text=_("The language the resource itself is in, whatever language this page is in."),
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("Optional. The organisation that published it."),
    )
    publication_year = models.PositiveSmallIntegerField(
        _("year published"),
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year the material was published, e.g. 2021."),
    )
    external_url = models.URLField(
        _("link to the resource"),
        blank=True,
        help_text=_("Optional. Where to find it on another site, if it is not uploaded here."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more about it"),
        help_text=_("Optional. A longer description, a video, a content note."),
    )
    plain_language_summary = models.TextField(
        _("plain language summary"),
        blank=True,
        max_length=PLAIN_LANGUAGE_SUMMARY_LENGTH,
        help_text=_(
            "Optional. A short summary in plain words: what the resource is, who it is for and "
            "what it says. Short sentences, no jargon. Up to 600 characters."
        ),
    )
    easy_read_document = models.ForeignKey(
        "library.CustomDocument",
        verbose_name=_("Easy Read file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. An Easy Read version (a PDF with pictures and short sentences)."),
    )
    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Easy Read page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional. A page on this site with the Easy Read version, if it is a page rather "
            "than a file."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("plain_language_summary"),
                FieldPanel("easy_read_document"),
                FieldPanel("easy_read_page"),
            ],
            heading=_("Easy Read and plain language"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("workstreams"),
                FieldPanel("topics"),
                FieldPanel("audiences"),
                FieldPanel("material_language"),
            ],
            heading=_("Describing the resource"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("authors", heading=_("Authors"), label=_("Author")),
                FieldRowPanel([FieldPanel("publisher"), FieldPanel("publication_year")]),
            ],
            heading=_("Who made it"),
        ),
        InlinePanel("documents", heading=_("Files to download"), label=_("File")),
        FieldPanel("external_url"),
        FieldPanel("body"),
        InlinePanel(
            "related_resources", heading=_("Related resources"), label=_("Related resource")
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("plain_language_summary"),
        index.SearchField("publisher"),
        index.SearchField("body"),
        index.RelatedFields(
            "authors", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
        # The words inside the attached files (library/text_extraction.py), capped per file.
        index.RelatedFields(
            "documents", [index.RelatedFields("document", [index.SearchField("indexed_text")])]
        ),
        index.FilterField("resource_type"),
        index.FilterField("material_language"),
        index.FilterField("publication_year"),
    ]

    parent_page_types = ["library.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")

    def clean(self):
        super().clean()
        if self.publication_year and self.publication_year > datetime.date.today().year + 1:
            raise ValidationError({"publication_year": _("The year cannot be in the future.")})

    def credited_authors(self):
        """The people credited as authors, in the editor's order."""
        links = self.authors.select_related("person")
        return [link.person for link in links if link.person and link.person.live]

    def live_terms(self, field_name):
        """Topics or audiences whose names are approved for the public site (live)."""
        return [term for term in getattr(self, field_name).all() if term.live]

    @property
    def has_easy_read_version(self):
        """Whether an Easy Read file or page is linked (no query: the ids are on the row)."""
        return bool(self.easy_read_document_id or self.easy_read_page_id)

    def live_easy_read_page(self):
        """The linked Easy Read page, in the reader's language where it is translated; None
        unless it is live (a link to a draft would be a 404 for the reader)."""
        page = self.easy_read_page
        if page is None or not page.live:
            return None
        return page.localized

    def live_related_resources(self):
        """Related resources a visitor can open (live and public), in the editor's order.

        A translation keeps its original's links: each related resource shows in this page's
        language where it is translated, and otherwise in English (marked `is_fallback`).
        """
        from library.listings import published_resources

        links = self.related_resources.select_related("resource")
        wanted = [link.resource.translation_key for link in links if link.resource_id]
        found = {
            resource.translation_key: resource
            for resource in published_resources(self.locale)
            .filter(translation_key__in=wanted)
            .exclude(translation_key=self.translation_key)
        }
        return [found[key] for key in wanted if key in found]

    def live_workstreams(self):
        """Live workstreams linked to this resource, in this page's language where translated."""
        from home.localised import flag_fallbacks, in_language
        from workstreams.models import WorkstreamPage

        chosen = [workstream.translation_key for workstream in self.workstreams.all()]
        workstreams = in_language(WorkstreamPage.objects.live().public(), self.locale)
        return flag_fallbacks(
            workstreams.filter(translation_key__in=chosen).order_by("title"), self.locale
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["easy_read_document"] = (
            self.easy_read_document if self.easy_read_document_id else None
        )
        context["easy_read_page"] = self.live_easy_read_page()
        context["authors"] = self.credited_authors()
        context["documents"] = list(self.documents.select_related("document"))
        context["workstreams"] = self.live_workstreams()
        context["topics"] = self.live_terms("topics")
        context["audiences"] = self.live_terms("audiences")
        context["related_resources"] = self.live_related_resources()
        return context


class ResourceAuthor(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "home.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]


class DocumentLink(Orderable):
    """A file attached to a page, with optional link text. Subclasses add the page it belongs to."""

    document = models.ForeignKey(
        "library.CustomDocument",
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("link text"),
        max_length=200,
        blank=True,
        help_text=_("Optional. Leave empty to use the file's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def link_text(self):
        return self.title or self.document.title


class ResourceDocument(DocumentLink):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")


class RelatedResource(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        ResourcePage,
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("resource")]


class EvaluationIndexPage(ReviewedPage):
    """Independent evaluations of the programme."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the title about how the PDU is evaluated."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.EvaluationReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("evaluation index page")

    def reports(self):
        """Live, public reports under this page, most recently published first."""
        return (
            EvaluationReportPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-published", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reports"] = self.reports()
        return context


class EvaluationReportPage(ReviewedPage):
    """An independent evaluation of the programme, with its findings and report files."""

    summary = models.TextField(_("summary"), max_length=400, help_text=SUMMARY_HELP)
    evaluator = models.CharField(
        _("evaluated by"),
        max_length=200,
        help_text=_("The organisation or people who carried out the evaluation."),
    )
    period_start = models.DateField(
        _("period covered: from"), help_text=_("The first day of the period evaluated.")
    )
    period_end = models.DateField(
        _("period covered: to"), help_text=_("The last day of the period evaluated.")
    )
    published = models.DateField(_("published"), help_text=_("When the report was published."))
    key_findings = RichTextField(
        _("key findings"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("The main findings, as a short list in plain English."),
    )
    headline_figures = StreamField(
        [("figure", HeadlineFigureBlock())],
        blank=True,
        verbose_name=_("headline figures"),
        help_text=_("Optional. A few numbers that sum up the findings."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more about it"),
        help_text=_("Optional. Methods, recommendations, quotes."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("evaluator"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("published"),
            ],
            heading=_("About the evaluation"),
        ),
        FieldPanel("key_findings"),
        FieldPanel("headline_figures"),
        InlinePanel("documents", heading=_("Report files"), label=_("File")),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("evaluator"),
        index.SearchField("key_findings"),
        index.SearchField("body"),
        # The words inside the report files (library/text_extraction.py), capped per file.
        index.RelatedFields(
            "documents", [index.RelatedFields("document", [index.SearchField("indexed_text")])]
        ),
    ]

    parent_page_types = ["library.EvaluationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evaluation report")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The end of the period must be on or after its start.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = list(self.documents.select_related("document"))
        return context


class EvaluationReportDocument(DocumentLink):
    page = ParentalKey(EvaluationReportPage, on_delete=models.CASCADE, related_name="documents")
