"""How production switches the page cache and a CDN on, from environment variables."""

import json

from tests.pdu_site.test_settings import PRODUCTION, PRODUCTION_ENV
from tests.subprocess_django import run_python

READ_CACHE_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "page_cache_seconds": s.PDU_PAGE_CACHE_SECONDS,
    "cdn_seconds": s.PDU_CDN_CACHE_SECONDS,
    "purges": {name: c["BACKEND"] for name, c in s.WAGTAILFRONTENDCACHE.items()},
    "purge_app": "wagtail.contrib.frontend_cache" in s.INSTALLED_APPS,
}))
"""


def cache_settings(**env):
    result = run_python(READ_CACHE_SETTINGS, PRODUCTION, {**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_with_redis_anonymous_pages_are_cached_ten_minutes_and_no_cdn_is_assumed():
    assert cache_settings(REDIS_URL="redis://127.0.0.1:6379/1") == {
        "page_cache_seconds": 600,
        "cdn_seconds": 0,
        "purges": {},
        "purge_app": False,
    }


def test_without_redis_there_is_no_page_cache_to_go_stale_in_one_process():
    assert cache_settings()["page_cache_seconds"] == 0


def test_a_cdn_is_purged_by_wagtail_and_keeps_pages_five_minutes():
    found = cache_settings(
        REDIS_URL="redis://127.0.0.1:6379/1",
        PDU_CDN="cloudflare",
        CLOUDFLARE_BEARER_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
    )
    assert found == {
        "page_cache_seconds": 600,
        "cdn_seconds": 300,
        "purges": {"cdn": "wagtail.contrib.frontend_cache.backends.CloudflareBackend"},
        "purge_app": True,
    }
