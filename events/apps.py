from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # Registers the bookings' personal-data section and eraser, and the receiver that emails
        # bookers when a published event changes.
        from events import booking_changes, booking_data  # noqa: F401
