"""What the translation editor adds to wagtail-localize's own: the review panel, fewer links."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from wagtail_localize.views.edit_translation import user_can_edit_instance

from editorial.translation_review import may_publish_translations_directly, review_status

register = template.Library()


@register.inclusion_tag(
    "wagtail_localize/admin/includes/translation_review_panel.html", takes_context=True
)
def translation_review_panel(context, translation, instance):
    user = context["request"].user
    status = review_status(instance)
    return {
        **status,
        "language": translation.target_locale.get_display_name(),
        "submit_url": reverse("translation_submit_for_review", args=[translation.pk]),
        "can_submit": not status["in_review"] and user_can_edit_instance(user, instance),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def without_administrator_links(props, user):
    """The editor's settings, minus links that only site administrators may follow."""
    if may_publish_translations_directly(user):
        return props
    settings = json.loads(props)
    # Converting to an alias makes the page live at once (editorial.translation_routes).
    settings["links"]["convertToAliasUrl"] = None
    return json.dumps(settings, cls=DjangoJSONEncoder)
