from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo import fill_home_page
from members.demo import create_demo_users


class Command(BaseCommand):
    help = (
        "Fill a fresh site with realistic demo content and one demo account per role. "
        "Safe to run again: it updates what is there rather than adding duplicates."
    )

    def handle(self, *args, **options):
        if not settings.PDU_ALLOW_DEMO_CONTENT:
            raise CommandError(
                "Demo content and its well-known passwords are for development only; "
                "these settings do not allow it (PDU_ALLOW_DEMO_CONTENT is off)."
            )
        with transaction.atomic():
            users = create_demo_users()
            home = fill_home_page()
        self.stdout.write(f"Demo accounts ready: {', '.join(u.email for u in users)}")
        if home is not None:
            self.stdout.write(f"Home page ready: {home.title}")
