from .navigation import NavigationMenu, NavigationMenuItem
from .pages import HomePage, HomePageFeaturedWorkstream, StandardPage
from .people import Person
from .site_settings import SiteSettings

__all__ = [
    "HomePage",
    "HomePageFeaturedWorkstream",
    "NavigationMenu",
    "NavigationMenuItem",
    "Person",
    "SiteSettings",
    "StandardPage",
]
