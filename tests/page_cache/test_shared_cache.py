"""The page cache on Redis, as production runs it: pages and the versions of what they show
live in Redis, where every web process and the worker see them."""

import uuid

import pytest
import redis

from home.models import StandardPage
from page_cache.middleware import HEADER

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_page_cache(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not running at {REDIS_URL}")
    prefix = f"pdu-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    settings.PDU_PAGE_CACHE_ALIAS = "pages"
    yield prefix
    connection = redis.Redis.from_url(REDIS_URL)
    for key in connection.scan_iter(f"{prefix}:*"):
        connection.delete(key)


def test_pages_are_stored_in_redis_and_dropped_when_published(
    client, home, committed, redis_page_cache
):
    page = home.add_child(instance=StandardPage(title="Hostels"))
    client.get(page.url)
    assert client.get(page.url)[HEADER] == "hit"
    stored = redis.Redis.from_url(REDIS_URL).keys(f"{redis_page_cache}:*")
    assert any(b"pdu-page:" in key for key in stored)

    with committed():
        page.title = "Hostels and Housing First"
        page.save_revision().publish()

    response = client.get(page.url)
    assert response[HEADER].startswith("miss")
    assert "Hostels and Housing First" in response.content.decode()
