from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = "Venues"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "postcode", "hearing_loop", "quiet_room"]
    search_fields = ["name"]


register_snippet(VenueViewSet)
