"""Every response tells the browser what it may load and do.

Public pages (visitors, members, the sign-in page) carry the strict Content Security Policy: no
inline code, no eval, nothing from other sites, never in a frame. The admin has its own policy,
which allows the inline code Wagtail still needs; visitors never receive it, and an editor on a
public page still gets the strict one. Served documents keep their own, stricter policy.
"""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from tests.pdu_site.test_settings import PRODUCTION, PRODUCTION_ENV
from tests.roles import PASSWORD, client_for
from tests.staff_access.sign_in import with_verified_email
from tests.subprocess_django import run_python

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"
PUBLIC_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "font-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
FEATURES_SWITCHED_OFF = ["camera", "microphone", "geolocation", "payment", "usb"]


def directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response[CSP].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def assert_strict_public_policy(response):
    assert directives(response) == PUBLIC_POLICY
    assert "unsafe" not in response[CSP]
    assert CSP + "-Report-Only" not in response


def assert_other_security_headers(response):
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in FEATURES_SWITCHED_OFF:
        assert f"{feature}=()" in permissions.split(", ")


def test_public_page_has_the_strict_policy_and_the_other_headers(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert home.title in response.content.decode()
    assert_strict_public_policy(response)
    assert_other_security_headers(response)


def test_the_pages_own_markup_needs_nothing_the_policy_forbids(client, home):
    html = client.get("/").content.decode()
    assert "style=" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no event-handler attributes
    scripts = html.count("<script")
    assert scripts == html.count("<script src=") > 0  # search suggestions, from a file


def test_email_change_page_hides_its_form_without_an_inline_style(member):
    # allauth's own template hides the pending-change form with style="display: none".
    with_verified_email(member)
    EmailAddress.objects.create(user=member, email="new@example.org", verified=False)
    response = client_for(member).get("/accounts/email/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "new@example.org" in html
    assert "<form hidden\n" in html and 'id="pending-email"' in html
    assert "style=" not in html
    assert_strict_public_policy(response)


def test_members_page_has_the_strict_policy(client, member):
    response = client.get("/accounts/hub/")
    assert response.status_code == 302  # visitors are sent to sign in
    response = client_for(member).get("/accounts/hub/")
    assert response.status_code == 200
    assert member.email in response.content.decode()
    assert_strict_public_policy(response)
    assert_other_security_headers(response)


def test_sign_in_page_has_the_strict_policy_and_http_only_cookies(client, member):
    with_verified_email(member)
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert_strict_public_policy(response)
    assert_other_security_headers(response)
    csrf_cookie = response.cookies["csrftoken"]
    assert csrf_cookie["httponly"] is True
    assert csrf_cookie["samesite"] == "Lax"

    response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["httponly"] is True
    assert session_cookie["samesite"] == "Lax"
    assert client.get("/accounts/hub/").status_code == 200


def test_document_download_keeps_its_own_stricter_policy(client, home):
    document = get_document_model()(
        title="Notes", file=ContentFile(b"Notes from the meeting.\n", name="notes.txt")
    )
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Notes from the meeting.\n"
    assert response[CSP] == "default-src 'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_admin_has_its_own_policy_for_staff(client, editor):
    response = client.get("/admin/")
    assert response.status_code == 302  # a visitor is sent to sign in, under the strict policy
    assert_strict_public_policy(client.get(response["Location"]))

    response = client_for(editor).get("/admin/")
    assert response.status_code == 200
    assert b"wagtail" in response.content
    admin = directives(response)
    # Wagtail's panels and widgets still write inline scripts and styles; nothing else is relaxed.
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response[CSP]
    assert admin["object-src"] == ["'none'"]
    assert admin["base-uri"] == ["'self'"]
    assert admin["form-action"] == ["'self'"]
    assert admin["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert_other_security_headers(response)


def test_admin_preview_may_be_framed_by_the_admin_only(editor, home):
    # Without form data the preview answers with its error page: the admin's policy, framable.
    response = client_for(editor).get(f"/admin/pages/{home.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    admin = directives(response)
    assert admin["frame-ancestors"] == ["'self'"]
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]


def test_a_previewed_page_carries_the_public_policy_framed_by_the_admin(editor, home):
    home.title = "Practice Development Unit (draft)"
    home.save_revision(user=editor)
    response = client_for(editor).get(f"/admin/pages/{home.pk}/view_draft/")
    assert response.status_code == 200
    assert "Practice Development Unit (draft)" in response.content.decode()
    # Rendered as visitors will see it (the public policy), framed by the admin only.
    assert directives(response) == {**PUBLIC_POLICY, "frame-ancestors": ["'self'"]}

    # A visitor cannot open the draft at all.
    assert Client().get(f"/admin/pages/{home.pk}/view_draft/").status_code == 302


def test_an_editor_on_a_public_page_gets_the_strict_policy(editor, home):
    response = client_for(editor).get("/")
    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()  # the editor's quick actions
    assert_strict_public_policy(response)


# Settings read from the environment: a fresh process each.

HEADERS_OVER_HTTPS = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="pdu.example.org", secure=True)
print(json.dumps({"status": response.status_code, **response.headers}))
"""


def test_production_headers_over_https():
    # /healthz answers without a database (503), through the same middleware as every page.
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://pdu@127.0.0.1:9/pdu"}
    result = run_python(HEADERS_OVER_HTTPS, PRODUCTION, env)
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])  # after any log lines
    assert headers["status"] == 503
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    policy = dict.fromkeys(headers["Content-Security-Policy"].split("; "))
    assert "upgrade-insecure-requests" in policy
    assert {"default-src 'none'", "script-src 'self'", "style-src 'self'"} <= policy.keys()
    assert "unsafe" not in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


COOKIE_FLAGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    cookie: [getattr(s, f"{cookie}_COOKIE_{flag}") for flag in ("SECURE", "HTTPONLY", "SAMESITE")]
    for cookie in ("SESSION", "CSRF", "LANGUAGE")
}))
"""


def test_production_cookies_are_secure_http_only_and_same_site():
    result = run_python(COOKIE_FLAGS, PRODUCTION, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "SESSION": [True, True, "Lax"],
        "CSRF": [True, True, "Lax"],
        "LANGUAGE": [True, True, "Lax"],
    }


POLICY_SOURCES = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "public": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "admin": settings.PDU_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
}))
"""


def media_sources(**env):
    result = run_python(POLICY_SOURCES, "pdu_site.settings.test", env)
    assert result.returncode == 0, result.stderr
    policies = json.loads(result.stdout)
    return {
        (name, directive): sources
        for name, policy in policies.items()
        for directive, sources in policy.items()
        if directive in ("img-src", "media-src")
    }


def test_media_from_a_bucket_are_allowed_from_its_host_only():
    local = media_sources()
    assert local[("public", "img-src")] == ["'self'", "data:"]

    endpoint = media_sources(
        AWS_STORAGE_BUCKET_NAME="pdu-media",
        AWS_S3_ENDPOINT_URL="https://s3.eu-central-003.example.net/",
    )
    for sources in endpoint.values():
        assert sources[-1] == "https://s3.eu-central-003.example.net"

    aws = media_sources(AWS_STORAGE_BUCKET_NAME="pdu-media", AWS_S3_REGION_NAME="eu-west-2")
    assert aws[("public", "img-src")] == [
        "'self'",
        "data:",
        "https://pdu-media.s3.amazonaws.com",
        "https://pdu-media.s3.eu-west-2.amazonaws.com",
    ]
    assert aws[("admin", "media-src")][-1] == "https://pdu-media.s3.eu-west-2.amazonaws.com"
