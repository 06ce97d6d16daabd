"""A developer's laptop: `make run`. Never use these settings on a server."""

from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-used-on-a-server"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
PDU_ALLOW_DEMO_CONTENT = True
# The demo's staff sign in with a password alone; PDU_STAFF_MFA_REQUIRED=true tries the real thing.
PDU_STAFF_MFA_REQUIRED = env_bool("PDU_STAFF_MFA_REQUIRED", False)

# Emails are printed in the terminal unless a mail server is configured.
if not env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Static files come straight from the app folders; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
