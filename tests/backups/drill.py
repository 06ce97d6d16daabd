"""The restore drill of docs/operations.md: back up the demo site, restore the backup into a
brand-new database and media folder, and serve the same pages from it in a fresh interpreter."""

import hashlib
import json
import re

from django.test import Client
from wagtail.documents import get_document_model

from events.models import EventPage
from library.models import ResourcePage
from tests.site_tree import english_home
from tests.subprocess_django import run_python

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)

# Serves the given pages and document from whatever database DATABASE_URL names.
SERVE_PAGES = """
import hashlib, json, re, sys
import django
django.setup()
from django.test import Client

pages, document_url = json.loads(sys.argv[1])
client = Client()
served = {}
for path in pages:
    response = client.get(path)
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
    served[path] = [response.status_code, title.group(1).strip() if title else None]
response = client.get(document_url)
document = [response.status_code, hashlib.sha256(b"".join(response.streaming_content)).hexdigest()]
print(json.dumps({"pages": served, "document": document}))
"""

RESTORE = """
import sys
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "restore_site", *sys.argv[1:]])
"""


def pages_to_compare():
    """The home page, an event and a resource of the demo site, and a public document."""
    documents = get_document_model().objects.order_by("pk")
    return {
        "pages": [
            english_home().url,
            EventPage.objects.live().public().order_by("pk").first().url,
            ResourcePage.objects.live().public().order_by("pk").first().url,
        ],
        "document": documents.first().url,
    }


def serve_here(pages, document_url):
    """What the site serves now, from the database the tests use."""
    client = Client()
    served = {}
    for path in pages:
        response = client.get(path)
        title = TITLE.search(response.content.decode())
        served[path] = [response.status_code, title.group(1).strip() if title else None]
    response = client.get(document_url)
    digest = hashlib.sha256(b"".join(response.streaming_content)).hexdigest()
    return {"pages": served, "document": [response.status_code, digest]}


def with_arguments(code, *arguments):
    """`code` run as if with these command-line arguments (run_python takes code alone)."""
    return f"import sys\nsys.argv = ['-c', *{list(arguments)!r}]\n{code}"


def site_environment(database_url, media_root):
    """A server's environment pointing at the restored database and media folder."""
    return {
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "ALLOWED_HOSTS": "testserver",
        "EMAIL_HOST": "",
        "LOG_LEVEL": "WARNING",
    }


def restore_elsewhere(backup_folder, database_url, media_root, *options):
    return run_python(
        with_arguments(RESTORE, str(backup_folder), *options),
        "pdu_site.settings.dev",
        site_environment(database_url, media_root),
        timeout=180,
    )


def serve_elsewhere(pages, document_url, database_url, media_root):
    result = run_python(
        with_arguments(SERVE_PAGES, json.dumps([pages, document_url])),
        "pdu_site.settings.dev",
        site_environment(database_url, media_root),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
