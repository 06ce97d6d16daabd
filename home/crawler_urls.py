"""robots.txt, sitemap.xml and security.txt, at the root of the site whatever the language."""

from django.urls import path

from home.robots import robots_txt
from home.security_txt import security_txt
from home.sitemap import sitemap_xml

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
]
