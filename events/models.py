from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from editorial.models import ReviewedPage, ReviewedSnippet
from home.blocks import SHORT_RICH_TEXT_FEATURES, BodyBlock
from home.pagination import DEFAULT_PER_PAGE, paginate

# Each list on the events page has its own page number, so both can be browsed independently.
UPCOMING_PAGE_PARAM = "page"
PAST_PAGE_PARAM = "past_page"
EVENTS_PER_PAGE = DEFAULT_PER_PAGE


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class BookingMethod(models.TextChoices):
    NONE = "none", _("No booking needed")
    ELSEWHERE = "elsewhere", _("On another website (booking link)")
    HERE = "here", _("Book on this site")


class EventType(models.TextChoices):
    LEARNING_EVENT = "learning_event", _("Learning event")
    WEBINAR = "webinar", _("Webinar")
    COP_MEETING = "cop_meeting", _("Community of Practice meeting")


class Venue(ReviewedSnippet, TranslatableMixin, index.Indexed, models.Model):
    """A place where events happen, with the access information people look for before going."""

    name = models.CharField(_("name"), max_length=150, help_text=_("e.g. 'NCVS, Byron House'."))
    address = models.TextField(
        _("address"), help_text=_("The full postal address, one part per line.")
    )
    postcode = models.CharField(
        _("postcode"), max_length=10, help_text=_("Used for the map link, e.g. 'NG1 6HL'.")
    )
    step_free_access = models.TextField(
        _("step-free access"),
        blank=True,
        help_text=_("How to get in without steps: entrances, lifts, ramps. Say if there is none."),
    )
    hearing_loop = models.BooleanField(
        _("hearing loop"), default=False, help_text=_("Tick if the event room has a hearing loop.")
    )
    quiet_room = models.BooleanField(
        _("quiet room"),
        default=False,
        help_text=_("Tick if there is a quiet room people can use during the event."),
    )
    toilets = models.TextField(
        _("toilets"),
        blank=True,
        help_text=_("Accessible and gender-neutral toilets, and where they are."),
    )
    travel = models.TextField(
        _("getting there"),
        blank=True,
        help_text=_("Nearest bus and tram stops, parking and Blue Badge spaces, cycle racks."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldRowPanel([FieldPanel("hearing_loop"), FieldPanel("quiet_room")]),
                FieldPanel("toilets"),
                FieldPanel("travel"),
            ],
            heading=_("Accessibility"),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def map_url(self):
        """An OpenStreetMap search for the venue: the postcode finds UK addresses reliably."""
        place = self.postcode.strip() or ", ".join(self.address_lines())
        query = urlencode({"query": place}, quote_via=quote)
        return f"https://www.openstreetmap.org/search?{query}"

    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]


