"""Anonymous readers get pages from the shared cache; everyone else, and forms, never do."""

from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from editorial.roles import MEMBERS
from get_involved.models import GetInvolvedFormPage
from home.models import StandardPage
from page_cache.middleware import HEADER
from tests.get_involved.pages import make_form_page


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def standard_page(home, title, **fields):
    return home.add_child(instance=StandardPage(title=title, **fields))


def retitle_without_telling_the_cache(page, title):
    """Change the database behind the cache's back: only a fresh render can show this."""
    StandardPage.objects.filter(pk=page.pk).update(title=title)


def test_the_second_anonymous_view_comes_from_the_cache(client, home):
    page = standard_page(home, "About the PDU")

    first = client.get(page.url)
    second = client.get(page.url)

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "About the PDU" in second.content.decode()
    assert second["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_a_cached_page_is_really_not_rendered_again(client, home, django_assert_num_queries):
    page = standard_page(home, "About the PDU")
    client.get(page.url)
    retitle_without_telling_the_cache(page, "Changed behind the cache")

    with django_assert_num_queries(0):
        response = client.get(page.url)

    assert "About the PDU" in response.content.decode()


def test_each_address_with_its_query_is_cached_on_its_own(client, home):
    page = standard_page(home, "About the PDU")
    client.get(page.url)

    response = client.get(page.url, {"utm_source": "newsletter"})

    assert response[HEADER] == "miss"
    assert client.get(page.url, {"utm_source": "newsletter"})[HEADER] == "hit"


def test_signed_in_readers_always_get_a_fresh_page(client, home, member):
    page = standard_page(home, "About the PDU")
    client.get(page.url)
    retitle_without_telling_the_cache(page, "Fresh for members")

    client.force_login(member)
    response = client.get(page.url)

    assert "Fresh for members" in response.content.decode()
    assert response[HEADER] == "bypass"
    assert response["Cache-Control"] == "private, no-cache"


def test_a_reader_with_any_other_cookie_is_not_served_from_the_cache(client, home):
    page = standard_page(home, "About the PDU")
    client.get(page.url)
    retitle_without_telling_the_cache(page, "Fresh")
    client.cookies["sessionid"] = "someone-elses"

    assert "Fresh" in client.get(page.url).content.decode()


def test_the_csrf_and_language_cookies_alone_still_get_the_cached_page(client, home):
    page = standard_page(home, "About the PDU")
    client.get(page.url)
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["django_language"] = "pl"

    assert client.get(page.url)[HEADER] == "hit"


def test_pages_with_a_form_are_never_cached(client, home):
    form_page = make_form_page(home)
    assert isinstance(form_page, GetInvolvedFormPage)

    first = client.get(form_page.url)
    second = client.get(form_page.url)

    assert 'name="csrfmiddlewaretoken"' in second.content.decode()
    assert first[HEADER] == second[HEADER] == "bypass"
    assert {"private", "no-cache"} <= directives(second)


def test_members_only_pages_are_never_shared(client, home, member):
    page = standard_page(home, "Members' notes")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=MEMBERS)])

    assert client.get(page.url).status_code == 302  # to sign in
    client.force_login(member)
    response = client.get(page.url)

    assert response.status_code == 200
    assert response[HEADER] == "bypass"
    assert {"private", "no-cache"} <= directives(response)


def test_with_the_cache_off_nothing_is_stored(client, home, settings):
    settings.PDU_PAGE_CACHE_SECONDS = 0
    page = standard_page(home, "About the PDU")
    client.get(page.url)
    retitle_without_telling_the_cache(page, "Fresh")

    response = client.get(page.url)

    assert "Fresh" in response.content.decode()
    assert HEADER not in response
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_behind_a_cdn_shared_caches_may_keep_pages_for_a_while(client, home, settings):
    settings.PDU_CDN_CACHE_SECONDS = 300
    page = standard_page(home, "About the PDU")

    assert client.get(page.url)["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert client.get(page.url)["Cache-Control"] == "public, max-age=0, s-maxage=300"


def test_a_cached_page_keeps_the_security_headers_it_was_made_with(client, home):
    page = standard_page(home, "About the PDU")
    made = client.get(page.url)
    served = client.get(page.url)

    assert served[HEADER] == "hit"
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Content-Language",
    ):
        assert served[header] == made[header], header
    assert "default-src 'none'" in served["Content-Security-Policy"]


def test_password_protected_pages_are_never_shared(client, home):
    page = standard_page(home, "Steering group papers")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hostels-2026"
    )

    first = client.get(page.url)
    second = client.get(page.url)

    assert 'type="password"' in second.content.decode()  # the password form, not the page
    assert first[HEADER] == second[HEADER] == "bypass"
