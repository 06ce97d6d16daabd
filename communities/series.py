"""When the meetings of a series fall: dates from a repeat pattern, then UK clock times.

Plain calculation with no database, so every pattern and both clock changes are easy to test.
A meeting at 10:00 stays at 10:00 on the wall clock all year: the time is attached to each date
in UK time, so its offset from UTC follows British Summer Time.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MIN_MEETINGS = 1
MAX_MEETINGS = 24
# Every month has a first to a fourth Tuesday (say), but not always a fifth.
LAST_WEEKDAY_POSITION = 4
# Every month has a 28th, but not always a 29th, 30th or 31st.
LAST_DAY_EVERY_MONTH_HAS = 28

TIME_FORMAT = "H:i"  # 10:00
DAY_FORMAT = "l j F Y"  # Tuesday 3 March 2026


class Frequency(models.TextChoices):
    WEEKLY = "weekly", gettext_lazy("Every week")
    FORTNIGHTLY = "fortnightly", gettext_lazy("Every 2 weeks")
    MONTHLY_WEEKDAY = (
        "monthly_weekday",
        gettext_lazy("Every month on the same weekday (for example, the second Tuesday)"),
    )
    MONTHLY_DATE = (
        "monthly_date",
        gettext_lazy("Every month on the same date (for example, the 14th)"),
    )
    BIMONTHLY_WEEKDAY = (
        "bimonthly_weekday",
        gettext_lazy("Every 2 months on the same weekday (for example, the second Tuesday)"),
    )


BY_WEEKDAY_POSITION = {Frequency.MONTHLY_WEEKDAY, Frequency.BIMONTHLY_WEEKDAY}

ORDINALS = {
    1: gettext_lazy("first"),
    2: gettext_lazy("second"),
    3: gettext_lazy("third"),
    4: gettext_lazy("fourth"),
}


class SeriesError(ValueError):
    """A series that cannot be made as asked. `field` names the answer to change."""

    def __init__(self, message, field):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class MeetingTime:
    start: datetime
    end: datetime


def weekday_position(day):
    """Which of its weekday the date is in its month: 1 for the first Tuesday, 2 the second..."""
    return (day.day - 1) // 7 + 1


def describe_frequency(first, frequency):
    """The pattern in words, taken from the first date: "Every month on the second Tuesday"."""
    weekday_name = date_format(first, "l")
    if frequency in BY_WEEKDAY_POSITION and weekday_position(first) <= LAST_WEEKDAY_POSITION:
        words = {
            Frequency.MONTHLY_WEEKDAY: _("Every month on the %(position)s %(weekday)s"),
            Frequency.BIMONTHLY_WEEKDAY: _("Every 2 months on the %(position)s %(weekday)s"),
        }[frequency]
        return words % {"position": ORDINALS[weekday_position(first)], "weekday": weekday_name}
    if frequency == Frequency.MONTHLY_DATE:
        return _("Every month on day %(day)s") % {"day": first.day}
    if frequency == Frequency.FORTNIGHTLY:
        return _("Every 2 weeks on %(weekday)s") % {"weekday": weekday_name}
    return _("Every week on %(weekday)s") % {"weekday": weekday_name}


def repeat_rule(first, frequency):
    """The dateutil.rrule arguments for `frequency`, refusing patterns some months cannot follow."""
    if frequency == Frequency.WEEKLY:
        return {"freq": WEEKLY, "interval": 1}
    if frequency == Frequency.FORTNIGHTLY:
        return {"freq": WEEKLY, "interval": 2}
    if frequency == Frequency.MONTHLY_DATE:
        if first.day > LAST_DAY_EVERY_MONTH_HAS:
            raise SeriesError(
                _(
                    "Not every month has a day %(day)s. Choose a date from the 1st to the 28th, "
                    "or a series on the same weekday each month."
                )
                % {"day": first.day},
                "first_date",
            )
        return {"freq": MONTHLY, "interval": 1, "bymonthday": first.day}
    if frequency in BY_WEEKDAY_POSITION:
        position = weekday_position(first)
        if position > LAST_WEEKDAY_POSITION:
            raise SeriesError(
                _(
                    "Not every month has a fifth %(weekday)s. Choose a date in the first four "
                    "weeks of the month, or a monthly-on-date series."
                )
                % {"weekday": date_format(first, "l")},
                "first_date",
            )
        interval = 2 if frequency == Frequency.BIMONTHLY_WEEKDAY else 1
        return {
            "freq": MONTHLY,
            "interval": interval,
            "byweekday": weekday(first.weekday(), position),
        }
    raise SeriesError(_("Choose how often the meetings happen."), "frequency")


def check_count(count):
    if not MIN_MEETINGS <= count <= MAX_MEETINGS:
        raise SeriesError(
            _("Enter a number of meetings from %(min)s to %(max)s.")
            % {"min": MIN_MEETINGS, "max": MAX_MEETINGS},
            "count",
        )


def check_times(start_time, end_time):
    if end_time <= start_time:
        raise SeriesError(
            _("The end time must be after the start time. Meetings start and end on the same day."),
            "end_time",
        )


def check_in_future(first, start_time, now=None, tz=None):
    tz = tz or timezone.get_default_timezone()
    if datetime.combine(first, start_time, tzinfo=tz) <= (now or timezone.now()):
        raise SeriesError(
            _("The first meeting must be in the future. Choose a later date or time."),
            "first_date",
        )


def meeting_dates(first, frequency, count):
    """The dates of `count` meetings from `first`, repeating as `frequency` says."""
    check_count(count)
    rule = rrule(
        dtstart=datetime.combine(first, time()), count=count, **repeat_rule(first, frequency)
    )
    return [occurrence.date() for occurrence in rule]


def uk_datetime(day, clock, tz, field):
    """`clock` on `day` in UK time; refuses the hour skipped when the clocks go forward."""
    moment = datetime.combine(day, clock, tzinfo=tz)
    round_trip = moment.astimezone(UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise SeriesError(
            _(
                "%(time)s does not exist on %(day)s because the clocks go forward that night. "
                "Choose another time."
            )
            % {"time": date_format(moment, TIME_FORMAT), "day": date_format(day, DAY_FORMAT)},
            field,
        )
    return moment


def meeting_times(dates, start_time, end_time, tz=None):
    """Each date's start and end as aware datetimes in UK time (or `tz`)."""
    check_times(start_time, end_time)
    tz = tz or timezone.get_default_timezone()
    return [
        MeetingTime(
            start=uk_datetime(day, start_time, tz, "start_time"),
            end=uk_datetime(day, end_time, tz, "end_time"),
        )
        for day in dates
    ]


def series_problems(first=None, frequency=None, count=None, start_time=None, end_time=None):
    """Every problem with the answers given so far (None for an answer missing or unreadable),
    so all of them can be shown at once rather than one per try."""
    checks = []
    if count is not None:
        checks.append(lambda: check_count(count))
    if start_time is not None and end_time is not None:
        checks.append(lambda: check_times(start_time, end_time))
    if first is not None and frequency is not None:
        checks.append(lambda: repeat_rule(first, frequency))
    if first is not None and start_time is not None:
        checks.append(lambda: check_in_future(first, start_time))
    problems = []
    for check in checks:
        try:
            check()
        except SeriesError as problem:
            problems.append(problem)
    return problems


def series_times(first, frequency, count, start_time, end_time, tz=None):
    """The whole series at once: `meeting_dates` then `meeting_times`."""
    return meeting_times(meeting_dates(first, frequency, count), start_time, end_time, tz)
