"""The dates and times of a series of meetings, across months, years and the clock changes."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from communities.series import (
    Frequency,
    SeriesError,
    describe_frequency,
    meeting_dates,
    meeting_times,
    series_problems,
    series_times,
    weekday_position,
)

LONDON = ZoneInfo("Europe/London")
TUESDAY = 1


def test_weekly_meetings_fall_seven_days_apart():
    dates = meeting_dates(date(2027, 4, 6), Frequency.WEEKLY, 4)
    assert dates == [date(2027, 4, 6), date(2027, 4, 13), date(2027, 4, 20), date(2027, 4, 27)]


def test_fortnightly_meetings_fall_fourteen_days_apart_across_the_year_end():
    dates = meeting_dates(date(2027, 12, 14), Frequency.FORTNIGHTLY, 3)
    assert dates == [date(2027, 12, 14), date(2027, 12, 28), date(2028, 1, 11)]


def test_monthly_by_position_keeps_the_second_tuesday_whatever_its_date():
    # 13 April 2027 is the second Tuesday of April.
    dates = meeting_dates(date(2027, 4, 13), Frequency.MONTHLY_WEEKDAY, 12)

    assert len(dates) == 12
    assert dates[:4] == [date(2027, 4, 13), date(2027, 5, 11), date(2027, 6, 8), date(2027, 7, 13)]
    assert dates[-1] == date(2028, 3, 14)
    for day in dates:
        assert day.weekday() == TUESDAY
        assert weekday_position(day) == 2


def test_monthly_by_position_works_for_the_fourth_weekday_too():
    # 28 January 2027 is the fourth Thursday; February 2027 has its fourth Thursday on the 25th.
    dates = meeting_dates(date(2027, 1, 28), Frequency.MONTHLY_WEEKDAY, 3)
    assert dates == [date(2027, 1, 28), date(2027, 2, 25), date(2027, 3, 25)]


def test_monthly_by_date_keeps_the_day_of_the_month():
    dates = meeting_dates(date(2027, 11, 14), Frequency.MONTHLY_DATE, 4)
    assert dates == [date(2027, 11, 14), date(2027, 12, 14), date(2028, 1, 14), date(2028, 2, 14)]


def test_every_two_months_by_position_skips_a_month_each_time():
    # 2 March 2027 is the first Tuesday.
    dates = meeting_dates(date(2027, 3, 2), Frequency.BIMONTHLY_WEEKDAY, 4)
    assert dates == [date(2027, 3, 2), date(2027, 5, 4), date(2027, 7, 6), date(2027, 9, 7)]


@pytest.mark.parametrize("frequency", [Frequency.MONTHLY_WEEKDAY, Frequency.BIMONTHLY_WEEKDAY])
def test_a_fifth_weekday_is_refused_because_most_months_have_none(frequency):
    # 30 March 2027 is the fifth Tuesday of March.
    with pytest.raises(SeriesError) as refusal:
        meeting_dates(date(2027, 3, 30), frequency, 6)

    assert refusal.value.field == "first_date"
    assert "Choose a date in the first four weeks of the month, or a monthly-on-date series" in (
        refusal.value.message
    )


def test_a_fifth_weekday_is_fine_for_a_weekly_series():
    assert meeting_dates(date(2027, 3, 30), Frequency.WEEKLY, 2) == [
        date(2027, 3, 30),
        date(2027, 4, 6),
    ]


def test_monthly_by_date_refuses_a_day_some_months_do_not_have():
    with pytest.raises(SeriesError) as refusal:
        meeting_dates(date(2027, 1, 31), Frequency.MONTHLY_DATE, 3)
    assert refusal.value.field == "first_date"
    assert "Not every month has a day 31" in refusal.value.message


@pytest.mark.parametrize("count", [1, 24])
def test_from_one_to_twenty_four_meetings_can_be_made(count):
    assert len(meeting_dates(date(2027, 4, 6), Frequency.WEEKLY, count)) == count


@pytest.mark.parametrize("count", [0, -1, 25, 100])
def test_other_numbers_of_meetings_are_refused(count):
    with pytest.raises(SeriesError) as refusal:
        meeting_dates(date(2027, 4, 6), Frequency.WEEKLY, count)
    assert refusal.value.field == "count"


def test_ten_oclock_stays_ten_oclock_across_the_march_clock_change():
    # Clocks go forward on Sunday 28 March 2027: the 23rd is GMT, the 30th is BST.
    before, after = series_times(date(2027, 3, 23), Frequency.WEEKLY, 2, time(10), time(12, 30))

    assert before.start.astimezone(LONDON).time() == time(10)
    assert after.start.astimezone(LONDON).time() == time(10)
    assert before.start.utcoffset() == timedelta(0)
    assert after.start.utcoffset() == timedelta(hours=1)
    assert before.start.astimezone(UTC) == datetime(2027, 3, 23, 10, tzinfo=UTC)
    assert after.start.astimezone(UTC) == datetime(2027, 3, 30, 9, tzinfo=UTC)
    assert after.end.astimezone(UTC) == datetime(2027, 3, 30, 11, 30, tzinfo=UTC)


def test_ten_oclock_stays_ten_oclock_across_the_october_clock_change():
    # Clocks go back on Sunday 31 October 2027: the 12th of October is BST, of November GMT.
    october, november = series_times(
        date(2027, 10, 12), Frequency.MONTHLY_WEEKDAY, 2, time(10), time(12)
    )

    assert november.start.date() == date(2027, 11, 9)
    assert october.start.astimezone(LONDON).time() == time(10)
    assert november.start.astimezone(LONDON).time() == time(10)
    assert october.start.astimezone(UTC) == datetime(2027, 10, 12, 9, tzinfo=UTC)
    assert november.start.astimezone(UTC) == datetime(2027, 11, 9, 10, tzinfo=UTC)


def test_times_default_to_the_sites_uk_time_zone():
    (meeting,) = meeting_times([date(2027, 7, 6)], time(18), time(19, 30))
    assert meeting.start.astimezone(UTC) == datetime(2027, 7, 6, 17, tzinfo=UTC)


@pytest.mark.parametrize("end", [time(10), time(9, 30)])
def test_an_end_at_or_before_the_start_is_refused(end):
    with pytest.raises(SeriesError) as refusal:
        meeting_times([date(2027, 4, 6)], time(10), end)
    assert refusal.value.field == "end_time"


def test_a_time_skipped_when_the_clocks_go_forward_is_refused():
    with pytest.raises(SeriesError) as refusal:
        meeting_times([date(2027, 3, 28)], time(1, 30), time(3))
    assert refusal.value.field == "start_time"
    assert "the clocks go forward" in refusal.value.message


@pytest.mark.parametrize(
    ("first", "frequency", "words"),
    [
        (date(2027, 4, 13), Frequency.MONTHLY_WEEKDAY, "Every month on the second Tuesday"),
        (date(2027, 3, 2), Frequency.BIMONTHLY_WEEKDAY, "Every 2 months on the first Tuesday"),
        (date(2027, 11, 14), Frequency.MONTHLY_DATE, "Every month on day 14"),
        (date(2027, 4, 6), Frequency.FORTNIGHTLY, "Every 2 weeks on Tuesday"),
        (date(2027, 4, 8), Frequency.WEEKLY, "Every week on Thursday"),
    ],
)
def test_the_pattern_is_described_from_the_first_date(first, frequency, words):
    assert describe_frequency(first, frequency) == words


def test_every_problem_is_found_at_once_so_none_is_hidden_behind_another():
    problems = series_problems(
        first=date(2027, 3, 30),  # a fifth Tuesday
        frequency=Frequency.MONTHLY_WEEKDAY,
        count=30,
        start_time=time(10),
        end_time=time(9),
    )
    assert sorted(problem.field for problem in problems) == ["count", "end_time", "first_date"]


def test_answers_not_given_yet_are_not_checked():
    assert series_problems(first=date(2027, 3, 30), count=3) == []


def test_a_first_meeting_that_has_already_started_is_refused():
    yesterday = date.today() - timedelta(days=1)
    (problem,) = series_problems(first=yesterday, start_time=time(10))
    assert problem.field == "first_date"
    assert "must be in the future" in problem.message
