"""The member's own pages. The hub grows with what a member can do (saved items, bookings)."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse


@login_required
def hub(request):
    return TemplateResponse(request, "members/hub.html", {})
