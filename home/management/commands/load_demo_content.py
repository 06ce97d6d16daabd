from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from communities import demo as communities_demo
from editorial.demo import build_section_team
from editorial.roles import MEMBERS, REVIEWERS
from elearning import demo as elearning_demo
from events import demo as events_demo
from get_involved import demo as get_involved_demo
from home import demo_translations
from home.demo import build_people, fill_home_page
from home.demo_indexing import indexing_deferred
from home.demo_pages import (
    build_general_pages,
    build_main_menu,
    configure_home_page,
    configure_site_settings,
)
from library import demo as library_demo
from members.demo import create_demo_users
from workstreams import demo as workstreams_demo


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
        # Search and "usage" are indexed once at the end, not at each of hundreds of saves.
        with transaction.atomic(), indexing_deferred():
            users = create_demo_users()
            self.stdout.write(f"Demo accounts: {', '.join(u.email for u in users)}")
            home = fill_home_page()
            people = build_people()
            facilitator = next(u for u in users if u.groups.filter(name=REVIEWERS).exists())

            workstreams = workstreams_demo.build(home, people, facilitator)
            events = events_demo.build(
                home, people, workstreams["workstreams"], workstreams["communities"]
            )
            library = library_demo.build(home, people, workstreams["workstreams"])
            events_demo.link_recording(
                events["events"], library["resources"], library_demo.RECORDING_SLUG
            )
            member = next(u for u in users if u.groups.filter(name=MEMBERS).exists())
            communities_demo.build(
                workstreams["communities"], events["events"], member, facilitator
            )
            elearning = elearning_demo.build(home)
            general = build_general_pages(home)
            get_involved_demo.build(general["get-involved"])

            configure_home_page(
                home, workstreams["workstreams"].values(), join_page=general["get-involved"]
            )
            build_main_menu(
                home,
                [
                    general["about"],
                    workstreams["index"],
                    events["index"],
                    library["resource_index"],
                    elearning["index"],
                    library["evaluation_index"],
                    general["get-involved"],
                ],
            )
            configure_site_settings(home, [general["accessibility"], general["privacy"]])
            build_section_team(workstreams["workstreams"]["housing-first-and-homelessness"])
            demo_translations.build(
                home, events["index"], events["events"]["trauma-informed-care-an-introduction"]
            )

        self.stdout.write(
            f"Demo site ready: {len(workstreams['workstreams'])} workstreams, "
            f"{len(workstreams['communities'])} Communities of Practice, "
            f"{len(events['events'])} events, {len(library['resources'])} resources, "
            f"{len(library['evaluations'])} evaluation reports, {len(general)} general pages."
        )
