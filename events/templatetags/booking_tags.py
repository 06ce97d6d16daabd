"""The member's bookings for the hub, which belongs to the members app and only includes them."""

from django import template

from events.booking_data import member_bookings

register = template.Library()


@register.simple_tag
def bookings_for(user):
    if not user.is_authenticated:
        return {"upcoming": [], "past": []}
    return member_bookings(user)
