"""The benchmark's reads and writes in the site's own database, through Django's models.

    .venv/bin/python scripts/benchmark/site_data.py add-members 400   accounts for the mixed load
    .venv/bin/python scripts/benchmark/site_data.py bookings          the bookings, as JSON
    .venv/bin/python scripts/benchmark/site_data.py library           the library's size, as JSON

Run with DATABASE_URL set to the benchmark's database (the runner does this); never against a
site people use: add-members creates accounts whose password is in bench_accounts.py.
"""

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pdu_site.settings.dev")

import django
from bench_accounts import MEMBER_EMAIL, MEMBER_EMAIL_PREFIX, MEMBER_PASSWORD

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402

from editorial.roles import MEMBERS  # noqa: E402
from events.booking import Booking, BookingStatus  # noqa: E402
from events.models import BookingMethod, EventPage  # noqa: E402
from library.models import ResourceDocument, ResourcePage  # noqa: E402
from library.text_extraction import EXTRACTED  # noqa: E402


def add_members(count):
    """`count` verified members who can sign in straight away, all with MEMBER_PASSWORD."""
    User = get_user_model()  # noqa: N806
    # One hash for all: hashing is slow by design, and every account has the same password.
    password = make_password(MEMBER_PASSWORD)
    members = Group.objects.get(name=MEMBERS)
    with transaction.atomic():
        users = User.objects.bulk_create(
            [
                User(
                    email=MEMBER_EMAIL.format(number=number),
                    password=password,
                    first_name="Bench",
                    last_name=f"Member {number}",
                    is_active=True,
                )
                for number in range(1, count + 1)
            ]
        )
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=user, email=user.email, verified=True, primary=True)
                for user in users
            ]
        )
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=user.pk, group_id=members.pk) for user in users]
        )
    return {"members": len(users), "password": MEMBER_PASSWORD}


def bookings():
    """Each bookable event's capacity and bookings, and the members' active bookings."""
    events = (
        EventPage.objects.filter(booking_method=BookingMethod.HERE)
        .annotate(
            confirmed=Count("bookings", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
            waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
        )
        .select_related("locale")
        .order_by("pk")
    )
    bench = Booking.objects.filter(user__email__startswith=MEMBER_EMAIL_PREFIX)
    return {
        "events": [
            {
                "id": event.pk,
                "url": event.url,
                "language": event.locale.language_code,
                "live": event.live,
                "capacity": event.capacity,
                "waiting_list": event.waiting_list,
                "confirmed": event.confirmed,
                "waiting": event.waiting,
            }
            for event in events
        ],
        "bench_active": sorted(
            [email, event_id]
            for email, event_id in bench.active().values_list("user__email", "event_id")
        ),
        "bench_cancelled": bench.filter(status=BookingStatus.CANCELLED).count(),
    }


def library():
    documents = ResourceDocument.objects.filter(page__live=True)
    return {
        "live_resources": ResourcePage.objects.live().count(),
        "resources_with_documents": documents.values("page").distinct().count(),
        "documents_with_text": documents.filter(document__text_status=EXTRACTED)
        .values("document")
        .distinct()
        .count(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("add-members").add_argument("count", type=int)
    commands.add_parser("bookings")
    commands.add_parser("library")
    arguments = parser.parse_args()
    if arguments.command == "add-members":
        result = add_members(arguments.count)
    elif arguments.command == "bookings":
        result = bookings()
    else:
        result = library()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
