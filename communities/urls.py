"""The member's side of a Community of Practice: asking to join and leaving (POST only)."""

from django.urls import path

from communities import membership_views

app_name = "communities"

urlpatterns = [
    path("<int:community_id>/join/", membership_views.ask_to_join, name="ask_to_join"),
    path("<int:community_id>/leave/", membership_views.leave, name="leave"),
]
