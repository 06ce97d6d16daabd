"""Booking a place and cancelling it: member's actions, so they live under /accounts/bookings/.

Under the member's area they can never hide a page, whatever editors call an events index. The
URL names stay the ones templates use.
"""

from django.urls import path

from events import booking_views

urlpatterns = [
    path("events/<int:event_id>/book/", booking_views.book_event, name="event_book"),
    path("<int:booking_id>/cancel/", booking_views.cancel_booking, name="booking_cancel"),
]
