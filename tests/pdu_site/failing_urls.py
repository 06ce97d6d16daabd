"""The site's URLs plus one page that fails, to see what an unhandled error does."""

from django.urls import path

from pdu_site.urls import urlpatterns as site_urlpatterns


def broken_page(request):
    raise RuntimeError("The venue lookup fell over")


urlpatterns = [path("broken-page/", broken_page), *site_urlpatterns]
