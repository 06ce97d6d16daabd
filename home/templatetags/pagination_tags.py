from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag(takes_context=True)
def page_querystring(context, param, number):
    """The current query string with ?<param>=<number>, other parameters (filters) kept.

    Django's own {% querystring %} needs the parameter's name written in the template; a page
    with two paginated lists gives each list its own parameter.
    """
    return querystring(context, **{param: number})
