from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.models import ReviewedPage
from home.blocks import BodyBlock

HOME_EVENTS_SHOWN = 3
HOME_RESOURCES_SHOWN = 3


class HomePage(ReviewedPage):
    """The front page of the site: one per language, at the top of the page tree."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "One or two sentences under the page title saying what the PDU is and who it is for."
        ),
    )
    join_heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        default="Join our free online hub",
        help_text=_("The heading of the box inviting people to join the members' hub."),
    )
    join_text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("One or two sentences on what members get, e.g. recordings and e-learning."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that explains how to join. Leave empty to hide the box."),
    )
    join_link_text = models.CharField(
        _("link text"),
        max_length=80,
        blank=True,
        default="Find out how to join",
        help_text=_("Says where the link goes, e.g. 'Find out how to join'."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "featured_workstreams",
            heading=_("Featured workstreams"),
            label=_("Workstream"),
            help_text=_("Up to six workstreams to show on the home page, in this order."),
            max_num=6,
        ),
        MultiFieldPanel(
            [
                FieldPanel("join_heading"),
                FieldPanel("join_text"),
                FieldPanel("join_page"),
                FieldPanel("join_link_text"),
            ],
            heading=_("Invitation to join the hub"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "workstreams.WorkstreamIndexPage",
        "events.EventIndexPage",
        "library.ResourceIndexPage",
        "library.EvaluationIndexPage",
        "elearning.ELearningIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def featured_workstream_pages(self):
        return [
            item.workstream
            for item in self.featured_workstreams.select_related("workstream")
            if item.workstream is not None and item.workstream.live
        ]

    def get_context(self, request, *args, **kwargs):
        from events.listings import upcoming_events
        from events.models import EventIndexPage
        from library.listings import latest_resources
        from library.models import ResourceIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["featured_workstreams"] = self.featured_workstream_pages()
        context["upcoming_events"] = upcoming_events(self.locale)[:HOME_EVENTS_SHOWN]
        context["latest_resources"] = latest_resources(self.locale)[:HOME_RESOURCES_SHOWN]
        context["events_index"] = self.first_live_child(EventIndexPage)
        context["resource_index"] = self.first_live_child(ResourceIndexPage)
        return context

    def first_live_child(self, page_type):
        return page_type.objects.child_of(self).live().public().first()


class HomePageFeaturedWorkstream(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_workstreams")
    workstream = models.ForeignKey(
        "workstreams.WorkstreamPage",
        verbose_name=_("workstream"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("workstream")]


class StandardPage(ReviewedPage):
    """A general content page: About, Get involved, Accessibility statement, Privacy notice..."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("Optional. A sentence or two under the title summing up the page."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("content"),
        help_text=_("The page's content. Start sections with a level 2 heading."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. When the content was last checked, shown on the page (useful for the "
            "accessibility statement and privacy notice)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "get_involved.GetInvolvedFormPage"]

    class Meta:
        verbose_name = _("general content page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific()
        return context
