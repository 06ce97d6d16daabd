import pytest


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PDU_PAGE_CACHE_SECONDS = 600


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (cache invalidation) as it would in use."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
