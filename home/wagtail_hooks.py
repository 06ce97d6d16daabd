from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import NavigationMenu, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "lived_experience"]
    list_filter = ["lived_experience"]
    search_fields = ["name", "organisation"]


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = "Main menu"


register_snippet(PersonViewSet)
register_snippet(NavigationMenuViewSet)
