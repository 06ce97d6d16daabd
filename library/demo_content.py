"""The words of the library's demo content: vocabularies, resources and evaluations.

Everything here is invented for the demo, written in the PDU's own voice. Text that goes into PDF
files is plain Latin-1 (straight quotes, hyphens), which the PDF's core font can draw.
"""

import datetime
from dataclasses import dataclass, field

# Workstream slugs, as the workstreams app creates them.
PIA = "psychologically-informed-approaches"
SUI = "service-user-involvement"
HOUSING = "housing-first-and-homelessness"
WOMEN = "womens-complex-needs"
SUBSTANCES = "substance-misuse"
RACE = "race-ethnicity-and-culture"

# slug: (name, description)
RESOURCE_TYPES = {
    "academic-paper": ("Academic paper", "Research published by a university or research team."),
    "toolkit": ("Toolkit", "Practical tools, templates and checklists to use in a team."),
    "report": ("Report", "Findings from a project, an event or a review."),
    "guide": ("Guide", "Plain-English guidance on one subject, including leaflets."),
    "video": ("Video", "A recording to watch, with captions or a transcript."),
    "podcast": ("Podcast", "A recording to listen to, with a transcript."),
    "e-learning-module": (
        "E-learning module",
        "Online learning worked through at your own pace. The PDU's own e-learning suite has "
        "its own section of the site, E-learning: add its modules there.",
    ),
}

TOPICS = {
    "trauma-informed-care": (
        "Trauma Informed Care",
        "Services that recognise the effects of trauma and avoid causing more.",
    ),
    "psychologically-informed-environments": (
        "Psychologically Informed Environments",
        "PIE: services designed around the emotional and psychological needs of the people "
        "who use them.",
    ),
    "housing-first": (
        "Housing First",
        "A settled home first, with open-ended support, rather than housing as a reward.",
    ),
    "co-production": (
        "Co-production",
        "People who use services designing and running them as equal partners.",
    ),
    "hoarding": ("Hoarding", "Collecting and keeping things to the point of risk."),
    "new-psychoactive-substances": (
        "New psychoactive substances",
        "NPS: synthetic drugs such as synthetic cannabinoids ('Spice').",
    ),
    "alcohol": ("Alcohol", "Drinking, its harms and what helps."),
    "womens-services": (
        "Women's services",
        "Gender-informed and women-only support.",
    ),
    "culturally-informed-practice": (
        "Culturally informed practice",
        "Support that respects people's culture, faith, ethnicity and language.",
    ),
    "lived-experience": (
        "Lived experience",
        "Learning from people who have faced multiple disadvantage themselves.",
    ),
    "reflective-practice": (
        "Reflective practice",
        "Time for workers to think together about their work and its effects on them.",
    ),
    "multi-agency-working": (
        "Multi-agency working",
        "Services working together around one person rather than in parallel.",
    ),
}

AUDIENCES = {
    "frontline-workers": ("Frontline workers", "People who support clients day to day."),
    "managers": ("Managers", "Team leaders and service managers."),
    "commissioners": ("Commissioners", "People who plan and fund services."),
    "people-with-lived-experience": (
        "People with lived experience",
        "People who have faced multiple disadvantage, and their families.",
    ),
    "volunteers": ("Volunteers", "Volunteers and peer mentors."),
}

PDU = "Practice Development Unit"


@dataclass(frozen=True)
class Video:
    title: str
    url: str
    duration: str
    transcript: tuple[str, ...]


@dataclass(frozen=True)
class ExtraFile:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class EasyRead:
    """An Easy Read version: a title and short sentences, each shown beside a simple picture
    (one of library.demo_pdfs.EASY_READ_PICTURES)."""

    title: str
    steps: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Resource:
    slug: str
    title: str
    resource_type: str
    year: int
    summary: str
    # What the resource says, in a few paragraphs: written into its PDF, and the first one is
    # shown on its page.
    text: tuple[str, ...]
    authors: tuple[str, ...] = ()
    workstreams: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ("frontline-workers",)
    language: str = "en"
    publisher: str = PDU
    external_url: str = ""
    # False for material only found elsewhere (videos, podcasts without a transcript).
    pdf: bool = True
    extra_file: ExtraFile | None = None
    video: Video | None = None
    content_note: str = ""
    related: tuple[str, ...] = field(default_factory=tuple)
    # Easy Read and plain language: a summary in plain words, and an Easy Read PDF.
    plain_summary: str = ""
    easy_read: EasyRead | None = None

    @property
    def file_title(self):
        if self.language != "en":
            return f"{self.title} (English summary)"
        if self.resource_type == "podcast":
            return f"Transcript: {self.title}"
        if self.resource_type == "e-learning-module":
            return f"Workbook: {self.title}"
        return self.title


