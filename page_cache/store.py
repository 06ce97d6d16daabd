"""Cached pages and the versions of the tags they depend on, in Django's shared cache.

A tag's version is the time it last changed, in nanoseconds. A cached page keeps the versions
its tags had when it was stored, and is only served while they all still match. A page whose
tags changed while it was being rendered is not stored at all: it may show the old content.
"""

import hashlib
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

# Headers that belong to one response, not to the page.
UNSTORED_HEADERS = {"date", "set-cookie", "cache-control", "x-page-cache"}


def page_cache():
    return caches[settings.PDU_PAGE_CACHE_ALIAS]


def entry_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pdu-page:" + hashlib.sha256(address.encode()).hexdigest()


def tag_key(tag):
    return f"pdu-page-tag:{tag}"


def tag_versions(tags):
    found = page_cache().get_many([tag_key(tag) for tag in tags])
    return {tag: found.get(tag_key(tag)) for tag in tags}


def mark_changed(tags):
    """Record that every page depending on one of `tags` is out of date."""
    seconds = settings.PDU_PAGE_CACHE_SECONDS
    if not tags or not seconds:
        return
    now = time.time_ns()
    # A version only needs to outlive the pages stored before it changed.
    page_cache().set_many({tag_key(tag): now for tag in tags}, timeout=seconds + 60)


# Which tags each address's page had when last stored here, so one round trip to the cache
# fetches the page and the versions of its tags together. A guess: checked against the page.
_tags_last_seen = {}
TAGS_REMEMBERED = 10_000  # addresses; past that, start again rather than grow


class Hit(NamedTuple):
    response: HttpResponse
    note: object  # what the view left for each cached copy served (marks.py), or None
    cdn: bool  # whether a CDN may keep the page too


def fetch(request):
    """The cached page for this request (a Hit), or None if absent or out of date."""
    key = entry_key(request)
    tags = _tags_last_seen.get(key, ())
    found = page_cache().get_many([key, *(tag_key(tag) for tag in tags)])
    entry = found.get(key)
    if entry is None:
        return None
    if set(entry["tags"]) != set(tags):
        if len(_tags_last_seen) >= TAGS_REMEMBERED:
            _tags_last_seen.clear()
        _tags_last_seen[key] = tuple(entry["tags"])
        versions = tag_versions(entry["tags"])
    else:
        versions = {tag: found.get(tag_key(tag)) for tag in tags}
    if versions != entry["tags"]:
        return None
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return Hit(response, entry.get("note"), entry.get("cdn", True))


def save(request, response, tags, rendering_started, *, note=None, cdn=True):
    versions = tag_versions(tags)
    # Allow for clocks a little apart on different servers.
    if any(v is not None and v >= rendering_started - 1_000_000_000 for v in versions.values()):
        return False
    entry = {
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ],
        "content": response.content,
        "tags": versions,
        "note": note,
        "cdn": cdn,
    }
    page_cache().set(entry_key(request), entry, timeout=settings.PDU_PAGE_CACHE_SECONDS)
    return True
