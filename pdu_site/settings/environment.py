"""Small readers for settings that come from environment variables."""

import os
from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=()):
    """A comma-separated list, e.g. ALLOWED_HOSTS=pdu.example.org,www.pdu.example.org."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name, choices, default):
    """One of a few words, e.g. LOG_FORMAT=json."""
    value = env_str(name, default).lower()
    if value not in choices:
        allowed = ", ".join(choices)
        raise ImproperlyConfigured(f"{name} must be one of {allowed}, not {value!r}.")
    return value


def env_addresses(name):
    """People to email, e.g. PDU_ADMINS="Sam Jones <sam@example.org>, ops@example.org".

    Returns (name, address) pairs, the form Django's ADMINS takes.
    """
    people = []
    for person in env_list(name):
        display_name, address = parseaddr(person)
        if "@" not in address:
            raise ImproperlyConfigured(
                f"{name} must list email addresses like 'Name <name@example.org>', not {person!r}."
            )
        people.append((display_name or address, address))
    return people
