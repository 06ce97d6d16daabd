"""Settings shared by every environment.

Everything that differs between machines comes from environment variables (see the README).
The defaults here are the safe ones; dev.py relaxes them for a developer's laptop.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from .environment import env_addresses, env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo content and demo users may only be loaded where this is switched on (dev and test).
PDU_ALLOW_DEMO_CONTENT = False

INSTALLED_APPS = [
    # The site's own apps, one concern each.
    "home",
    "workstreams",
    "communities",
    "events",
    "library",
    "search",
    "members",
    "elearning",
    "get_involved",
    "staff_access",
    "task_health",
    "backups",
    "page_cache",
    # Accounts: sign-up, sign-in, email addresses (members and staff alike).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Wagtail and its contrib apps.
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After Wagtail's apps: its ready() replaces Wagtail's review email handlers.
    "editorial",
    "modelcluster",
    "taggit",
    # Background work: Wagtail's own tasks run in `manage.py db_worker`.
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: an anonymous reader's page comes straight from the cache, with the headers every
    # middleware below gave it when it was made (security headers included).
    "page_cache.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security_headers.content_security_policy.ContentSecurityPolicyMiddleware",
    "security_headers.permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "staff_access.middleware.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "pdu_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.i18n",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "pdu_site.wsgi.application"

# Database: DATABASE_URL, e.g. postgres://user:password@host:5432/pdu. Without it, a SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections, checked before reuse so a database restart costs no request.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write at once: WAL lets readers carry on while one writes,
    # and IMMEDIATE transactions queue writers instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    # Fail fast (and let /healthz answer 503) rather than hang when the server is unreachable.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5)
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# One sign-in page for everyone: members, staff (the admin's own sign-in form is never used, so it
# cannot skip the second factor), and visitors sent there by a members-only page.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:hub"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# Passwords and email addresses are changed and reset in the account pages (allauth), for staff too.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# Second factor (allauth MFA): an authenticator app, with recovery codes for a lost phone. Required
# for everyone with access to the admin unless PDU_STAFF_MFA_REQUIRED=false (staff_access app).
PDU_STAFF_MFA_REQUIRED = env_bool("PDU_STAFF_MFA_REQUIRED", True)
MFA_ADAPTER = "staff_access.mfa_adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "PDU Hub"
# Tell people by email when their password, email addresses or second factor change.
ACCOUNT_EMAIL_NOTIFICATIONS = True

# Accounts (django-allauth). Email is the sign-in name; it must be verified before first sign-in.
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "members.forms.SignupForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# A signed-in visitor sent to sign in by a page they may not open sees why, not a redirect.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
# Bots fill in every field; people never see this one.
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "PDU Hub: "
# allauth's rate limits. Failed sign-ins (passwords, and second-factor codes): 10 a minute and 50
# an hour from one address, 5 per account in 5 minutes. Only failures count.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,50/h/ip,5/300s/key",
    "signup": "5/m/ip,20/h/ip",
}

# Behind a reverse proxy every request comes from the proxy's address. Name the header the proxy
# sets to the visitor's address (nginx: X-Real-IP) so rate limits count visitors, not the proxy.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = CLIENT_IP_HEADER or None

# How long personal data is kept (members/retention.py; the privacy notice states these).
PDU_FORM_SUBMISSION_RETENTION_DAYS = env_int("PDU_FORM_SUBMISSION_RETENTION_DAYS", 730)
PDU_INACTIVE_ACCOUNT_RETENTION_DAYS = env_int("PDU_INACTIVE_ACCOUNT_RETENTION_DAYS", 3 * 365)
PDU_INACTIVE_ACCOUNT_WARNING_DAYS = env_int("PDU_INACTIVE_ACCOUNT_WARNING_DAYS", 30)
# Get-involved forms: submissions allowed per address (django-ratelimit's rate syntax).
PDU_FORM_RATE_LIMIT = env_str("PDU_FORM_RATE_LIMIT", "5/h")
# Bookings and cancellations one member may make (django-ratelimit syntax).
PDU_BOOKING_RATE_LIMIT = env_str("PDU_BOOKING_RATE_LIMIT", "20/h")

# Internationalisation. English is the main language, served without a prefix; the others are
# Nottingham community languages, served under /pl/, /ro/, /ur/ and /ar/. A site may switch some
# off with PDU_LANGUAGES (codes from KNOWN_LANGUAGES; English is always on). Urdu and Arabic are
# written right to left: Django knows, and templates set dir="rtl" for them.
LANGUAGE_CODE = "en-gb"
KNOWN_LANGUAGES = {
    "en-gb": _("English"),
    "pl": _("Polish"),
    "ro": _("Romanian"),
    "ur": _("Urdu"),
    "ar": _("Arabic"),
}
_chosen_languages = env_list("PDU_LANGUAGES", KNOWN_LANGUAGES)
LANGUAGES = [
    (code, name)
    for code, name in KNOWN_LANGUAGES.items()
    if code == LANGUAGE_CODE or code in _chosen_languages
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/London"
USE_TZ = True

# Static files are plain CSS and JS with no build step; whitenoise serves them.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible media (AWS, Backblaze, MinIO...) when a bucket is named. Files stay private in
# the bucket; the site hands out short-lived signed links.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Cache: Redis when REDIS_URL is set (shared by every web process), else this process's memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pdu",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous page views come from the cache for up to PDU_PAGE_CACHE_SECONDS, and are dropped as
# soon as what they show changes (page_cache app, docs/deployment.md). On by default with Redis;
# off without it, since each process's own memory would not hear of changes made in another.
PDU_PAGE_CACHE_SECONDS = env_int("PDU_PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)
PDU_PAGE_CACHE_ALIAS = "default"

# A CDN in front (optional). Wagtail purges a page from it when the page is published or
# unpublished; other pages that show it are refreshed after PDU_CDN_CACHE_SECONDS.
PDU_CDN = env_choice("PDU_CDN", ["", "cloudflare", "cloudfront", "http"], "")
WAGTAILFRONTENDCACHE = {}
if PDU_CDN == "cloudflare":
    WAGTAILFRONTENDCACHE["cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
elif PDU_CDN == "cloudfront":
    WAGTAILFRONTENDCACHE["cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
elif PDU_CDN == "http":  # Varnish, or nginx with a purge module
    WAGTAILFRONTENDCACHE["cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
PDU_CDN_CACHE_SECONDS = env_int("PDU_CDN_CACHE_SECONDS", 300 if PDU_CDN else 0)

# Email: SMTP. Without EMAIL_HOST, a mail server on this machine (Django's default).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "PDU Hub <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who hears about errors and failed backups: PDU_ADMINS="Sam Jones <sam@example.org>, ...".
ADMINS = env_addresses("PDU_ADMINS")
EMAIL_SUBJECT_PREFIX = "[PDU Hub] "

# Background work. The database-backed queue needs no extra service; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Wagtail.
WAGTAIL_SITE_NAME = "PDU Hub"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "library.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "library.CustomDocument"
# Documents always pass through Wagtail's view, so privacy settings are checked on every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Served files: only PDFs open in the browser, inside a sandbox; everything else downloads
# (library/document_serving.py adds the headers).
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_CONTENT_TYPES = {"vtt": "text/vtt", "csv": "text/csv", "txt": "text/plain"}

# Uploads. Documents are checked by their contents as well as their names, in every admin upload
# form (library/upload_checks.py, library/document_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "library.document_forms.CheckedDocumentForm"
# The kinds of document accepted, each with its largest size in MB. Recordings (MP4, MP3 and
# WebVTT captions) are the big ones; PDU_UPLOAD_MAX_VIDEO_MB changes the MP4 limit (the web server
# in front must accept request bodies that big too).
PDU_UPLOAD_MAX_MB = {
    "pdf": 50,
    "docx": 25,
    "odt": 25,
    "xlsx": 25,
    "ods": 25,
    "pptx": 100,
    "odp": 100,
    "txt": 5,
    "csv": 10,
    "mp4": env_int("PDU_UPLOAD_MAX_VIDEO_MB", 500),
    "mp3": 100,
    "vtt": 1,
}
WAGTAILDOCS_EXTENSIONS = list(PDU_UPLOAD_MAX_MB)
# The admin's uploader refuses anything over the largest limit before sending it.
WAGTAILDOCS_MAX_UPLOAD_SIZE = max(PDU_UPLOAD_MAX_MB.values()) * 1024 * 1024
# No SVG: an SVG is a document that can carry scripts, not just a picture.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# A small PNG can decode to an enormous bitmap: cap pixels well below Wagtail's 128 million.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Search: the database's own full text (PostgreSQL with English stemming; SQLite for `make run`),
# or OpenSearch when OPENSEARCH_URL is set (install opensearch-py; then `manage.py update_index`).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"},
}
OPENSEARCH_URL = env_str("OPENSEARCH_URL")
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": [OPENSEARCH_URL],
        "INDEX": env_str("OPENSEARCH_INDEX", "pdu"),
        "TIMEOUT": 10,
        "AUTO_UPDATE": True,
    }
# New translations start as drafts, so they go through review like everything else.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation gives translators a first draft in wagtail-localize's editor. Off unless
# PDU_MACHINE_TRANSLATOR is "deepl" (needs DEEPL_API_KEY) or "libretranslate" (needs
# LIBRETRANSLATE_URL, and LIBRETRANSLATE_API_KEY if the server asks for one).
PDU_MACHINE_TRANSLATOR = env_str("PDU_MACHINE_TRANSLATOR").lower()
if PDU_MACHINE_TRANSLATOR == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env_str("DEEPL_API_KEY")},
    }
elif PDU_MACHINE_TRANSLATOR == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env_str("LIBRETRANSLATE_URL"),
            "API_KEY": env_str("LIBRETRANSLATE_API_KEY"),
        },
    }
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Security defaults that hold everywhere; production.py adds the HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail lets its own preview frames through
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content Security Policy (security_headers/content_security_policy.py, docs/security.md).
# Public pages load scripts, styles and fonts from the site alone: no inline code, no eval.
# Nothing is embedded from elsewhere (videos are links), so no frames. Images are the site's,
# data: URIs (the QR code when staff set up their second factor), and the media bucket's.
_media_origins = []
if AWS_STORAGE_BUCKET_NAME:
    # Signed links point at the endpoint itself (path style), or at the bucket's own host on AWS.
    _endpoint = urlsplit(env_str("AWS_S3_ENDPOINT_URL"))
    if _endpoint.netloc:
        _media_origins = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
    else:
        _region = env_str("AWS_S3_REGION_NAME")
        _media_origins = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if _region:
            _media_origins.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_region}.amazonaws.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "font-src": [SELF],
        "img-src": [SELF, "data:", *_media_origins],
        "media-src": [SELF, *_media_origins],
        "connect-src": [SELF],  # search suggestions
        "manifest-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's previews are framed by the admin: the middleware allows 'self' for them.
        "frame-ancestors": [NONE],
    },
}
# Wagtail's admin (and the previews it frames) still needs inline scripts (panels, date pickers,
# the translation editor) and inline styles; no eval, nothing from other sites.
PDU_ADMIN_CONTENT_SECURITY_POLICY = {
    "PATH_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *_media_origins],
        "media-src": [SELF, *_media_origins],
        "frame-src": [SELF],  # the preview panel
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],  # previews: as above
    },
}
# The admin's dashboard would otherwise ask wagtail.org for new releases from the browser.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Browser features no page uses (security_headers/permissions_policy.py).
PDU_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Logs go to standard output: lines of text, or with LOG_FORMAT=json (production's default) one
# JSON object per line for a log collector. Unhandled errors are also emailed to ADMINS.
LOG_FORMAT = env_choice("LOG_FORMAT", ["text", "json"], "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "pdu_site.log_formats.JsonLogFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
        },
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Passed on to the console too; only errors (a failed request) are emailed.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
    },
}

# Error reports to Sentry (or a compatible service) when SENTRY_DSN is set. No personal data:
# no cookies, user details or IP addresses are sent.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        send_default_pii=False,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=env_str("SENTRY_RELEASE") or None,
    )

# Backups (backups app, docs/operations.md): the database and uploaded files, daily by the worker
# when PDU_BACKUP_ENABLED (production's default), or `manage.py backup_site`.
PDU_BACKUP_ENABLED = env_bool("PDU_BACKUP_ENABLED", False)
# Not BASE_DIR / "backups": that is the app's own code.
PDU_BACKUP_DIR = Path(env_str("PDU_BACKUP_DIR") or BASE_DIR / "site-backups")
PDU_BACKUP_KEEP_DAYS = env_int("PDU_BACKUP_KEEP_DAYS", 14)
# An off-site copy of each backup, in an S3-compatible bucket (keys: AWS_ACCESS_KEY_ID etc.).
PDU_BACKUP_S3_BUCKET = env_str("PDU_BACKUP_S3_BUCKET")
PDU_BACKUP_S3_ENDPOINT_URL = env_str("PDU_BACKUP_S3_ENDPOINT_URL")

# No avatars from Gravatar: it would send a hash of each staff email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Search term counts are kept 90 days (see search/retention.py).
WAGTAILSEARCH_HITS_MAX_AGE = 90

# Approving a review publishes as the approver without a permission to publish directly.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.approval.publish_approved_content"
WAGTAIL_WORKFLOW_ENABLED = True
# Approving publishes the latest version, which the approver sees; whoever changed it last cannot
# be the one to approve it (editorial.models.ApprovalByAnotherReviewerTask).