RESOURCES = [
    # Psychologically Informed Approaches
    Resource(
        slug="building-a-pie-toolkit",
        title="Building a psychologically informed environment: a toolkit for hostel teams",
        resource_type="toolkit",
        year=2018,
        summary=(
            "Practical steps for hostel and supported housing teams starting to work as a "
            "psychologically informed environment (PIE), with a self-assessment checklist."
        ),
        text=(
            "A psychologically informed environment (PIE) is a service whose design, rules and "
            "daily routines take account of the emotional and psychological needs of residents. "
            "This toolkit breaks the idea into five areas a hostel team can work on: a shared "
            "psychological framework, the physical environment, staff training and support, "
            "managing relationships, and evaluating outcomes.",
            "Start small. Choose one house rule that causes the most evictions or arguments and "
            "ask residents and staff together why it exists. Teams in Nottingham found that "
            "changing the way warnings are given, face to face and with time to talk, reduced "
            "abandonments more than any new policy.",
            "The toolkit includes a reflective practice agenda, a template for a 'psychologically "
            "informed' incident debrief and ideas for making reception areas calmer: softer "
            "lighting, a noticeboard written by residents, somewhere to sit that is not a queue.",
        ),
        authors=("amira", "rachel"),
        workstreams=(PIA, HOUSING),
        topics=("psychologically-informed-environments", "reflective-practice"),
        audiences=("frontline-workers", "managers"),
        extra_file=ExtraFile(
            title="PIE self-assessment checklist",
            paragraphs=(
                "Use this checklist in a team meeting once every six months. For each of the "
                "five PIE areas, agree a score from one to four and one action for the next "
                "quarter.",
                "Framework: can every team member explain, in plain words, why residents might "
                "behave as they do? Environment: is there a quiet space residents can use "
                "without asking? Training: has every worker had reflective practice this month? "
                "Relationships: do residents know who their keyworker is? Evaluation: do we ask "
                "residents what changed?",
            ),
        ),
        related=("pie-introduction-e-learning", "what-is-a-pie-video"),
    ),
    Resource(
        slug="trauma-informed-care-basics-e-learning",
        title="E-learning: Trauma Informed Care, the basics",
        resource_type="e-learning-module",
        year=2019,
        summary=(
            "A 40-minute module on what trauma is, how it shows itself in the people services "
            "meet, and the principles of trauma informed care."
        ),
        text=(
            "Trauma is not only what happened to someone but how it continues to shape their "
            "body, their trust in others and their sense of safety. This module introduces "
            "adverse childhood experiences and the survival responses of fight, flight and "
            "freeze, and why they can look like 'challenging behaviour' in a service.",
            "The module sets out five principles of trauma informed care: safety, "
            "trustworthiness, choice, collaboration and empowerment. Each comes with a short "
            "scenario from a day centre, a probation office and a GP surgery.",
            "Learners finish by writing down one routine in their own service that could "
            "re-traumatise someone, such as searching bags at the door or calling out surnames "
            "in a waiting room, and one change that would make it safer.",
        ),
        authors=("rachel",),
        workstreams=(PIA,),
        topics=("trauma-informed-care",),
        audiences=("frontline-workers", "volunteers"),
        related=("trauma-disclosure-e-learning",),
    ),
    Resource(
        slug="pie-introduction-e-learning",
        title="E-learning: Psychologically Informed Environments, an introduction",
        resource_type="e-learning-module",
        year=2019,
        summary=(
            "A module introducing PIE: where the idea came from, its five elements and what it "
            "looks like in a hostel, a day centre or an outreach team."
        ),
        text=(
            "The PIE approach grew out of homelessness services in England that noticed how "
            "often people were excluded for behaviour that made sense given their history. This "
            "module explains the approach without jargon and with examples from Nottingham.",
            "Learners meet three fictional residents of a 40-bed hostel and follow a week in "
            "their lives, pausing to think about how staff responses could calm or inflame each "
            "situation.",
            "The module ends with a short quiz and a list of further reading from the PDU "
            "resource library.",
        ),
        authors=("amira",),
        workstreams=(PIA,),
        topics=("psychologically-informed-environments",),
        audiences=("frontline-workers", "volunteers"),
        related=("building-a-pie-toolkit",),
    ),
    Resource(
        slug="multiple-disadvantage-e-learning",
        title="E-learning: What is multiple disadvantage?",
        resource_type="e-learning-module",
        year=2018,
        summary=(
            "The first module of the e-learning suite: what multiple disadvantage means and why "
            "services built for one problem at a time struggle to help."
        ),
        text=(
            "Multiple disadvantage describes people who face several problems at once: "
            "homelessness, mental ill-health, offending and substance misuse, often with "
            "domestic abuse, poor physical health and isolation as well. Each problem makes the "
            "others harder to solve.",
            "Services are usually organised around single issues, with their own thresholds and "
            "waiting lists. A person can be too unwell for the drug service and too dependent "
            "on drugs for the mental health team. The module calls this the 'revolving door' "
            "and asks learners to map the doors in their own area.",
            "The module was written with peer researchers who describe, in their own words, "
            "what it was like to be passed between services.",
        ),
        authors=("sam", "grace"),
        workstreams=(PIA, SUI),
        topics=("multi-agency-working", "lived-experience"),
        audiences=("frontline-workers", "volunteers", "people-with-lived-experience"),
    ),
    Resource(
        slug="e-learning-suite-guide",
        title="The PDU e-learning suite: a guide for learners",
        resource_type="guide",
        year=2020,
        summary=(
            "What the 18 modules of the PDU e-learning suite cover, how long each takes and how "
            "to get a certificate, for members of the online hub."
        ),
        text=(
            "The PDU e-learning suite has 18 modules in three groups: understanding multiple "
            "disadvantage, Psychologically Informed Environments, and Trauma Informed Care. "
            "Each module takes between 20 and 45 minutes and can be paused and picked up later.",
            "Members of the online hub can open every module free of charge. When you finish a "
            "module you can download a certificate for your continuing professional development "
            "record.",
            "Modules were written by practitioners and people with lived experience in "
            "Nottingham. If a module covers difficult material it starts with a content note, "
            "and you can leave at any point.",
        ),
        authors=("amira",),
        workstreams=(PIA,),
        topics=("trauma-informed-care", "psychologically-informed-environments"),
        audiences=("frontline-workers", "managers", "volunteers"),
        related=("multiple-disadvantage-e-learning", "trauma-informed-care-basics-e-learning"),
    ),
    Resource(
        slug="reflective-practice-groups",
        title="Running reflective practice groups in frontline teams",
        resource_type="guide",
        year=2021,
        summary=(
            "How to set up and facilitate a monthly reflective practice group, and why it "
            "protects both workers and the people they support."
        ),
        text=(
            "Reflective practice is protected time for a team to think together about the work "
            "and how it affects them. It is not supervision and it is not a case review: the "
            "group chooses what to bring, and nobody is judged for how they felt.",
            "A good group meets monthly for ninety minutes, with the same facilitator, in a "
            "room away from the phones. This guide gives a simple structure: a check-in, one "
            "situation presented in detail, open questions from the group, and a closing round.",
            "Managers often worry that teams cannot spare the time. Teams in the PDU's "
            "Communities of Practice report fewer sickness absences and calmer handovers once "
            "groups are established.",
        ),
        authors=("rachel",),
        workstreams=(PIA,),
        topics=("reflective-practice", "psychologically-informed-environments"),
        audiences=("frontline-workers", "managers"),
    ),
    Resource(
        slug="language-in-trauma-informed-services",
        title="Words that wound, words that help: language in trauma informed services",
        resource_type="academic-paper",
        year=2022,
        summary=(
            "A study of the words services use in case notes and letters, and how people "
            "facing multiple disadvantage hear them."
        ),
        text=(
            "We analysed 300 anonymised case notes and 40 letters from housing, probation and "
            "mental health services, and discussed them with a panel of people with lived "
            "experience. Words such as 'non-compliant', 'chaotic' and 'refused to engage' "
            "appeared in most files.",
            "Panel members described these words as a label that follows them from service to "
            "service. One said a letter calling her 'hard to reach' made her feel she had "
            "failed before she arrived.",
            "We propose a short glossary of alternatives, for example 'has not yet found a "
            "service that works for them', and argue that recording language is part of "
            "trauma informed practice, not a matter of style.",
        ),
        authors=("sam", "rachel"),
        workstreams=(PIA, SUI),
        topics=("trauma-informed-care", "lived-experience"),
        audiences=("frontline-workers", "managers", "commissioners"),
        publisher="Centre for social inclusion",
    ),
    Resource(
        slug="what-is-a-pie-video",
        title="What is a psychologically informed environment?",
        resource_type="video",
        year=2020,
        summary=(
            "A twelve-minute film in which hostel staff and residents explain what changed when "
            "their service became psychologically informed."
        ),
        text=(
            "Staff and residents of a Nottingham hostel talk about the year their service "
            "became a psychologically informed environment: the arguments about rules, the "
            "new quiet room and the first reflective practice sessions.",
        ),
        authors=("amira", "rachel"),
        workstreams=(PIA,),
        topics=("psychologically-informed-environments",),
        audiences=("frontline-workers", "managers", "people-with-lived-experience"),
        pdf=False,
        video=Video(
            title="What is a psychologically informed environment?",
            url="https://video.example.org/pdu/what-is-a-pie",
            duration="12 minutes",
            transcript=(
                "Amira: When we started, the rules were written for the building, not for the "
                "people in it.",
                "Resident: The quiet room was the first time anyone asked what I needed rather "
                "than what I had done.",
            ),
        ),
        related=("building-a-pie-toolkit",),
    ),
    Resource(
        slug="trauma-disclosure-e-learning",
        title="E-learning: Trauma Informed Care in practice, responding to disclosure",
        resource_type="e-learning-module",
        year=2021,
        summary=(
            "How to respond when someone tells you about abuse or trauma: what to say, what not "
            "to say and how to look after yourself afterwards."
        ),
        text=(
            "People often disclose trauma at unexpected moments: in a car on the way to an "
            "appointment, or while filling in a form. This module helps workers respond calmly, "
            "believe what they hear and avoid asking for details the person has not offered.",
            "The module covers safeguarding duties in plain terms, how to explain "
            "confidentiality before someone says more than they meant to, and how to record a "
            "disclosure in the person's own words.",
            "It ends with a section on vicarious trauma and where workers can find support "
            "after a difficult conversation.",
        ),
        authors=("rachel", "lee"),
        workstreams=(PIA,),
        topics=("trauma-informed-care", "reflective-practice"),
        audiences=("frontline-workers", "volunteers"),
        content_note=(
            "This module talks about childhood abuse, sexual violence and self-harm. You can "
            "pause or leave it at any point."
        ),
        related=("trauma-informed-care-basics-e-learning",),
    ),
    Resource(
        slug="burnout-and-vicarious-trauma-podcast",
        title="Podcast: burnout, vicarious trauma and looking after yourself",
        resource_type="podcast",
        year=2023,
        summary=(
            "A conversation about the hidden cost of frontline work and what teams and managers "
            "can do to keep workers well."
        ),
        text=(
            "Rachel and Amira talk about compassion fatigue, the slow build-up of other "
            "people's stories, and why the most committed workers are often the first to burn "
            "out.",
            "They share what helps: predictable supervision, permission to say 'that one got to "
            "me', and managers who take leave themselves.",
            "The episode closes with three questions listeners can ask their own team at the "
            "next meeting.",
        ),
        authors=("rachel", "amira"),
        workstreams=(PIA,),
        topics=("reflective-practice", "trauma-informed-care"),
        audiences=("frontline-workers", "managers"),
        external_url="https://podcasts.example.org/pdu/burnout-and-vicarious-trauma",
    ),
    # Service User Involvement: Towards Co-production
    Resource(
        slug="towards-co-production-toolkit",
        title="Towards co-production: a toolkit for involving people with lived experience",
        resource_type="toolkit",
        year=2019,
        summary=(
            "A ladder of involvement, from consultation to co-production, with templates for "
            "role descriptions, payments and feedback."
        ),
        text=(
            "Co-production means people who use services share power over how they are "
            "designed and delivered. Most services are somewhere lower on the ladder: informing, "
            "consulting or involving. This toolkit helps a team be honest about where it is.",
            "It includes a role description template for experts by experience, a meeting "
            "checklist (paid time, travel costs, an agenda sent in advance, no acronyms) and a "
            "feedback form that asks 'what did we do with what you told us?'.",
            "The toolkit was written by members of the PDU's lived experience panel, who tested "
            "every template in their own meetings.",
        ),
        authors=("grace", "lee"),
        workstreams=(SUI,),
        topics=("co-production", "lived-experience"),
        audiences=("managers", "commissioners", "people-with-lived-experience"),
        related=("paying-for-expertise-guide", "nothing-about-us-podcast"),
    ),
    Resource(
        slug="paying-for-expertise-guide",
        title="Paying people for their expertise: a guide to fair involvement payments",
        resource_type="guide",
        year=2020,
        summary=(
            "How to pay people with lived experience fairly for their time, without putting "
            "their benefits at risk."
        ),
        text=(
            "People with lived experience bring expertise that services cannot get any other "
            "way. Paying for it says the expertise is valued. Vouchers alone can feel like a "
            "thank-you rather than a fee.",
            "This guide explains the choices: hourly rates, session fees, vouchers and "
            "reimbursed expenses, and how each can affect Universal Credit and other benefits. "
            "It recommends that every person is offered independent benefits advice before "
            "they agree to be paid.",
            "It also covers the practical things that make involvement possible: paying on the "
            "day in cash where people have no bank account, and covering childcare and travel.",
        ),
        authors=("grace",),
        workstreams=(SUI,),
        topics=("co-production", "lived-experience"),
        audiences=("managers", "commissioners", "people-with-lived-experience"),
    ),
    Resource(
        slug="lived-experience-panel-first-year",
        title="What our lived experience panel told us: first-year report",
        resource_type="report",
        year=2018,
        summary=(
            "The first year of the PDU's lived experience panel: what members wanted the "
            "learning programme to cover and what changed as a result."
        ),
        text=(
            "The panel met eleven times in its first year. Members asked for learning events on "
            "hostel evictions, mental health crisis care and how services share information "
            "without consent.",
            "Members also asked that every PDU event includes at least one speaker with lived "
            "experience, paid for their time. This became PDU policy in the panel's first six "
            "months.",
            "The report ends with the panel's priorities for its second year, including "
            "training for panel members in facilitation and public speaking.",
        ),
        authors=("grace", "sam"),
        workstreams=(SUI,),
        topics=("co-production", "lived-experience"),
        audiences=("managers", "commissioners", "people-with-lived-experience"),
    ),
    Resource(
        slug="peer-mentoring-evidence-review",
        title="Peer mentoring and recovery: a review of the evidence",
        resource_type="academic-paper",
        year=2021,
        summary=(
            "What research says about peer mentoring for people facing multiple disadvantage, "
            "and what makes a peer mentoring scheme work."
        ),
        text=(
            "We reviewed 27 studies of peer mentoring with people experiencing homelessness, "
            "addiction or contact with the criminal justice system. Most found improvements in "
            "hope, engagement with services and a sense of belonging.",
            "Schemes worked best when mentors were trained, paid or properly supported, and had "
            "their own supervision. Several studies reported mentors relapsing when schemes "
            "expected too much too soon.",
            "We recommend that peer mentoring is treated as a skilled role with a career path, "
            "not as a stepping stone that ends when funding does.",
        ),
        authors=("sam", "grace"),
        workstreams=(SUI, SUBSTANCES),
        topics=("lived-experience", "co-production"),
        audiences=("managers", "commissioners", "volunteers"),
        publisher="Centre for social inclusion",
        external_url="https://research.example.org/papers/peer-mentoring-and-recovery",
    ),
    Resource(
        slug="nothing-about-us-podcast",
        title="Podcast: nothing about us without us",
        resource_type="podcast",
        year=2022,
        summary=(
            "Grace and Lee talk about being involved in designing services: the good meetings, "
            "the tokenistic ones and how to tell the difference."
        ),
        text=(
            "Grace describes her first involvement meeting: a room of managers, a forty-page "
            "strategy and a request for comments by Friday. Lee describes the meeting that "
            "changed his mind, where the panel set the agenda.",
            "They agree on three signs of real co-production: people are paid, decisions can "
            "change, and someone reports back on what happened next.",
        ),
        authors=("grace", "lee"),
        workstreams=(SUI,),
        topics=("co-production", "lived-experience"),
        audiences=("people-with-lived-experience", "managers", "frontline-workers"),
        external_url="https://podcasts.example.org/pdu/nothing-about-us-without-us",
        related=("towards-co-production-toolkit",),
    ),
    Resource(
        slug="lees-story-video",
        title="Lee's story: prison, hostels and what helped",
        resource_type="video",
        year=2019,
        summary=(
            "Lee talks about twenty years of moving between prison, hostels and the street, and "
            "the workers who made a difference."
        ),
        text=(
            "Lee tells his story in his own words: leaving care at sixteen, his first prison "
            "sentence, and the hostel worker who kept his room open while he was in hospital.",
        ),
        authors=("lee",),
        workstreams=(SUI, HOUSING),
        topics=("lived-experience",),
        audiences=("frontline-workers", "volunteers", "people-with-lived-experience"),
        pdf=False,
        content_note="This film talks about prison, drug use and the death of a friend.",
        video=Video(
            title="Lee's story",
            url="https://video.example.org/pdu/lees-story",
            duration="18 minutes",
            transcript=(
                "Lee: Nobody had ever kept a bed for me before. That was the first time I "
                "thought somebody expected me back.",
            ),
        ),
    ),
    # Housing First and Homelessness
    Resource(
        slug="what-is-housing-first",
        title="What is Housing First? A short guide for Nottingham services",
        resource_type="guide",
        year=2018,
        summary=(
            "The principles of Housing First, how it differs from staircase models, and how "
            "other services can work alongside a Housing First team."
        ),
        text=(
            "Housing First offers people with long histories of homelessness a settled, "
            "ordinary home straight away, with support that lasts as long as it is needed. "
            "People do not have to prove they are 'ready' by staying sober or engaging with "
            "treatment first.",
            "The staircase model asks people to move step by step from the street to a hostel, "
            "to shared housing and finally a tenancy. Many people fall off the staircase at "
            "every step. Housing First removes the stairs.",
            "Other services help most by keeping their doors open: a Housing First tenant who "
            "misses an appointment should be offered another, not closed as 'did not attend'.",
        ),
        authors=("dan",),
        workstreams=(HOUSING,),
        topics=("housing-first", "multi-agency-working"),
        audiences=("frontline-workers", "managers", "commissioners"),
        related=("housing-first-fidelity", "housing-first-in-nottingham-video"),
        plain_summary=(
            "Housing First gives people who have been homeless for a long time a home of their "
            "own straight away. They do not have to earn it first. A worker helps them for as "
            "long as they need. This guide explains how it works and how other services can help."
        ),
        easy_read=EasyRead(
            title="Housing First: an Easy Read guide",
            steps=(
                ("house", "Housing First gives you a home of your own straight away."),
                ("person", "You do not have to stop drinking or using drugs first."),
                ("people", "A support worker helps you for as long as you need."),
                ("speech", "You choose what help you want."),
                ("house", "If things go wrong, you keep your support."),
                ("speech", "Ask your support worker about Housing First."),
            ),
        ),
    ),
    Resource(
        slug="what-makes-a-good-hostel",
        title="What makes a good hostel? Learning from a PDU event",
        resource_type="report",
        year=2019,
        summary=(
            "What residents, hostel workers and managers said at the PDU's learning event on "
            "hostels, and the ten features of a good hostel they agreed."
        ),
        text=(
            "Sixty people came to the event, a third of them current or former hostel "
            "residents. Small groups described the best and worst hostels they had known.",
            "The good hostels had things in common: staff who knew residents' names and "
            "histories, rules explained rather than posted, and a way back after an eviction. "
            "The worst had frequent staff changes and locked kitchens.",
            "The ten features agreed at the event are now used by two Nottingham providers in "
            "their annual reviews.",
        ),
        authors=("dan", "lee"),
        workstreams=(HOUSING,),
        topics=("psychologically-informed-environments", "lived-experience"),
        audiences=("managers", "commissioners", "frontline-workers"),
    ),
    Resource(
        slug="housing-first-fidelity",
        title="Staying true to Housing First: fidelity in a mid-sized city",
        resource_type="academic-paper",
        year=2020,
        summary=(
            "How closely a Housing First service in an English city kept to the model's "
            "principles in its first three years, and what pulled it off course."
        ),
        text=(
            "We measured one Housing First service against a standard fidelity scale each year "
            "for three years. Scores were high for choice and control and lower for caseload "
            "size, which grew as referrals rose.",
            "Pressure to house people quickly in any available property led to several "
            "tenancies in areas tenants did not choose. Two of these ended within six months.",
            "We conclude that fidelity depends on commissioners as much as on workers: "
            "contracts need caseload limits and enough housing supply.",
        ),
        authors=("dan", "sam"),
        workstreams=(HOUSING,),
        topics=("housing-first",),
        audiences=("commissioners", "managers"),
        publisher="Centre for social inclusion",
        related=("what-is-housing-first",),
    ),
    Resource(
        slug="keeping-a-tenancy-toolkit",
        title="Keeping a tenancy: a toolkit for the first year after housing",
        resource_type="toolkit",
        year=2022,
        summary=(
            "Tools for support workers and new tenants to spot the early signs of a tenancy at "
            "risk: rent arrears, isolation, visitors who will not leave."
        ),
        text=(
            "The first year of a tenancy is when most people who have been homeless lose their "
            "home again. This toolkit focuses on tenancy sustainment in that year.",
            "It contains a monthly check-in conversation guide, a simple budget sheet and "
            "advice on cuckooing, when someone's home is taken over by people who exploit them.",
            "Tenants helped write every tool. Their advice to workers: ask about loneliness as "
            "often as you ask about rent.",
        ),
        authors=("dan", "tom"),
        workstreams=(HOUSING,),
        topics=("housing-first", "multi-agency-working"),
        audiences=("frontline-workers", "people-with-lived-experience"),
    ),
    Resource(
        slug="hoarding-guide",
        title="Hoarding: a guide for frontline workers",
        resource_type="guide",
        year=2018,
        summary=(
            "How to recognise hoarding, talk about it without shame, and work with housing and "
            "fire services to keep someone safe at home."
        ),
        text=(
            "Hoarding is difficulty letting go of possessions, to the point where rooms can no "
            "longer be used for their purpose. It often follows loss or trauma, and people who "
            "hoard usually feel deep shame about it.",
            "A forced clearance rarely works: most homes fill again within months and the "
            "person's trust in services is lost. This guide explains a gentler approach, using "
            "a clutter image rating scale to agree where things stand and small goals to "
            "improve safety.",
            "It also covers when to involve the fire and rescue service for a home safety "
            "visit, and how a multi-agency hoarding panel can share the risk.",
        ),
        authors=("tom",),
        workstreams=(HOUSING,),
        topics=("hoarding", "multi-agency-working"),
        audiences=("frontline-workers", "volunteers"),
        related=("hoarding-e-learning",),
        plain_summary=(
            "Some people find it very hard to throw things away. Their home can fill up until it "
            "is not safe. This guide is for workers. It says how to talk about it kindly and "
            "how to make the home safer, one small step at a time."
        ),
    ),
    Resource(
        slug="hoarding-e-learning",
        title="E-learning: working with people who hoard",
        resource_type="e-learning-module",
        year=2023,
        summary=(
            "An interactive module following a support worker and a tenant through six months "
            "of work on a hoarded flat."
        ),
        text=(
            "The module follows Maureen, a fictional tenant whose flat is at level seven on the "
            "clutter image rating scale, and Jay, her new support worker.",
            "Learners choose what Jay says at each visit and see how Maureen responds. The "
            "module shows why asking permission before touching anything matters so much.",
            "It ends with a checklist for a first visit and contacts for local hoarding support.",
        ),
        authors=("tom",),
        workstreams=(HOUSING,),
        topics=("hoarding",),
        audiences=("frontline-workers", "volunteers"),
        related=("hoarding-guide",),
    ),
    Resource(
        slug="housing-first-in-nottingham-video",
        title="Housing First in Nottingham: tenants and workers talk",
        resource_type="video",
        year=2021,
        summary=(
            "Three Housing First tenants and their workers talk about the first year in a home "
            "of their own."
        ),
        text=(
            "Tenants describe getting the keys, the first night alone and the worker who "
            "helped them hang curtains. Workers describe what open-ended support means in "
            "practice.",
        ),
        authors=("dan", "grace"),
        workstreams=(HOUSING, SUI),
        topics=("housing-first", "lived-experience"),
        audiences=("frontline-workers", "commissioners", "people-with-lived-experience"),
        pdf=False,
        video=Video(
            title="Housing First in Nottingham",
            url="https://video.example.org/pdu/housing-first-in-nottingham",
            duration="15 minutes",
            transcript=(
                "Tenant: The first night I did not sleep. It was too quiet. Now it is mine.",
            ),
        ),
        related=("what-is-housing-first",),
    ),
    Resource(
        slug="learning-from-winter-2024",
        title="Learning from winter: a review of emergency accommodation, 2023 to 2024",
        resource_type="report",
        year=2024,
        summary=(
            "What worked and what did not in the city's winter emergency accommodation, from "
            "the people who used it and the people who ran it."
        ),
        text=(
            "Over the winter, emergency beds opened whenever the temperature was forecast to "
            "fall below freezing. Some people came every night; others never came at all.",
            "People who stayed away told us why: shared sleeping spaces, no place for a dog, "
            "and fear of meeting someone they owed money to. Couples were often split up.",
            "The review recommends single rooms where possible, a kennel space and a named "
            "worker who follows people into longer-term accommodation when winter ends.",
        ),
        authors=("dan",),
        workstreams=(HOUSING,),
        topics=("multi-agency-working",),
        audiences=("commissioners", "managers"),
        publisher="Nottingham housing partnership",
    ),
    # Women's Complex Needs
    Resource(
        slug="women-with-complex-needs-in-nottingham",
        title="Women with complex needs in Nottingham: a picture of need",
        resource_type="report",
        year=2018,
        summary=(
            "How many women in Nottingham face multiple disadvantage, what they have "
            "experienced and how well local services meet their needs."
        ),
        text=(
            "Women facing multiple disadvantage are less visible than men: fewer sleep on the "
            "street, more stay in unsafe relationships or sofa-surf to keep a roof over their "
            "heads. Most have experienced domestic or sexual abuse.",
            "Many of the women we spoke to had had children removed from their care and named "
            "this as the loss that led to everything else. Few services offered support with "
            "grief.",
            "The report calls for women-only spaces in mixed services, female workers on "
            "request, and support for mothers after a child is removed.",
        ),
        authors=("helen",),
        workstreams=(WOMEN,),
        topics=("womens-services", "trauma-informed-care"),
        audiences=("commissioners", "managers"),
        publisher="Nottingham women's centre",
        content_note="This report talks about domestic abuse, sexual violence and child removal.",
        related=("gender-informed-practice-toolkit",),
    ),
    Resource(
        slug="gender-informed-practice-toolkit",
        title="Gender-informed practice: a toolkit for mixed services",
        resource_type="toolkit",
        year=2020,
        summary=(
            "Practical changes mixed-gender services can make so women feel safe to come in "
            "and stay."
        ),
        text=(
            "Most services for people facing multiple disadvantage are used mainly by men, and "
            "women often say they feel unsafe in them. This toolkit offers changes that cost "
            "little: women-only sessions, a separate waiting area, and asking women whether "
            "they would prefer a female worker.",
            "It includes an audit walk-through: go to your own service as a woman arriving for "
            "the first time would, and note what you see and hear.",
            "Services that used the toolkit in a pilot saw more women return for a second "
            "appointment.",
        ),
        authors=("helen",),
        workstreams=(WOMEN,),
        topics=("womens-services", "trauma-informed-care"),
        audiences=("managers", "frontline-workers"),
        related=("women-with-complex-needs-in-nottingham",),
    ),
    Resource(
        slug="why-women-only-spaces-matter",
        title="Why women-only spaces matter: a review",
        resource_type="academic-paper",
        year=2023,
        summary=(
            "A review of research on women-only provision for women experiencing homelessness, "
            "addiction and abuse."
        ),
        text=(
            "We reviewed research from the UK, Ireland and Australia on women-only services. "
            "Women consistently described feeling safer, being able to talk about abuse and "
            "staying longer in support.",
            "Women-only provision is often the first service to be cut when budgets shrink, "
            "because its costs look high per person. We argue the comparison is misleading "
            "when women who leave mixed services early return in crisis.",
        ),
        authors=("helen", "sam"),
        workstreams=(WOMEN,),
        topics=("womens-services",),
        audiences=("commissioners", "managers"),
        publisher="Centre for social inclusion",
    ),
    Resource(
        slug="women-with-complex-needs-voices-video",
        title="Women with complex needs: voices from a PDU event",
        resource_type="video",
        year=2022,
        summary=(
            "Highlights from the PDU's learning event on women with complex needs, including "
            "women speaking about their own experience."
        ),
        text=(
            "Filmed at the PDU's event on women with complex needs, this video brings together "
            "the talks and the conversations that followed.",
        ),
        authors=("helen", "grace"),
        workstreams=(WOMEN,),
        topics=("womens-services", "lived-experience"),
        audiences=("frontline-workers", "managers"),
        pdf=False,
        video=Video(
            title="Women with complex needs: voices from a PDU event",
            url="https://video.example.org/pdu/women-with-complex-needs",
            duration="22 minutes",
            transcript=("Speaker: What helped was a worker who did not flinch when I told her.",),
        ),
    ),
    Resource(
        slug="supporting-mothers-after-child-removal",
        title="Supporting mothers after a child is removed: a guide",
        resource_type="guide",
        year=2025,
        summary=(
            "How workers in any service can support a mother through the weeks and months "
            "after her child is taken into care."
        ),
        text=(
            "Having a child removed is one of the most painful losses a woman can face, and "
            "support often stops the day the proceedings end. Many women then become pregnant "
            "again quickly, and the cycle repeats.",
            "This guide describes what helps in the first weeks: somebody to talk to about "
            "grief, help to keep contact arrangements, and practical support with housing and "
            "benefits, which often change when a child leaves.",
        ),
        authors=("helen",),
        workstreams=(WOMEN,),
        topics=("womens-services", "trauma-informed-care"),
        audiences=("frontline-workers",),
        publisher="Nottingham women's centre",
        content_note="This guide talks about children being taken into care, and grief.",
    ),
    # Substance Misuse, including New Psychoactive Substances and Alcohol
    Resource(
        slug="understanding-nps",
        title="Understanding new psychoactive substances (NPS)",
        resource_type="guide",
        year=2017,
        summary=(
            "What NPS are, why synthetic cannabinoids ('Spice') cause such harm in hostels and "
            "prisons, and how to respond when someone is unwell."
        ),
        text=(
            "New psychoactive substances are drugs made to copy the effects of cannabis, "
            "ecstasy or cocaine. Synthetic cannabinoids, often called Spice or Mamba, are the "
            "ones services in Nottingham see most, and they are far stronger than cannabis.",
            "Someone who has used Spice may collapse, have a seizure or become very distressed. "
            "This guide explains when to call an ambulance, how to keep the person safe while "
            "you wait, and why shouting or restraint makes things worse.",
            "Because the chemistry changes from batch to batch, nobody can know what is in a "
            "packet. Harm reduction advice is simple: not alone, not much, not mixed.",
        ),
        authors=("imran",),
        workstreams=(SUBSTANCES,),
        topics=("new-psychoactive-substances",),
        audiences=("frontline-workers", "volunteers"),
        related=("spice-leaflet-polish",),
    ),
    Resource(
        slug="spice-leaflet-polish",
        title="Staying safer around synthetic cannabinoids: a leaflet in Polish",
        resource_type="guide",
        year=2019,
        summary=(
            "A short harm reduction leaflet in Polish about Spice and other synthetic "
            "cannabinoids, for Polish-speaking people using hostels and day centres."
        ),
        text=(
            "This is an English summary of a two-page leaflet written in Polish with Polish "
            "speakers who use Nottingham's day centres.",
            "The leaflet explains what synthetic cannabinoids are, the signs that someone needs "
            "an ambulance, and where to get free, confidential help in the city, including "
            "services with Polish-speaking staff.",
        ),
        authors=("imran",),
        workstreams=(SUBSTANCES, RACE),
        topics=("new-psychoactive-substances", "culturally-informed-practice"),
        audiences=("people-with-lived-experience", "frontline-workers"),
        language="pl",
        publisher="Community recovery service",
        external_url="https://www.example.org/leaflets/spice-polish",
        related=("understanding-nps",),
    ),
    Resource(
        slug="alcohol-leaflet-urdu",
        title="Alcohol and your liver: a leaflet in Urdu",
        resource_type="guide",
        year=2021,
        summary=(
            "A leaflet in Urdu on the effects of heavy drinking on the liver and where to get "
            "confidential help, written with community groups."
        ),
        text=(
            "This is an English summary of a leaflet in Urdu written with two community groups "
            "in Nottingham, for people who may not feel able to talk about drinking in their "
            "own community.",
            "It explains the early signs of liver damage, the danger of stopping heavy "
            "drinking suddenly without medical help, and how to ask a GP for a confidential "
            "appointment with an interpreter.",
        ),
        authors=("imran", "joy"),
        workstreams=(SUBSTANCES, RACE),
        topics=("alcohol", "culturally-informed-practice"),
        audiences=("people-with-lived-experience",),
        language="ur",
        publisher="Community recovery service",
        external_url="https://www.example.org/leaflets/alcohol-urdu",
        related=("alcohol-brief-interventions-toolkit",),
    ),
    Resource(
        slug="alcohol-brief-interventions-toolkit",
        title="Alcohol brief interventions: a toolkit for non-specialist workers",
        resource_type="toolkit",
        year=2020,
        summary=(
            "How any worker can have a short, useful conversation about drinking, using a "
            "simple screening tool and a menu of next steps."
        ),
        text=(
            "A brief intervention is a short conversation, often five minutes, about someone's "
            "drinking. It is not treatment, and it does not need a specialist. Done well, it "
            "helps people drink less.",
            "The toolkit uses the AUDIT-C screening questions and a 'feedback, responsibility, "
            "advice, menu, empathy, self-efficacy' structure, with example phrases workers can "
            "adapt.",
            "It also covers alcohol withdrawal: why someone who drinks heavily every day must "
            "never be told simply to stop, and when to seek medical help.",
        ),
        authors=("imran",),
        workstreams=(SUBSTANCES,),
        topics=("alcohol",),
        audiences=("frontline-workers", "volunteers"),
        related=("alcohol-leaflet-urdu",),
    ),
    Resource(
        slug="naloxone-in-hostels",
        title="Naloxone in hostels: a year of learning",
        resource_type="report",
        year=2024,
        summary=(
            "What happened when every hostel in the city began carrying naloxone and training "
            "residents to use it."
        ),
        text=(
            "Naloxone reverses an opioid overdose for long enough for an ambulance to arrive. "
            "In the year covered by this report, every hostel in the city kept naloxone kits "
            "and offered training to residents as well as staff.",
            "Residents used naloxone more often than staff, usually for friends in their rooms "
            "at night. Several said the training was the first time anyone had trusted them to "
            "save a life.",
            "The report recommends that naloxone training is offered at every hostel induction.",
        ),
        authors=("imran",),
        workstreams=(SUBSTANCES, HOUSING),
        topics=("multi-agency-working",),
        audiences=("managers", "commissioners", "frontline-workers"),
        publisher="Community recovery service",
        plain_summary=(
            "Naloxone is a medicine that can stop someone dying from an overdose of heroin or "
            "similar drugs. For a year, every hostel in the city kept it and showed residents "
            "how to use it. Residents saved lives. This report says what we learned."
        ),
    ),
    Resource(
        slug="alcohol-related-brain-damage-podcast",
        title="Podcast: alcohol-related brain damage, what workers should know",
        resource_type="podcast",
        year=2025,
        summary=(
            "Why memory problems in people who drink heavily are often missed, and how services "
            "can adapt."
        ),
        text=(
            "Imran explains alcohol-related brain damage: how years of heavy drinking and poor "
            "nutrition can harm memory and planning, and why people are often wrongly seen as "
            "not trying.",
            "He suggests practical changes: written reminders, the same worker each time, and "
            "assessments done after a period without alcohol. Some recovery is possible with "
            "abstinence and good nutrition.",
        ),
        authors=("imran",),
        workstreams=(SUBSTANCES,),
        topics=("alcohol",),
        audiences=("frontline-workers", "managers"),
        external_url="https://podcasts.example.org/pdu/alcohol-related-brain-damage",
    ),
    Resource(
        slug="no-wrong-door",
        title="No wrong door: mental health and substance use together",
        resource_type="academic-paper",
        year=2018,
        summary=(
            "Why people with both mental ill-health and drug or alcohol problems fall between "
            "services, and what joint working looks like when it succeeds."
        ),
        text=(
            "People who have both a mental health condition and a drug or alcohol problem are "
            "often told to sort one out before the other will be treated. We call for a 'no "
            "wrong door' approach in which any service can start the work.",
            "In interviews with 30 workers we found that joint assessments, shared care plans "
            "and named leads in each service made the most difference.",
        ),
        authors=("imran", "rachel"),
        workstreams=(SUBSTANCES, PIA),
        topics=("multi-agency-working",),
        audiences=("managers", "commissioners"),
        publisher="Centre for social inclusion",
    ),
    # Race, Ethnicity and Culturally Informed Practice
    Resource(
        slug="culturally-informed-practice-toolkit",
        title="Culturally informed practice: a toolkit for services",
        resource_type="toolkit",
        year=2021,
        summary=(
            "Questions, exercises and examples to help services understand and respond to the "
            "culture, faith and ethnicity of the people they support."
        ),
        text=(
            "Culturally informed practice starts with curiosity rather than assumptions. The "
            "toolkit asks teams to notice who uses their service and who does not, and why.",
            "It includes an exercise in which workers map their own cultural background, a "
            "guide to working with interpreters, and examples from Nottingham services that "
            "changed menus, prayer spaces and opening hours after listening to communities.",
            "It also names racism directly: people from racialised communities often arrive "
            "with experiences of discrimination in services, and trust has to be earned.",
        ),
        authors=("joy",),
        workstreams=(RACE,),
        topics=("culturally-informed-practice",),
        audiences=("frontline-workers", "managers"),
        publisher="Race equality network",
        related=("racial-trauma-and-trust",),
    ),
    Resource(
        slug="housing-rights-leaflet-romanian",
        title="Know your rights to housing help: a leaflet in Romanian",
        resource_type="guide",
        year=2022,
        summary=(
            "A leaflet in Romanian explaining who can get help with housing in England and "
            "where to go in Nottingham."
        ),
        text=(
            "This is an English summary of a leaflet in Romanian written with Romanian and Roma "
            "community workers.",
            "It explains, in plain terms, how immigration status affects the right to housing "
            "help, where to get free advice, and how to avoid landlords who offer rooms in "
            "return for unpaid work.",
        ),
        authors=("joy",),
        workstreams=(RACE, HOUSING),
        topics=("culturally-informed-practice",),
        audiences=("people-with-lived-experience",),
        language="ro",
        publisher="Race equality network",
        external_url="https://www.example.org/leaflets/housing-rights-romanian",
    ),
    Resource(
        slug="health-and-housing-leaflet-arabic",
        title="Getting help with housing and health: a leaflet in Arabic",
        resource_type="guide",
        year=2023,
        summary=(
            "A leaflet in Arabic on registering with a GP, getting mental health support and "
            "asking for housing help in Nottingham."
        ),
        text=(
            "This is an English summary of a leaflet in Arabic written with refugee community "
            "organisations in the city.",
            "It explains that anyone can register with a GP without proof of address, how to "
            "ask for an interpreter at no cost, and where to find mental health support that "
            "understands the experience of war and displacement.",
        ),
        authors=("joy",),
        workstreams=(RACE,),
        topics=("culturally-informed-practice", "trauma-informed-care"),
        audiences=("people-with-lived-experience",),
        language="ar",
        publisher="Race equality network",
        external_url="https://www.example.org/leaflets/health-and-housing-arabic",
    ),
    Resource(
        slug="racial-trauma-and-trust",
        title="Racial trauma and trust in services",
        resource_type="academic-paper",
        year=2024,
        summary=(
            "How experiences of racism shape whether people from racialised communities trust "
            "health, housing and criminal justice services."
        ),
        text=(
            "Racial trauma is the cumulative harm caused by experiences of racism, from single "
            "incidents to daily slights. We interviewed 25 people from Black and Asian "
            "communities in Nottingham who had faced multiple disadvantage.",
            "Most described being disbelieved or treated as a risk by at least one service. "
            "Several avoided services entirely until they reached crisis.",
            "We argue that trauma informed care is incomplete unless it recognises racial "
            "trauma, and that services should record and respond to complaints of racism as "
            "safeguarding matters.",
        ),
        authors=("joy", "sam"),
        workstreams=(RACE, PIA),
        topics=("culturally-informed-practice", "trauma-informed-care"),
        audiences=("managers", "commissioners", "frontline-workers"),
        publisher="Centre for social inclusion",
        related=("culturally-informed-practice-toolkit",),
    ),
    Resource(
        slug="working-with-interpreters",
        title="Working well with interpreters: findings from a Community of Practice",
        resource_type="report",
        year=2026,
        summary=(
            "What workers in the Race, Ethnicity and Culture Community of Practice learned "
            "about using interpreters in difficult conversations."
        ),
        text=(
            "Community of Practice members shared stories of interpreted conversations that "
            "went well and badly. Using family members or children as interpreters was common "
            "and often harmful.",
            "Members agreed a short briefing to give interpreters before a difficult "
            "conversation, and a debrief afterwards, because interpreters hear traumatic "
            "stories too.",
        ),
        authors=("joy",),
        workstreams=(RACE,),
        topics=("culturally-informed-practice", "reflective-practice"),
        audiences=("frontline-workers", "managers"),
    ),
    Resource(
        slug="faith-culture-and-recovery-podcast",
        title="Podcast: faith, culture and recovery",
        resource_type="podcast",
        year=2026,
        summary=(
            "Joy talks with faith leaders and people in recovery about the part culture and "
            "faith can play in getting well."
        ),
        text=(
            "Joy is joined by an imam, a pastor and two people in recovery. They talk about "
            "shame, family and the role of faith communities in noticing when someone is "
            "struggling.",
            "Guests describe mosques and churches that became places of welcome, and others "
            "where people felt judged. They ask services to build links with faith groups "
            "before a crisis, not during one.",
        ),
        authors=("joy",),
        workstreams=(RACE, SUBSTANCES),
        topics=("culturally-informed-practice", "lived-experience"),
        audiences=("frontline-workers", "people-with-lived-experience", "volunteers"),
        external_url="https://podcasts.example.org/pdu/faith-culture-and-recovery",
    ),
    # Across the workstreams
    Resource(
        slug="multi-agency-case-reviews",
        title="Working across services: what multi-agency case reviews taught us",
        resource_type="report",
        year=2023,
        summary=(
            "Lessons from reviewing the support given to twelve people facing multiple "
            "disadvantage, service by service."
        ),
        text=(
            "We reviewed the support given to twelve people over two years, with their "
            "consent, by bringing every involved service round one table. Most people had "
            "been known to more than eight services.",
            "Information was rarely shared, and each service held part of the picture. In "
            "several cases a crisis could have been foreseen by putting the pieces together.",
            "The report recommends a named lead worker for everyone known to four or more "
            "services, and a simple consent form that lets people choose what is shared.",
        ),
        authors=("sam", "yasmin"),
        workstreams=(PIA, HOUSING, SUBSTANCES, WOMEN),
        topics=("multi-agency-working",),
        audiences=("commissioners", "managers"),
        related=("working-together-e-learning",),
    ),
    Resource(
        slug="working-together-e-learning",
        title="E-learning: working together across services",
        resource_type="e-learning-module",
        year=2024,
        summary=(
            "A module on sharing information safely, joint care planning and being the lead "
            "worker for someone known to many services."
        ),
        text=(
            "This module explains the basics of information sharing: what consent means, when "
            "you can share without it, and why 'data protection' is rarely a reason not to "
            "talk.",
            "Learners practise writing a joint care plan for a fictional client known to "
            "housing, probation, a drug service and a community mental health team.",
        ),
        authors=("sam",),
        workstreams=(PIA, SUI),
        topics=("multi-agency-working",),
        audiences=("frontline-workers", "managers"),
        related=("multi-agency-case-reviews",),
    ),
]


