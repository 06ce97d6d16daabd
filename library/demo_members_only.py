"""The words of the library's members-only demo content: a webinar recording.

It uses the one members-only pattern: the resource page is restricted to the group "Members",
and its files sit in the "Members only" collection, so the download links open for members only.
The text is written for the demo; the people named are invented (see home.demo).
"""

from dataclasses import dataclass

from .demo_content import PDU, PIA, ExtraFile, Resource, Video


@dataclass(frozen=True)
class MembersOnlyResource(Resource):
    """A resource for members: its `files` go into the "Members only" collection."""

    files: tuple[ExtraFile, ...] = ()
    pdf: bool = False  # the files above replace the single generated PDF


# The past webinar it records, as events.demo names it.
RECORDED_WEBINAR = "Implementing Psychologically Informed Environments (PIEs)"

WEBINAR_RECORDING = MembersOnlyResource(
    slug="webinar-recording-implementing-pies",
    title=f"Webinar recording: {RECORDED_WEBINAR}",
    resource_type="video",
    year=2020,
    summary=(
        "The recording of our November 2020 webinar on making a service psychologically "
        "informed, with the slides and a full transcript, for members of the hub."
    ),
    text=(
        "Dr Rachel Turner takes managers and frontline staff through the five parts of a "
        "Psychologically Informed Environment (PIE), with examples from Nottingham hostels and "
        "day centres. Amira Hussain chairs the questions at the end.",
    ),
    video=Video(
        title=f"{RECORDED_WEBINAR}: the recording",
        url="https://video.example.org/pdu/members/implementing-pies-webinar",
        duration="85 minutes",
        transcript=(),
    ),
    files=(
        ExtraFile(
            title=f"Slides: {RECORDED_WEBINAR}",
            paragraphs=(
                "1. Why psychologically informed? Behaviour that looks like a problem often "
                "makes sense once you know what a person has lived through.",
                "2. The five parts of a PIE: a shared framework, the physical environment, "
                "training and support for staff, managing relationships, and knowing what "
                "has changed.",
                "3. Where to start: one rule, one room, one team meeting a month.",
            ),
        ),
        ExtraFile(
            title=f"Transcript: {RECORDED_WEBINAR}",
            paragraphs=(
                "Amira: Welcome, everyone. Today Rachel is going to talk us through what it "
                "takes to make a service psychologically informed, and there will be time for "
                "your questions at the end.",
                "Rachel: Thank you. I want to start with a question. Think of the last time a "
                "resident was asked to leave. What was the rule, and who wrote it?",
                "Rachel: In one Nottingham hostel the team found that most warnings were given "
                "at the office hatch, in front of other residents. Moving those conversations "
                "into a quiet room halved the number of evictions within a year.",
                "Participant: How do you keep staff going when it is hard? Rachel: Reflective "
                "practice, every month, protected from the rota. It is the first thing to go "
                "and the last thing you should cut.",
            ),
        ),
    ),
    authors=("rachel", "amira"),
    workstreams=(PIA,),
    topics=("psychologically-informed-environments", "reflective-practice"),
    audiences=("frontline-workers", "managers"),
    publisher=PDU,
)

MEMBERS_ONLY_RESOURCES = (WEBINAR_RECORDING,)
