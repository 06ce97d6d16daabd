from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from library.models import Audience, ResourceType, Topic


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ResourceTypeViewSet(TermViewSet):
    model = ResourceType
    icon = "doc-full"


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class AudienceViewSet(TermViewSet):
    model = Audience
    icon = "group"


class LibraryVocabularyGroup(SnippetViewSetGroup):
    items = (ResourceTypeViewSet, TopicViewSet, AudienceViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Library terms"
    menu_order = 210


register_snippet(LibraryVocabularyGroup)