@dataclass(frozen=True)
class Evaluation:
    slug: str
    title: str
    summary: str
    evaluator: str
    period_start: datetime.date
    period_end: datetime.date
    published: datetime.date
    key_findings: tuple[str, ...]
    figures: tuple[tuple[str, str], ...]
    text: tuple[str, ...]
    file_title: str


EVALUATIONS = [
    Evaluation(
        slug="independent-evaluation-2019",
        title="Independent evaluation, February 2019",
        summary=(
            "The first independent evaluation of the PDU, covering its first sixteen months: "
            "how it was set up and what early difference it made to practice."
        ),
        evaluator="Yasmin Ali, independent evaluation partner",
        period_start=datetime.date(2017, 10, 1),
        period_end=datetime.date(2019, 1, 31),
        published=datetime.date(2019, 2, 28),
        key_findings=(
            "Workers valued meeting colleagues from other services as much as the content of "
            "events.",
            "Inviting people with lived experience to every event changed the tone of "
            "discussions and was widely welcomed.",
            "The programme responded quickly to members' requests, for example with events on "
            "hoarding and new psychoactive substances.",
            "Managers asked for more help turning learning into changes in their services.",
        ),
        figures=(
            ("16", "months of the programme evaluated, from October 2017 to January 2019"),
            ("6", "workstreams, each shaped by what members asked for"),
        ),
        text=(
            "This evaluation looked at how the Practice Development Unit was set up, who took "
            "part in its learning events and Communities of Practice, and what early "
            "difference participants reported in their work.",
            "We used event feedback forms, interviews with workers and managers, and two "
            "focus groups with people with lived experience who had taken part in events.",
            "Participants consistently said the most useful part of events was meeting "
            "workers from other services. Several described referring someone more quickly "
            "because they now knew who to call.",
            "Our main recommendation is that the PDU helps managers carry learning back into "
            "their services, for example through Communities of Practice for team leaders.",
        ),
        file_title="Independent evaluation of the Practice Development Unit, February 2019",
    ),
    Evaluation(
        slug="independent-evaluation-2021",
        title="Independent evaluation, November 2021",
        summary=(
            "The second independent evaluation of the PDU: its reach over four years, the "
            "move to online learning and the lasting changes members made to practice."
        ),
        evaluator="Centre for social inclusion",
        period_start=datetime.date(2017, 10, 1),
        period_end=datetime.date(2021, 9, 30),
        published=datetime.date(2021, 11, 30),
        key_findings=(
            "The PDU reached more than 2,000 people from 360 organisations across the "
            "voluntary, statutory and private sectors.",
            "Communities of Practice gave workers a lasting network and led to concrete "
            "changes, such as new hostel induction routines.",
            "The e-learning suite kept learning going when events could not meet in person.",
            "People with lived experience were involved in designing and delivering learning, "
            "not only in attending it.",
        ),
        figures=(
            ("Around 80", "learning events"),
            ("Around 80", "Community of Practice meetings"),
            ("7", "Communities of Practice"),
            ("18", "modules in the e-learning suite"),
            ("2,000+", "people reached"),
            ("360", "organisations taking part"),
        ),
        text=(
            "This evaluation covers the PDU's first four years, from October 2017 to September "
            "2021, including the period when learning moved online.",
            "Over that time the PDU ran around 80 learning events and around as many meetings "
            "of its seven Communities of Practice, and built an e-learning suite of 18 "
            "modules. More than 2,000 people from 360 organisations took part.",
            "Members told us that Communities of Practice were where learning turned into "
            "change: hostel teams rewrote their induction routines, and a drug service and a "
            "housing provider began joint assessments.",
            "We recommend that the PDU's learning continues through the Changing Futures "
            "programme, with continued investment in the involvement of people with lived "
            "experience.",
        ),
        file_title="Independent evaluation of the Practice Development Unit, November 2021",
    ),
]

RESOURCE_INDEX_INTRODUCTION = (
    "Papers, toolkits, reports, guides, recordings and e-learning about supporting people facing "
    "multiple disadvantage, chosen and written by the PDU and its members."
)
EVALUATION_INDEX_INTRODUCTION = (
    "Independent evaluators have looked at what the PDU does and what difference it makes. "
    "Read their reports here."
)
