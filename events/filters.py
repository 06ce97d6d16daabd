"""The filters on the events page, read from the query string so a filtered view can be shared.

Parameters: `workstream` (a workstream's slug), `type` (event type), `format` and `month`
(YYYY-MM, UK time). Links get mistyped, go stale or are tampered with: a value that cannot be used
(an unknown slug, "2026-13", a NUL byte) leaves that one filter out, and the page says so, rather
than answering with an error.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.listings import in_workstream, months_with_events, starting_in_month
from events.models import EventFormat, EventType

MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
FIRST_YEAR, LAST_YEAR = 2000, 2100

# People filter by how they can take part, and a hybrid event can be joined either way.
FORMATS_MATCHING = {
    EventFormat.IN_PERSON: [EventFormat.IN_PERSON, EventFormat.HYBRID],
    EventFormat.ONLINE: [EventFormat.ONLINE, EventFormat.HYBRID],
    EventFormat.HYBRID: [EventFormat.HYBRID],
}


def parse_month(value):
    """(year, month) from "2026-03"; None for anything else."""
    if not isinstance(value, str):
        return None
    match = MONTH_VALUE.fullmatch(value)
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12:
        return year, month
    return None


def month_label(day):
    return date_format(day, "F Y")  # March 2026


class MonthField(forms.ChoiceField):
    """A month as YYYY-MM. The choices offer months with events; any real month is accepted."""

    def valid_value(self, value):
        return parse_month(value) is not None


class EventFilterForm(forms.Form):
    """The events page's filters. `workstreams` is a list of (slug, title); `months` a list of
    dates (first of the month) to offer."""

    workstream = forms.ChoiceField(label=_("Workstream"), required=False)
    type = forms.ChoiceField(
        label=_("Type of event"),
        required=False,
        choices=[("", _("Any type")), *EventType.choices],
    )
    format = forms.ChoiceField(
        label=_("How you take part"),
        required=False,
        choices=[
            ("", _("In person or online")),
            (EventFormat.IN_PERSON, _("In person, including hybrid events")),
            (EventFormat.ONLINE, _("Online, including hybrid events")),
            (EventFormat.HYBRID, _("Hybrid events only")),
        ],
    )
    month = MonthField(label=_("Month"), required=False)

    def __init__(self, data, *, workstreams, months):
        super().__init__(data, auto_id="filter-%s")
        self.fields["workstream"].choices = [("", _("All workstreams")), *workstreams]
        offered = {day.strftime("%Y-%m"): month_label(day) for day in months}
        asked = parse_month(self.data.get("month")) if self.is_bound else None
        if asked is not None:
            # A real month from a link, even one without events, shows as chosen.
            first = date(*asked, 1)
            offered.setdefault(first.strftime("%Y-%m"), month_label(first))
        self.fields["month"].choices = [("", _("Any month")), *sorted(offered.items())]


@dataclass
class EventFilters:
    """What a visitor chose, what could not be used, and the form to show them."""

    form: EventFilterForm
    chosen: dict = field(default_factory=dict)  # parameter name -> cleaned value
    ignored: list = field(default_factory=list)  # labels of the filters left out
    workstreams: dict = field(default_factory=dict)  # slug -> WorkstreamPage

    @property
    def is_filtered(self):
        return bool(self.chosen)

    @property
    def workstream_slug(self):
        return self.chosen.get("workstream", "")

    @property
    def workstream_title(self):
        return dict(self.form.fields["workstream"].choices).get(self.workstream_slug, "")

    def descriptions(self):
        """The chosen filters in words, for "Showing: ..." above the lists."""
        labels = []
        for name, value in self.chosen.items():
            choices = dict(self.form.fields[name].choices)
            labels.append(str(choices.get(value, value)))
        return labels

    def apply(self, events):
        """`events` narrowed by every usable filter."""
        if slug := self.chosen.get("workstream"):
            events = in_workstream(events, self.workstreams[slug])
        if event_type := self.chosen.get("type"):
            events = events.filter(event_type=event_type)
        if event_format := self.chosen.get("format"):
            events = events.filter(event_format__in=FORMATS_MATCHING[event_format])
        if month := parse_month(self.chosen.get("month")):
            events = starting_in_month(events, *month)
        return events


def event_filters(query, locale):
    """The filters asked for in `query` (request.GET), for events in `locale`."""
    from home.localised import in_language
    from workstreams.models import WorkstreamPage

    # Workstreams in this language, and those not translated yet in English: events are linked
    # to a workstream or to any of its translations.
    workstreams = list(
        in_language(WorkstreamPage.objects.live().public(), locale)
        .order_by("title")
        .only("pk", "slug", "title", "translation_key")
    )
    options = {"workstreams": [(page.slug, page.title) for page in workstreams]}
    options["months"] = months_with_events(locale)

    asked = EventFilterForm(query, **options)
    asked.is_valid()
    chosen = {
        name: asked.cleaned_data[name]
        for name in asked.fields
        if name not in asked.errors and asked.cleaned_data.get(name)
    }
    ignored = [str(asked.fields[name].label) for name in asked.fields if name in asked.errors]
    return EventFilters(
        # Shown with only the values in use, so a bad value never reappears as an error.
        form=EventFilterForm(chosen, **options),
        chosen=chosen,
        ignored=ignored,
        workstreams={page.slug: page for page in workstreams},
    )
