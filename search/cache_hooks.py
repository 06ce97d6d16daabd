"""Pages of search results come from the page cache like other pages (search/views.py).

They go out of date when the search index changes, which happens in the worker some seconds
after a page is published (the tasks below), and when editors change a promoted result. A search
answered from the cache is still counted for the "Search terms" report.
"""

from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.contrib.search_promotions.models import SearchPromotion

from page_cache.marks import search_index_changed, served_from_cache
from search.analytics import record_search

# Background tasks that write to the search index.
INDEX_TASKS = {
    "modelsearch.tasks.insert_or_update_object_task",
    "library.tasks.extract_document_text",
    "library.tasks.reindex_pages_using_document",
}


def on_task_finished(sender, task_result, **kwargs):
    if task_result.task.module_path in INDEX_TASKS:
        search_index_changed()


def on_promotion_changed(sender, **kwargs):
    search_index_changed()


def count_cached_search(sender, request, note, **kwargs):
    if "search_term" in note:
        record_search(note["search_term"], had_results=note["had_results"])


def connect():
    task_finished.connect(on_task_finished, dispatch_uid="search_index_task_finished")
    for signal in (post_save, post_delete):
        signal.connect(
            on_promotion_changed, sender=SearchPromotion, dispatch_uid="search_promotion_changed"
        )
    served_from_cache.connect(count_cached_search, dispatch_uid="search_count_cached_search")
