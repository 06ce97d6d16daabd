from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.models import ReviewedPage
from home.blocks import SHORT_RICH_TEXT_FEATURES, BodyBlock

SUMMARY_HELP = _("One or two sentences shown in listings and search results.")

WORKSTREAM_EVENTS_SHOWN = 5
WORKSTREAM_RESOURCES_SHOWN = 6
COMMUNITY_PAST_EVENTS_SHOWN = 5
COMMUNITY_NOTES_SHOWN = 12


def events_index_for(locale):
    """The live events index page in a language; None if there is none."""
    from events.models import EventIndexPage

    return EventIndexPage.objects.live().public().filter(locale=locale).first()


def resource_index_for(locale):
    """The live resource library page in a language; None if there is none."""
    from library.models import ResourceIndexPage

    return ResourceIndexPage.objects.live().public().filter(locale=locale).first()


class WorkstreamIndexPage(ReviewedPage):
    """Lists the programme's workstreams."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the title explaining what a workstream is."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["workstreams.WorkstreamPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("workstream index page")

    def workstreams(self):
        """The published, public workstreams under this page, in the order editors gave them."""
        return WorkstreamPage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workstreams"] = self.workstreams()
        return context


class WorkstreamPage(ReviewedPage):
    """One of the programme's themes, e.g. Housing First and Homelessness."""

    summary = models.TextField(_("summary"), max_length=300, help_text=SUMMARY_HELP)
    what_it_covers = RichTextField(
        _("what it covers"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("The topics, questions and practice this workstream looks at."),
    )
    who_it_is_for = RichTextField(
        _("who it is for"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("The workers, services and people with lived experience it is meant for."),
    )
    lead = models.ForeignKey(
        "home.Person",
        verbose_name=_("lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. The person who leads the workstream."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more content"),
        help_text=_("Optional. Anything else: quotes, videos, downloads."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("what_it_covers"),
        FieldPanel("who_it_is_for"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_it_covers"),
        index.SearchField("who_it_is_for"),
        index.SearchField("body"),
    ]

    parent_page_types = ["workstreams.WorkstreamIndexPage"]
    subpage_types = ["workstreams.CommunityOfPracticePage"]

    class Meta:
        verbose_name = _("workstream")

    def lead_with_photo(self):
        """The lead, with their photo and its renditions (two queries, none per rendition)."""
        from home.models import Person

        if self.lead_id is None:
            return None
        people = Person.objects.select_related("photo").prefetch_related("photo__renditions")
        return people.filter(pk=self.lead_id).first()

    def communities(self):
        """The published, public Communities of Practice in this workstream, in tree order."""
        return CommunityOfPracticePage.objects.child_of(self).live().public().order_by("path")

    def upcoming_events(self):
        """Upcoming events linked to this workstream or to its original or translations, in this
        page's language where translated and otherwise in English."""
        # The venue comes with each event, so event cards that show it cost no extra queries.
        from events.listings import in_workstream, upcoming_events

        return in_workstream(upcoming_events(self.locale), self).select_related("venue")

    def latest_resources(self):
        from library.listings import in_workstream, latest_resources

        return in_workstream(latest_resources(self.locale), self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lead"] = self.lead_with_photo()
        context["communities"] = self.communities()
        context["upcoming_events"] = self.upcoming_events()[:WORKSTREAM_EVENTS_SHOWN]
        context["resources"] = self.latest_resources()[:WORKSTREAM_RESOURCES_SHOWN]
        context["events_index"] = events_index_for(self.locale)
        context["resource_index"] = resource_index_for(self.locale)
        return context


class CommunityOfPracticePage(ReviewedPage):
    """A group of practitioners who meet regularly within a workstream."""

    summary = models.TextField(_("summary"), max_length=300, help_text=SUMMARY_HELP)
    purpose = RichTextField(
        _("purpose"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("What the community is for and what members do together."),
    )
    who_it_is_for = RichTextField(
        _("who it is for"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("Who can join, e.g. 'Frontline workers in Nottingham housing services'."),
    )
    meeting_pattern = models.CharField(
        _("when it meets"),
        max_length=200,
        help_text=_("In plain words, e.g. 'Every other month, Tuesday mornings, online'."),
    )
    how_to_join = RichTextField(
        _("how to join"),
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("What someone has to do to take part."),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_communities",
        help_text=_("Optional. The team member who runs it. Their name is shown on the page."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more content"),
        help_text=_("Optional. Anything else: quotes, videos, downloads."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("purpose"),
        FieldPanel("who_it_is_for"),
        MultiFieldPanel(
            [FieldPanel("meeting_pattern"), FieldPanel("how_to_join"), FieldPanel("facilitator")],
            heading=_("Taking part"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("who_it_is_for"),
        index.SearchField("body"),
    ]

    parent_page_types = ["workstreams.WorkstreamPage"]
    subpage_types = ["communities.MeetingNotesPage"]

    class Meta:
        verbose_name = _("Community of Practice")
        verbose_name_plural = _("Communities of Practice")

    @property
    def facilitator_name(self):
        """The facilitator's full name, or "" if there is none. Never their email address."""
        if self.facilitator is None:
            return ""
        return self.facilitator.get_full_name().strip()

    def workstream(self):
        """The live workstream this community belongs to, or None."""
        return WorkstreamPage.objects.parent_of(self).live().public().first()

    def upcoming_events(self):
        """This community's upcoming events, in this page's language where translated and
        otherwise in English, whichever version of the community they were linked to."""
        from events.listings import of_community, upcoming_events

        return of_community(upcoming_events(self.locale), self).select_related("venue")

    def past_events(self):
        from events.listings import of_community, past_events

        return of_community(past_events(self.locale), self).select_related("venue")

    def meeting_notes(self):
        """Live notes of past meetings, newest first, each marked `members_only` or not.

        Members-only notes are listed too (title, date and a label), so visitors see that the
        community keeps notes; opening one asks them to sign in.
        """
        from communities.models import MeetingNotesPage
        from members.restrictions import members_only_page_ids

        notes = list(
            MeetingNotesPage.objects.child_of(self)
            .live()
            .order_by("-meeting_date", "-path")[:COMMUNITY_NOTES_SHOWN]
        )
        restricted = members_only_page_ids(notes)
        for page in notes:
            page.members_only = page.pk in restricted
        return notes

    def get_context(self, request, *args, **kwargs):
        from communities.membership import join_panel

        context = super().get_context(request, *args, **kwargs)
        context["workstream"] = self.workstream()
        context["facilitator_name"] = self.facilitator_name
        context["meeting_notes"] = self.meeting_notes()
        context["join"] = join_panel(self, request.user)
        context["upcoming_events"] = self.upcoming_events()
        context["past_events"] = self.past_events()[:COMMUNITY_PAST_EVENTS_SHOWN]
        context["events_index"] = events_index_for(self.locale)
        return context
