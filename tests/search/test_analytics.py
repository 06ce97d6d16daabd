"""Search terms: counted in the background, reported to editors, deleted after 90 days."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.analytics import redact
from search.models import SearchWithoutResults
from search.tasks import record_search_term
from tests.roles import client_for as signed_in

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/search-terms/"


def searches(term):
    return sum(hits.hits for hits in QueryDailyHits.objects.filter(query__query_string=term))


def misses(term):
    return sum(row.count for row in SearchWithoutResults.objects.filter(query__query_string=term))


def test_each_search_counts_a_hit_and_empty_ones_a_miss(client, make_page):
    make_page("Hostel life", introduction="Hostels.")
    client.get("/search/", {"q": "Hostel"})
    client.get("/search/", {"q": "  hostel  "})
    client.get("/search/", {"q": "hostel", "page": "2"})  # paging is not a new search
    client.get("/search/", {"q": "zebracrossing"})
    client.get("/search/", {"q": "zebracrossing"})
    client.get("/search/", {"q": ""})
    assert searches("hostel") == 2
    assert misses("hostel") == 0
    assert searches("zebracrossing") == 2
    assert misses("zebracrossing") == 2
    assert not Query.objects.filter(query_string="").exists()
    assert QueryDailyHits.objects.count() == 2  # one row per term per day


def test_a_search_writes_nothing_until_the_buffer_is_sent(client, make_page, settings):
    from django_tasks_db.models import DBTaskResult

    from search.analytics import buffer
    from search.tasks import record_search_terms

    make_page("Hostel life", introduction="Hostels.")  # indexed straight away
    buffer.send()  # start from an empty buffer
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_TERMS_FLUSH_SECONDS = 60

    for query in ("hostel", "hostel", "zebracrossing"):
        client.get("/search/", {"q": query})

    assert not DBTaskResult.objects.exists()
    assert not QueryDailyHits.objects.exists()
    buffer.send()  # what happens after a minute, or when the process stops
    queued = DBTaskResult.objects.get(task_path=record_search_terms.module_path)
    _date, counts = queued.args_kwargs["args"]
    assert sorted(map(tuple, counts)) == [("hostel", 2, 0), ("zebracrossing", 1, 1)]


def test_the_task_adds_to_daily_counters():
    today = timezone.localdate().isoformat()
    for _ in range(3):
        record_search_term.call("naloxone", False, today)
    record_search_term.call("naloxone", True, today)
    assert searches("naloxone") == 4
    assert misses("naloxone") == 3
    assert SearchWithoutResults.objects.count() == 1


def test_personal_details_are_redacted_before_storing():
    assert redact("sam.jones@example.org housing") == "[email] housing"
    assert redact("call 0115 496 0000 today") == "call [number] today"
    assert redact("NI AB123456C") == "NI AB123456C"  # letters keep it below the threshold


def test_report_lists_top_terms_and_terms_that_found_nothing(editor, reviewer, administrator):
    today = timezone.localdate().isoformat()
    for _ in range(3):
        record_search_term.call("housing first", True, today)
    record_search_term.call("zebracrossing", False, today)
    long_ago = (timezone.localdate() - datetime.timedelta(days=40)).isoformat()
    record_search_term.call("old term", True, long_ago)
    for user in (editor, reviewer, administrator):
        html = signed_in(user).get(REPORT).content.decode()
        assert "Search terms" in html
        assert html.index("housing first") < html.index("zebracrossing")
        assert "old term" not in html
    nothing_found = signed_in(editor).get(REPORT, {"no_results": "true"}).content.decode()
    assert "zebracrossing" in nothing_found
    assert "housing first" not in nothing_found
    csv = signed_in(editor).get(REPORT, {"export": "csv"})
    assert csv.status_code == 200
    assert b"housing first,3,0" in b"".join(csv.streaming_content)


def test_report_is_in_the_reports_menu_for_editors(editor):
    html = signed_in(editor).get("/admin/").content.decode()
    assert REPORT in html


def test_report_is_closed_to_members_and_visitors(client, member):
    record_search_term.call("private term", True, timezone.localdate().isoformat())
    for visitor in (client, signed_in(member)):
        response = visitor.get(REPORT)
        assert response.status_code in (302, 403)
        assert b"private term" not in response.content


def test_prune_deletes_counts_older_than_90_days():
    today = timezone.localdate()
    record_search_term.call("recent", False, (today - datetime.timedelta(days=89)).isoformat())
    record_search_term.call("expired", False, (today - datetime.timedelta(days=91)).isoformat())
    call_command("prune_search_terms", verbosity=0)
    assert searches("recent") == 1 and misses("recent") == 1
    assert not Query.objects.filter(query_string="expired").exists()
    assert not SearchWithoutResults.objects.filter(query__query_string="expired").exists()
