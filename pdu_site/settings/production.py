"""Production: safe by default, refuses to start without the configuration it needs."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, env_choice, env_int, env_str

DEBUG = False

# Django's own marker for a generated development key.
INSECURE_KEY_PREFIX = "django-insecure"

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Generate one with `python -c 'import secrets; "
        "print(secrets.token_urlsafe(64))'` and set it in the environment."
    )
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(INSECURE_KEY_PREFIX):  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is too short or a development key: use 50+ random characters."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set: list the site's domain names, comma-separated."
    )
if not env_str("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL is not set: production runs on PostgreSQL.")

# HTTPS only. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=true so Django
# trusts its X-Forwarded-Proto header (only ever behind a proxy that sets it).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading binds the whole parent domain to HTTPS for years: the domain's owner opts in.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Any http:// link left in content is fetched over HTTPS rather than blocked as mixed content.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
PDU_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or f"https://{ALLOWED_HOSTS[0]}"  # noqa: F405

# One JSON object per log line, for the host's log collector; LOG_FORMAT=text for plain lines.
LOG_FORMAT = env_choice("LOG_FORMAT", ["text", "json"], "json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405

# The worker backs up the database and uploaded files daily (docs/operations.md).
PDU_BACKUP_ENABLED = env_bool("PDU_BACKUP_ENABLED", True)
