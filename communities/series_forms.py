"""The form a facilitator fills in to schedule a series of meetings, and the plan it makes.

The same form checks the first post (shown as a preview) and the confirming post (which creates
the meetings), so values changed in between are checked again.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from communities.series import (
    MAX_MEETINGS,
    MIN_MEETINGS,
    Frequency,
    SeriesError,
    describe_frequency,
    series_problems,
    series_times,
)
from events.models import BookingMethod, EventFormat, EventPage, Venue

TITLE_DATE_FORMAT = "j F Y"  # 14 April 2027
MAX_PLACES = 1000
# Page titles hold 255 characters; the date added to the pattern needs up to 20 of them.
MAX_TITLE_PATTERN_LENGTH = 200
# Slugs hold 255 characters; the date and a "-2" need room after the community's slug.
SLUG_BASE_LENGTH = 200
SUMMARY_LENGTH = EventPage._meta.get_field("summary").max_length

BOOKING_CHOICES = [
    (BookingMethod.NONE, BookingMethod.NONE.label),
    (BookingMethod.HERE, BookingMethod.HERE.label),
]


def default_title_pattern(community):
    return _("%(community)s: meeting") % {"community": community.title}


def meeting_title(pattern, day):
    """The pattern with the date added: "Hostel managers: meeting, 14 April 2027"."""
    return f"{pattern}, {date_format(day, TITLE_DATE_FORMAT)}"


def meeting_slug(community, day):
    """`<community-slug>-<yyyy-mm-dd>`, short enough to take a "-2" if that slug is taken."""
    return f"{community.slug[:SLUG_BASE_LENGTH]}-{day.isoformat()}"


def existing_meeting_starts(community, starts):
    """Which of `starts` the community has a meeting at already (draft or published)."""
    return set(
        EventPage.objects.filter(community_of_practice=community, start__in=starts).values_list(
            "start", flat=True
        )
    )


@dataclass
class PlannedMeeting:
    """One meeting of the series: when, its title, and whether one exists at that time already."""

    start: datetime
    end: datetime
    title: str
    slug: str
    already_exists: bool = False


SECTIONS = [
    (gettext_lazy("When"), ["first_date", "start_time", "end_time", "frequency", "count"]),
    (gettext_lazy("Where"), ["event_format", "venue", "joining_url"]),
    (gettext_lazy("About the meetings"), ["title_pattern", "summary"]),
    (gettext_lazy("Booking and review"), ["booking_method", "capacity", "submit_for_review"]),
]


class MeetingSeriesForm(forms.Form):
    # Errors are listed in the order the fields are shown.
    field_order = [name for _legend, names in SECTIONS for name in names]

    first_date = forms.DateField(
        label=gettext_lazy("Date of the first meeting"),
        help_text=gettext_lazy(
            "The repeat pattern comes from this date: a first meeting on the second Tuesday of "
            "a month repeats on the second Tuesday."
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=gettext_lazy("Start time"),
        help_text=gettext_lazy("UK time, for example 10:00."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label=gettext_lazy("End time"),
        help_text=gettext_lazy("UK time, for example 12:30."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often"),
        choices=Frequency.choices,
        initial=Frequency.MONTHLY_WEEKDAY,
    )
    count = forms.IntegerField(
        label=gettext_lazy("Number of meetings"),
        help_text=gettext_lazy("From 1 to 24."),
        min_value=MIN_MEETINGS,
        max_value=MAX_MEETINGS,
        initial=6,
        error_messages={
            "min_value": gettext_lazy("Enter a number of meetings from 1 to 24."),
            "max_value": gettext_lazy("Enter a number of meetings from 1 to 24."),
        },
    )
    event_format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=EventFormat.choices,
        initial=EventFormat.ONLINE,
    )
    venue = forms.ModelChoiceField(
        label=gettext_lazy("Venue"),
        queryset=Venue.objects.none(),
        required=False,
        empty_label=gettext_lazy("No venue yet"),
        help_text=gettext_lazy(
            "For in-person and hybrid meetings. Only venues already published are listed."
        ),
    )
    title_pattern = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=MAX_TITLE_PATTERN_LENGTH,
        help_text=gettext_lazy(
            "Each meeting's date is added at the end, for example "
            "'Hostel managers: meeting, 14 April 2027'."
        ),
    )
    summary = forms.CharField(
        label=gettext_lazy("Summary"),
        max_length=SUMMARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "One or two sentences shown in listings. It also starts each meeting's page."
        ),
    )
    booking_method = forms.ChoiceField(
        label=gettext_lazy("How people book"),
        choices=BOOKING_CHOICES,
        initial=BookingMethod.NONE,
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Places"),
        required=False,
        min_value=1,
        max_value=MAX_PLACES,
        help_text=gettext_lazy(
            "How many people can have a place at each meeting. Needed when people book on "
            "this site."
        ),
    )
    joining_url = forms.URLField(
        label=gettext_lazy("Online joining link"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=gettext_lazy(
            "For online and hybrid meetings. Private: only people with a place see it."
        ),
    )
    submit_for_review = forms.BooleanField(
        label=gettext_lazy("Submit for review now"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "A reviewer checks the meetings before they are published. Untick to keep them as "
            "drafts and submit them later."
        ),
    )

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community
        self.fields["venue"].queryset = Venue.objects.filter(
            live=True, locale_id=community.locale_id
        ).order_by("name")
        self.fields["title_pattern"].initial = default_title_pattern(community)
        self.fields["summary"].initial = community.summary[:SUMMARY_LENGTH]
        self.meetings = []
        self.link_errors_to_fields()

    def sections(self):
        """The fields in groups, each shown as a fieldset with a legend."""
        return [(legend, [self[name] for name in names]) for legend, names in SECTIONS]

    def full_clean(self):
        super().full_clean()
        self.link_errors_to_fields()

    def link_errors_to_fields(self):
        """Point each field with a problem at its error message, so screen readers read it."""
        for name, field in self.fields.items():
            described_by = []
            if field.help_text:
                described_by.append(f"{self[name].id_for_label}-helptext")
            if name in self.errors:
                described_by.append(f"{self[name].id_for_label}-errors")
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def clean(self):
        cleaned = super().clean()
        self.clean_booking(cleaned)
        self.clean_joining_link(cleaned)
        self.plan_meetings(cleaned)
        return cleaned

    def clean_booking(self, cleaned):
        if cleaned.get("booking_method") == BookingMethod.HERE and not cleaned.get("capacity"):
            self.add_error(
                "capacity",
                _("Enter how many places there are (1 or more) to let people book on this site."),
            )

    def clean_joining_link(self, cleaned):
        if cleaned.get("joining_url") and cleaned.get("event_format") == EventFormat.IN_PERSON:
            self.add_error(
                "joining_url",
                _(
                    "A joining link is only for online and hybrid meetings. Remove it, or "
                    "change the format."
                ),
            )

    def plan_meetings(self, cleaned):
        answers = {
            "first": cleaned.get("first_date"),
            "frequency": cleaned.get("frequency"),
            "count": cleaned.get("count"),
            "start_time": cleaned.get("start_time"),
            "end_time": cleaned.get("end_time"),
        }
        # Every problem at once, so nobody fixes one only to be shown the next.
        problems = series_problems(**answers)
        for problem in problems:
            self.add_error(problem.field, problem.message)
        if problems or None in answers.values() or not cleaned.get("title_pattern"):
            return
        try:
            times = series_times(**answers)
        except SeriesError as refusal:
            self.add_error(refusal.field, refusal.message)
            return
        existing_starts = existing_meeting_starts(
            self.community, [meeting.start for meeting in times]
        )
        self.meetings = [
            PlannedMeeting(
                start=meeting.start,
                end=meeting.end,
                title=meeting_title(cleaned["title_pattern"], timezone.localdate(meeting.start)),
                slug=meeting_slug(self.community, timezone.localdate(meeting.start)),
                already_exists=meeting.start in existing_starts,
            )
            for meeting in times
        ]

    @property
    def meetings_to_create(self):
        return [meeting for meeting in self.meetings if not meeting.already_exists]

    def frequency_in_words(self):
        return describe_frequency(self.cleaned_data["first_date"], self.cleaned_data["frequency"])

    def format_in_words(self):
        return EventFormat(self.cleaned_data["event_format"]).label

    def warnings(self):
        """Things that are allowed but worth a second look before creating the meetings."""
        found = []
        data = self.cleaned_data
        if data["event_format"] != EventFormat.ONLINE and data.get("venue") is None:
            found.append(
                _(
                    "No venue is chosen. Add one to each meeting before it is published, so "
                    "people know where to go."
                )
            )
        if data["event_format"] != EventFormat.IN_PERSON and not data.get("joining_url"):
            found.append(
                _(
                    "There is no joining link for the online part. Add one to each meeting "
                    "before it starts."
                )
            )
        return found
