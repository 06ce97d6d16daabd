"""Demo content owned by the communities app: meeting notes and memberships.

The notes are written for the demo; the people named are invented (see home.demo). Notes pages
are members only, as notes made in the admin are.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.text import slugify

from members.restrictions import restrict_to_members

from .models import CommunityMembership, MeetingNotesPage, MembershipStatus


@dataclass(frozen=True)
class Notes:
    community: str  # a slug of workstreams.demo.COMMUNITIES
    title: str
    meeting_date: date
    summary: str
    paragraphs: tuple[str, ...]
    meeting: str = ""  # the title of the meeting's event page, if the demo has one

    @property
    def slug(self):
        return slugify(self.title)


NOTES = (
    Notes(
        community="pie-practitioners",
        title="Meeting notes: PIE practitioners, September 2026",
        meeting_date=date(2026, 9, 15),
        meeting="PIE practitioners: September 2026 meeting",
        summary=(
            "First appointments, what makes a service feel safe to walk into, and how the "
            "reflective practice groups started in the spring are going."
        ),
        paragraphs=(
            "Present: nine members from hostels, a day centre and two outreach teams. "
            "Facilitated by Amira Hussain.",
            "First appointments: members compared what happens in the first ten minutes at their "
            "services. Several have moved the first conversation away from the reception desk.",
            "Reflective practice: four of the groups started in the spring still meet monthly. "
            "The two that stopped lost their protected time on the rota.",
            "Agreed: members will each bring one example of a first appointment that went well "
            "to the next meeting.",
        ),
    ),
    Notes(
        community="hostel-and-supported-housing-managers",
        title="Meeting notes: Hostel and supported housing managers, autumn 2025",
        meeting_date=date(2025, 10, 21),
        summary=(
            "Residents leaving without notice in their first weeks, and a welcome conversation "
            "on the second day that services agreed to try."
        ),
        paragraphs=(
            "Present: eleven managers from hostels and supported housing services in "
            "Nottingham. Chaired by Dan Kowalski.",
            "Abandonments: three services have seen more residents leave without notice since "
            "the winter. Members shared what they check in the first week after someone moves in.",
            "Agreed: each service will try a short welcome conversation on the second day and "
            "report back on whether residents found it useful.",
        ),
    ),
)


def build_notes(communities, events):
    """Create or update each notes page under its community; members only."""
    pages = {}
    events_by_title = {event.title: event for event in events.values()}
    for notes in NOTES:
        community = communities.get(notes.community)
        if community is None:
            continue
        meeting = events_by_title.get(notes.meeting)
        fields = {
            "title": notes.title,
            "meeting_date": notes.meeting_date,
            "meeting_id": meeting.pk if meeting else None,
            "summary": notes.summary,
        }
        body = [("paragraph", "".join(f"<p>{text}</p>" for text in notes.paragraphs))]
        page = MeetingNotesPage.objects.child_of(community).filter(slug=notes.slug).first()
        if page is None:
            page = community.add_child(
                instance=MeetingNotesPage(slug=notes.slug, body=body, **fields)
            )
            page.save_revision().publish()
        elif any(getattr(page, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(page, name, value)
            page.body = body
            page.save_revision().publish()
        restrict_to_members(page)
        pages[notes.slug] = page
    return pages


def build_memberships(communities, member, facilitator):
    """The demo member belongs to one community and waits for an answer from another."""
    wanted = {
        "pie-practitioners": MembershipStatus.APPROVED,
        "co-production": MembershipStatus.PENDING,
    }
    for slug, status in wanted.items():
        community = communities.get(slug)
        if community is None:
            continue
        approved = status == MembershipStatus.APPROVED
        CommunityMembership.objects.get_or_create(
            community=community,
            user=member,
            defaults={
                "status": status,
                "message": "I manage a supported housing service and would like to learn "
                "from other services.",
                "decided_at": timezone.now() if approved else None,
                "decided_by": facilitator if approved else None,
            },
        )


def build(communities, events, member, facilitator):
    notes = build_notes(communities, events)
    build_memberships(communities, member, facilitator)
    return {"notes": notes}
