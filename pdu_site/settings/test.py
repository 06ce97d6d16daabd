"""The test suite: fast, isolated, and with background tasks run straight away."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-with-enough-characters-to-look-real-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PDU_ALLOW_DEMO_CONTENT = True
# Most tests sign staff in directly; tests/staff_access switches the second factor on.
PDU_STAFF_MFA_REQUIRED = False

# Hashing passwords slowly is the point in production and a waste of minutes in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks (search indexing, reference index) run in the request, so tests see their effects.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Most tests check what a page shows after a change; tests/page_cache switches the cache on.
PDU_PAGE_CACHE_SECONDS = 0
PDU_CDN_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests that need administrators or backups set them up; a machine's own settings never leak in.
ADMINS = []
PDU_BACKUP_ENABLED = False
PDU_BACKUP_S3_BUCKET = ""
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="pdu-test-media-"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

# Static files come straight from the app folders; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Every test runs tasks inline; their progress lines would drown the output of a failing test.
LOGGING["loggers"]["django_tasks"] = {"level": "WARNING"}  # noqa: F405
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # noqa: F405

# Send search-term counts to the (immediate) task queue after every search, so tests see them.
SEARCH_TERMS_FLUSH_SECONDS = 0

# Machine translation in tests: wagtail-localize's offline dummy (it reverses the words).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