class EventIndexPage(ReviewedPage):
    """What's on: upcoming and past events."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the title about the PDU's events."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    # It lists its language's events wherever they sit: any event published changes it.
    page_cache_lists = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        from events.filters import event_filters
        from events.listings import past_events, upcoming_events

        context = super().get_context(request, *args, **kwargs)
        filters = event_filters(request.GET, self.locale)
        context["filters"] = filters
        context["upcoming_page"] = paginate(
            request,
            filters.apply(upcoming_events(self.locale)).select_related("venue"),
            EVENTS_PER_PAGE,
            param=UPCOMING_PAGE_PARAM,
        )
        context["past_page"] = paginate(
            request,
            filters.apply(past_events(self.locale)).select_related("venue"),
            EVENTS_PER_PAGE,
            param=PAST_PAGE_PARAM,
        )
        context["upcoming_page_param"] = UPCOMING_PAGE_PARAM
        context["past_page_param"] = PAST_PAGE_PARAM
        return context


class EventPage(ReviewedPage):
    """A learning event, webinar or Community of Practice meeting."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    start = models.DateTimeField(
        _("starts"), help_text=_("Date and time the event starts (UK time).")
    )
    end = models.DateTimeField(
        _("ends"), help_text=_("Date and time the event ends (UK time). Must be after the start.")
    )
    event_type = models.CharField(
        _("type of event"),
        max_length=20,
        choices=EventType.choices,
        default=EventType.LEARNING_EVENT,
    )
    event_format = models.CharField(
        _("format"),
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.IN_PERSON,
        help_text=_("Where people take part: in a room, online, or either."),
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Where it happens, for in-person and hybrid events."),
    )
    community_of_practice = models.ForeignKey(
        "workstreams.CommunityOfPracticePage",
        verbose_name=_("Community of Practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("For Community of Practice meetings: which community is meeting."),
    )
    workstreams = ParentalManyToManyField(
        "workstreams.WorkstreamPage",
        verbose_name=_("workstreams"),
        blank=True,
        related_name="events",
        help_text=_("The workstreams this event belongs to. It is listed on their pages."),
    )
    content_note = models.TextField(
        _("content note"),
        blank=True,
        max_length=400,
        help_text=_(
            "Optional. Warn about difficult subjects the event covers, e.g. 'We will talk about "
            "suicide and self-harm.'"
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("about the event"),
        help_text=_("What the event covers, who it is for and what people will take away."),
    )
    adjustments = RichTextField(
        _("asking for adjustments"),
        features=SHORT_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "How to ask for British Sign Language (BSL) interpreting, captions, large print or "
            "other adjustments, and by when."
        ),
    )
    booking_information = RichTextField(
        _("booking information"),
        features=SHORT_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("How to book, cost (if any) and who can come."),
    )
    booking_url = models.URLField(
        _("booking link"),
        blank=True,
        help_text=_("Optional. The page where people book, if booking happens on another site."),
    )
    booking_method = models.CharField(
        _("how people book"),
        max_length=20,
        choices=BookingMethod.choices,
        default=BookingMethod.NONE,
        help_text=_(
            "Choose 'Book on this site' to let signed-in members book a place with one click."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "How many people can have a place. Needed when people book on this site. Raising it "
            "gives the new places to people waiting, in order; lowering it takes no one's place."
        ),
    )
    booking_closes_at = models.DateTimeField(
        _("booking closes"),
        null=True,
        blank=True,
        help_text=_("Optional. Leave empty to keep booking open until the event starts."),
    )
    waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_(
            "When the event is full, people join a waiting list and get a place, in order, "
            "when someone cancels."
        ),
    )
    joining_url = models.URLField(
        _("online joining link"),
        blank=True,
        help_text=_(
            "For online and hybrid events. Private: only people with a confirmed place see it, "
            "on this page and in their emails."
        ),
    )
    is_cancelled = models.BooleanField(
        _("event cancelled"),
        default=False,
        help_text=_("Tick to cancel the event. Everyone who booked is emailed when you publish."),
    )
    cancellation_note = models.TextField(
        _("cancellation note"),
        blank=True,
        max_length=600,
        help_text=_("Optional. Why the event is cancelled and what happens next."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("event_type"), FieldPanel("event_format")]),
                FieldPanel("venue"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("workstreams"),
        FieldPanel("community_of_practice"),
        FieldPanel("content_note"),
        FieldPanel("body"),
        InlinePanel("speakers", heading=_("Speakers"), label=_("Speaker")),
        InlinePanel(
            "follow_ups",
            heading=_("After the event"),
            label=_("Recording or resource"),
            help_text=_(
                "Library resources shown on this page once the event is over: its recording, "
                "slides or transcript. Members-only resources are marked as such."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("booking_method"),
                FieldPanel("booking_information"),
                FieldPanel("booking_url"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("booking_closes_at")]),
                FieldPanel("waiting_list"),
                FieldPanel("joining_url"),
                FieldPanel("is_cancelled"),
                FieldPanel("cancellation_note"),
                FieldPanel("adjustments"),
            ],
            heading=_("Booking"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("event_type"),
        index.FilterField("event_format"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    @property
    def has_finished(self):
        """An event stays upcoming (and bookable) until its end time has passed."""
        return self.end is not None and self.end <= timezone.now()

    @property
    def is_in_person(self):
        """Whether people can come to a room, so the venue and its access matter."""
        return self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def books_here(self):
        return self.booking_method == BookingMethod.HERE

    @property
    def booking_deadline(self):
        """When booking on this site closes: the editor's date, or the start of the event."""
        return self.booking_closes_at or self.start

    @property
    def has_online_part(self):
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)

    def get_context(self, request, *args, **kwargs):
        from events.booking_state import booking_panel
        from events.structured_data import event_structured_data

        context = super().get_context(request, *args, **kwargs)
        # Each photo's renditions come with the speakers: one query, not a lookup per photo.
        context["speakers"] = self.speakers.select_related(
            "person", "person__photo"
        ).prefetch_related("person__photo__renditions")
        # Only published pages: a link to a draft would be a 404 for the reader.
        context["related_workstreams"] = sorted(
            (workstream for workstream in self.workstreams.all() if workstream.live),
            key=lambda workstream: workstream.title,
        )
        community = self.community_of_practice
        context["community"] = community if community is not None and community.live else None
        context["structured_data"] = event_structured_data(self, request)
        context["booking"] = booking_panel(self, request.user)
        context["after_the_event"] = self.after_the_event() if self.has_finished else []
        return context

    def after_the_event(self):
        """The live recordings, resources and meeting notes that follow the event, in order.

        Each is marked `members_only` or not; members-only items are listed for everyone (title
        and label) and open for members only.
        """
        from members.restrictions import members_only_page_ids

        resources = [
            follow_up.resource
            for follow_up in self.follow_ups.select_related("resource")
            if follow_up.resource.live
        ]
        notes = list(self.meeting_notes.live().order_by("meeting_date", "path"))
        items = [*resources, *notes]
        restricted = members_only_page_ids(items)
        for item in items:
            item.members_only = item.pk in restricted
        return items

    @property
    def calendar_url(self):
        """The event's .ics file; None for a page not saved yet (a preview of a new page)."""
        if self.pk is None:
            return None
        return reverse("event_calendar", args=[self.pk])

    @property
    def public_venue(self):
        """The venue, if its details have been approved for the public site."""
        return self.venue if self.venue is not None and self.venue.live else None

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError(
                {"end": _("The end must be after the start. Check the dates and times.")}
            )
        if self.event_type == EventType.COP_MEETING and not self.community_of_practice_id:
            raise ValidationError(
                {
                    "community_of_practice": _(
                        "Choose which Community of Practice is meeting, "
                        "or change the type of event."
                    )
                }
            )
        self.clean_booking()

    def clean_booking(self):
        errors = {}
        if self.books_here and not self.capacity:
            errors["capacity"] = _(
                "Enter how many places there are (1 or more) to let people book on this site."
            )
        if self.booking_method == BookingMethod.ELSEWHERE and not self.booking_url:
            errors["booking_url"] = _("Add the link to the website where people book.")
        if self.booking_closes_at and self.end and self.booking_closes_at >= self.end:
            errors["booking_closes_at"] = _(
                "Booking must close before the event ends. Choose an earlier date or leave it "
                "empty to close booking when the event starts."
            )
        if errors:
            raise ValidationError(errors)


class EventFollowUp(Orderable):
    """A library resource that goes with the event once it is over, e.g. its recording."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="follow_ups")
    resource = models.ForeignKey(
        "library.ResourcePage",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("resource")]


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "home.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    topic = models.CharField(
        _("talking about"),
        max_length=200,
        blank=True,
        help_text=_("Optional. Their part in the event, e.g. 'Chairing' or their talk's title."),
    )

    panels = [FieldPanel("person"), FieldPanel("topic")]


# Bookings live in their own module; importing it here registers the model with the app.
from events.booking import Booking  # noqa: E402, F401
