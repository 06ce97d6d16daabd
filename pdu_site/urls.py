from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from home.page_passwords import page_password
from home.views import healthz
from search.views import search_view, suggest_view
from staff_access.views import admin_login

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Before the admin's own URLs: its sign-in form would skip the second factor.
    path("admin/login/", admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, files served with the site's own headers.
    path("documents/", include("library.document_serving")),
    path("", include("home.crawler_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Only images are served straight from the media folder, even in development: documents
    # always go through Wagtail's view, which checks their privacy.
    urlpatterns += static(
        settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images"
    )

# Public pages carry their language in the URL (/pl/...); English, the default, has no prefix.
urlpatterns += i18n_patterns(
    path("search/", search_view, name="search"),
    path("search/suggest/", suggest_view, name="search_suggest"),
    # The member's own pages, then allauth's sign-up, sign-in, email and password views.
    path("accounts/", include("members.urls")),
    path("accounts/communities/", include("communities.urls")),
    path("accounts/bookings/", include("events.booking_urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("events.urls")),
    # Wagtail's page password form, with its return address checked first (home/page_passwords.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
