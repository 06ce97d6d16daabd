"""/.well-known/security.txt tells security researchers where to report a problem (RFC 9116)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def fields(response):
    return dict(line.split(": ", 1) for line in response.content.decode().splitlines())


def test_security_txt_gives_the_teams_address_and_a_near_expiry(client, site_tree):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "enquiries@pdunottingham.org"
    settings.save()

    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found["Contact"] == "mailto:enquiries@pdunottingham.org"
    assert found["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.datetime.fromisoformat(found["Expires"])
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)


def test_without_a_contact_address_there_is_no_security_txt(client, site_tree):
    assert client.get("/.well-known/security.txt").status_code == 404
