"""Pages of search results come from the page cache, are still counted for the "Search terms"
report, and change as soon as the search index or a promoted result does."""

from django.urls import reverse
from modelsearch.tasks import insert_or_update_object_task
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from home.models import StandardPage
from page_cache.middleware import HEADER
from tests.library.factories import ResourceIndexPageFactory, ResourcePageFactory

SEARCH = "/search/"


def standard_page(home, title, **fields):
    return home.add_child(instance=StandardPage(title=title, **fields))


def searches(term):
    return sum(hits.hits for hits in QueryDailyHits.objects.filter(query__query_string=term))


def reindex_as_the_worker_does(page):
    """The task the worker runs some seconds after a page is saved."""
    insert_or_update_object_task.enqueue(page._meta.app_label, page._meta.model_name, str(page.pk))


def test_a_search_comes_from_the_cache_and_still_counts(client, home):
    standard_page(home, "Hostel life")

    first = client.get(SEARCH, {"q": "hostel"})
    second = client.get(SEARCH, {"q": "hostel"})

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert "Hostel life" in second.content.decode()
    assert searches("hostel") == 2
    # Paging through the same search is not a new search, from the cache or not.
    client.get(SEARCH, {"q": "hostel", "page": "2"})
    assert client.get(SEARCH, {"q": "hostel", "page": "2"})[HEADER] == "hit"
    assert searches("hostel") == 2


def test_signed_in_readers_search_afresh(client, home, member):
    standard_page(home, "Hostel life")
    client.get(SEARCH, {"q": "hostel"})
    client.force_login(member)
    assert client.get(SEARCH, {"q": "hostel"})[HEADER] == "bypass"


def test_a_newly_published_page_reaches_cached_search_results(client, home, committed):
    client.get(SEARCH, {"q": "naloxone"})
    assert client.get(SEARCH, {"q": "naloxone"})[HEADER] == "hit"

    with committed():
        page = standard_page(home, "Naloxone training", live=False)
        page.save_revision().publish()

    fresh = client.get(SEARCH, {"q": "naloxone"})
    assert fresh[HEADER].startswith("miss")
    assert "Naloxone training" in fresh.content.decode()


def test_cached_search_results_change_when_the_worker_updates_the_search_index(
    client, home, committed
):
    page = standard_page(home, "Training days", introduction="Sessions for hostel staff.")
    client.get(SEARCH, {"q": "naloxone"})
    # New words in the page, not yet in the search index (no signal, no task).
    StandardPage.objects.filter(pk=page.pk).update(introduction="Naloxone for hostel staff.")
    stale = client.get(SEARCH, {"q": "naloxone"})
    assert stale[HEADER] == "hit"
    assert "Training days" not in stale.content.decode()

    with committed():
        reindex_as_the_worker_does(page)

    fresh = client.get(SEARCH, {"q": "naloxone"})
    assert fresh[HEADER].startswith("miss")
    assert "Training days" in fresh.content.decode()


def test_a_new_promoted_result_reaches_cached_search_results(client, home, committed):
    contact = standard_page(home, "Contact the team")
    client.get(SEARCH, {"q": "helpline"})
    assert "Contact the team" not in client.get(SEARCH, {"q": "helpline"}).content.decode()

    with committed():
        SearchPromotion.objects.create(
            query=Query.get("helpline"), page=contact, description="Call us in office hours."
        )

    fresh = client.get(SEARCH, {"q": "helpline"})
    assert fresh[HEADER].startswith("miss")
    assert "Call us in office hours." in fresh.content.decode()


def test_a_cached_library_search_changes_when_the_search_index_does(client, home, committed):
    library = ResourceIndexPageFactory(parent=home)
    resource = ResourcePageFactory(parent=library, title="Toolkit", summary="For hostel staff.")
    client.get(library.url, {"q": "naloxone"})
    ResourcePageFactory._meta.model.objects.filter(pk=resource.pk).update(
        summary="Naloxone for hostel staff."
    )
    assert client.get(library.url, {"q": "naloxone"})[HEADER] == "hit"
    # Without a search, the library's pages do not wait on the search index.
    client.get(library.url)
    with committed():
        reindex_as_the_worker_does(resource)

    fresh = client.get(library.url, {"q": "naloxone"})
    assert fresh[HEADER].startswith("miss")
    assert "Toolkit" in fresh.content.decode()
    assert client.get(library.url)[HEADER] == "hit"


def test_the_suggestions_as_you_type_stay_out_of_the_shared_cache(client, home):
    standard_page(home, "Hostel life")
    response = client.get(reverse("search_suggest"), {"q": "hostel"})
    assert HEADER not in response
    assert "private" in response["Cache-Control"]


def test_behind_a_cdn_search_results_are_cached_here_only(client, home, settings):
    # The CDN would answer searches without counting them, and nobody purges them there.
    settings.PDU_CDN_CACHE_SECONDS = 300
    standard_page(home, "Hostel life")

    made = client.get(SEARCH, {"q": "hostel"})
    from_cache = client.get(SEARCH, {"q": "hostel"})

    assert from_cache[HEADER] == "hit"
    for response in (made, from_cache):
        assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert client.get(home.url)["Cache-Control"] == "public, max-age=0, s-maxage=300"
