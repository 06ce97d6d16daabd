from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from events.templatetags.event_tags import event_when

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def event(start, end):
    return SimpleNamespace(start=start, end=end)


def test_same_day_event_in_words():
    when = event(
        datetime(2026, 3, 3, 10, 0, tzinfo=LONDON), datetime(2026, 3, 3, 12, 30, tzinfo=LONDON)
    )
    assert event_when(when) == "Tuesday 3 March 2026, 10:00 to 12:30"


def test_multi_day_event_names_both_days():
    when = event(
        datetime(2026, 3, 3, 10, 0, tzinfo=LONDON), datetime(2026, 3, 4, 16, 0, tzinfo=LONDON)
    )
    assert event_when(when) == "Tuesday 3 March 2026, 10:00 to Wednesday 4 March 2026, 16:00"


def test_times_stored_in_utc_are_shown_in_uk_time():
    # 09:00 UTC is 10:00 in London during British Summer Time.
    when = event(datetime(2026, 7, 7, 9, 0, tzinfo=UTC), datetime(2026, 7, 7, 11, 0, tzinfo=UTC))
    assert event_when(when) == "Tuesday 7 July 2026, 10:00 to 12:00"


def test_an_evening_event_that_crosses_midnight_utc_stays_on_one_london_day():
    # 23:30 UTC in summer is already the next day in London; both ends are on that day.
    when = event(datetime(2026, 6, 30, 23, 30, tzinfo=UTC), datetime(2026, 7, 1, 1, 0, tzinfo=UTC))
    assert event_when(when) == "Wednesday 1 July 2026, 00:30 to 02:00"


def test_the_night_the_clocks_change_shows_the_times_on_the_clock():
    # 31 March 2030: 00:30 GMT is 00:30 UTC; 03:00 summer time is 02:00 UTC.
    spring = event(
        datetime(2030, 3, 31, 0, 30, tzinfo=UTC), datetime(2030, 3, 31, 2, 0, tzinfo=UTC)
    )
    assert event_when(spring) == "Sunday 31 March 2030, 00:30 to 03:00"
    # 27 October 2030: 00:30 summer time is 23:30 UTC the day before; 03:00 GMT is 03:00 UTC.
    autumn = event(
        datetime(2030, 10, 26, 23, 30, tzinfo=UTC), datetime(2030, 10, 27, 3, 0, tzinfo=UTC)
    )
    assert event_when(autumn) == "Sunday 27 October 2030, 00:30 to 03:00"
