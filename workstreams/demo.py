"""Demo content owned by the workstreams app: the six workstreams and seven Communities of Practice.

The workstream names are the real programme's; the text is written for the demo and the people
named in it are invented (see home.demo).

`build()` is idempotent: pages are looked up by slug under their parent, updated only when their
content differs, and published (with a revision) only when something changed.
"""

from .models import CommunityOfPracticePage, WorkstreamIndexPage, WorkstreamPage

# The programme's public enquiries address, from the seed page.
TEAM_EMAIL = '<a href="mailto:enquiries@pdunottingham.org">enquiries@pdunottingham.org</a>'

INDEX_SLUG = "workstreams"
INDEX_TITLE = "Workstreams"
INDEX_INTRODUCTION = (
    "Our learning is organised into six workstreams: themes that matter to people facing "
    "multiple disadvantage and to the workers who support them. Each has its own events, "
    "resources and Communities of Practice."
)

# slug: fields. "lead" names a key of home.demo.PEOPLE.
WORKSTREAMS = {
    "psychologically-informed-approaches": {
        "title": "Psychologically Informed Approaches (including Trauma Informed Care)",
        "lead": "amira",
        "summary": (
            "How services can take account of people's emotional and psychological needs, "
            "and of the trauma many have lived through, in everything they do."
        ),
        "what_it_covers": (
            "<p>A Psychologically Informed Environment (PIE) is a service designed around the "
            "emotional needs of the people who use it, not only their practical ones. Trauma "
            "Informed Care asks what has happened to a person, rather than what is wrong with "
            "them.</p>"
            "<ul>"
            "<li>the five parts of a PIE and where to start in your own service</li>"
            "<li>reflective practice and supervision for frontline teams</li>"
            "<li>how trauma shows up in behaviour, and responses that do not cause more harm</li>"
            "<li>looking after yourself when the work is hard</li>"
            "</ul>"
        ),
        "who_it_is_for": (
            "<p>Anyone who works in hostels, day centres, outreach, probation, mental health or "
            "housing services, and the managers who shape how those services run.</p>"
        ),
    },
    "service-user-involvement": {
        "title": "Service User Involvement: Towards Co-production",
        "lead": "grace",
        "summary": (
            "Moving from asking people what they think to designing and running services "
            "with them, as equal partners."
        ),
        "what_it_covers": (
            "<p>Co-production means people who use services and people who run them share power "
            "over decisions, from the first idea to the final review.</p>"
            "<ul>"
            "<li>the difference between consultation, involvement and co-production</li>"
            "<li>paying and supporting people with lived experience fairly</li>"
            "<li>peer roles: recruiting, training and supervising peer workers</li>"
            "<li>changing meetings, paperwork and panels so everyone can take part</li>"
            "</ul>"
        ),
        "who_it_is_for": (
            "<p>Workers and managers who want to involve the people they support more deeply, "
            "and people with lived experience who want to shape local services.</p>"
        ),
    },
    "housing-first-and-homelessness": {
        "title": "Housing First and Homelessness",
        "lead": "dan",
        "summary": (
            "What helps people leave homelessness for good, from better hostels to Housing "
            "First, where a settled home comes first and support follows."
        ),
        "what_it_covers": (
            "<p>Housing First offers people with the most complex needs a home of their own "
            "without asking them to prove they are 'ready' first, together with open-ended, "
            "flexible support.</p>"
            "<ul>"
            "<li>the principles of Housing First and keeping to them in practice</li>"
            "<li>what makes a good hostel, and how to get there</li>"
            "<li>keeping tenancies going when things get difficult</li>"
            "<li>rough sleeping, evictions and the move from temporary to settled housing</li>"
            "</ul>"
        ),
        "who_it_is_for": (
            "<p>Housing First and tenancy support workers, hostel and supported housing staff, "
            "outreach teams, and housing officers from the council and housing associations.</p>"
        ),
    },
    "womens-complex-needs": {
        "title": "Women's Complex Needs",
        "lead": "helen",
        "summary": (
            "Support that works for women facing several disadvantages at once, who are often "
            "also surviving domestic or sexual abuse."
        ),
        "what_it_covers": (
            "<p>Women facing multiple disadvantage are less likely to be seen by services and more "
            "likely to have experienced violence. This workstream looks at what gender-informed "
            "support looks like.</p>"
            "<ul>"
            "<li>women-only spaces and why they matter</li>"
            "<li>domestic and sexual abuse alongside homelessness and substance use</li>"
            "<li>women who have had children removed from their care</li>"
            "<li>sex work, exploitation and safety</li>"
            "</ul>"
        ),
        "who_it_is_for": (
            "<p>Anyone supporting women: in women's services, housing, substance misuse, "
            "probation, health and children's services.</p>"
        ),
    },
    "substance-misuse": {
        "title": "Substance Misuse, including New Psychoactive Substances and Alcohol",
        "lead": "imran",
        "summary": (
            "Up-to-date knowledge about drugs and alcohol, and ways of working that reduce harm "
            "and support recovery."
        ),
        "what_it_covers": (
            "<p>New Psychoactive Substances (NPS), once sold as 'legal highs', change quickly and "
            "affect people in ways workers may not recognise. Alcohol harms many of the people our "
            "members support, and is easy to overlook.</p>"
            "<ul>"
            "<li>what NPS are, their effects and how to respond safely</li>"
            "<li>alcohol, including people who are drinking at harmful levels</li>"
            "<li>harm reduction, naloxone and preventing overdose</li>"
            "<li>working with substance misuse and mental health needs together</li>"
            "</ul>"
        ),
        "who_it_is_for": (
            "<p>Drug and alcohol workers, and anyone in housing, outreach, criminal justice or "
            "health who supports people using substances.</p>"
        ),
    },
    "race-ethnicity-and-culture": {
        "title": "Race, Ethnicity and Culturally Informed Practice",
        "lead": "joy",
        "summary": (
            "Understanding how racism and culture shape people's lives and their experience "
            "of services, and changing practice so that everyone gets fair support."
        ),
        "what_it_covers": (
            "<p>People from Black, Asian and other minority ethnic communities who face multiple "
            "disadvantage often meet extra barriers, including racism, isolation from their own "
            "community and services that do not reflect them.</p>"
            "<ul>"
            "<li>recognising and challenging racism in services</li>"
            "<li>working with interpreters and people whose first language is not English</li>"
            "<li>refugees, asylum seekers and people with no recourse to public funds</li>"
            "<li>building trust with communities that services have let down</li>"
            "</ul>"
        ),
        "who_it_is_for": (
            "<p>Workers and managers in every kind of service, and community organisations that "
            "want to work more closely with them.</p>"
        ),
    },
}

# slug: fields. "workstream" names a key of WORKSTREAMS; "facilitated" puts the demo facilitator
# on the page.
COMMUNITIES = {
    "pie-practitioners": {
        "workstream": "psychologically-informed-approaches",
        "title": "Psychologically Informed Environments (PIE) practitioners",
        "facilitated": True,
        "summary": (
            "Frontline workers and managers helping each other put the ideas behind "
            "Psychologically Informed Environments into practice."
        ),
        "purpose": (
            "<p>Members bring real situations from their own services, such as a resident who "
            "keeps being evicted or a team that is burning out, and think them through together "
            "using the PIE framework.</p>"
        ),
        "who_it_is_for": (
            "<p>Anyone working in a hostel, day centre, supported housing or outreach team who "
            "is trying to make their service more psychologically informed.</p>"
        ),
        "meeting_pattern": "Every other month, Tuesday mornings, 10:00 to 12:00, online",
        "how_to_join": (
            "<p>Sign in to the hub and use “Ask to join” below, saying what your role is. "
            f"The facilitator will reply within a week. Questions? Email {TEAM_EMAIL}.</p>"
        ),
    },
    "trauma-informed-care": {
        "workstream": "psychologically-informed-approaches",
        "title": "Trauma Informed Care",
        "facilitated": False,
        "summary": (
            "A space to share what trauma informed care looks like in day-to-day work, and "
            "what gets in its way."
        ),
        "purpose": (
            "<p>Each meeting takes one theme, for example first appointments, saying no, or "
            "ending support well, and members share what they have tried.</p>"
        ),
        "who_it_is_for": (
            "<p>Workers from any service, statutory or voluntary. You do not need to have done "
            "any training in trauma informed care first.</p>"
        ),
        "meeting_pattern": "Quarterly, Thursday afternoons, in person in Nottingham city centre",
        "how_to_join": (
            "<p>Join the PDU's free online hub, then book a place on the next meeting from the "
            "events page.</p>"
        ),
    },
    "co-production": {
        "workstream": "service-user-involvement",
        "title": "Co-production",
        "facilitated": True,
        "summary": (
            "Workers and people with lived experience learning, as equals, how to design and "
            "run services together."
        ),
        "purpose": (
            "<p>Members plan co-produced projects, share what has worked, and hold each other to "
            "account for sharing power rather than only consulting.</p>"
        ),
        "who_it_is_for": (
            "<p>People with lived experience of multiple disadvantage, peer workers, and staff "
            "who lead involvement in their organisation.</p>"
        ),
        "meeting_pattern": "Monthly, first Wednesday, 13:00 to 15:00, hybrid",
        "how_to_join": (
            f"<p>Email {TEAM_EMAIL}. If you would like to talk it over first, say "
            "so and one of the facilitators will call you.</p>"
        ),
    },
    "hostel-and-supported-housing-managers": {
        "workstream": "housing-first-and-homelessness",
        "title": "Hostel and supported housing managers",
        "facilitated": False,
        "summary": (
            "Managers of hostels and supported housing in Nottingham working together on what "
            "makes a good hostel."
        ),
        "purpose": (
            "<p>Managers share policies, compare approaches to evictions and abandonments, and "
            "work on shared problems such as move-on and staff wellbeing. It is chaired by Dan "
            "Kowalski.</p>"
        ),
        "who_it_is_for": (
            "<p>Managers and team leaders of hostels, night shelters and supported housing "
            "schemes in Nottingham and the surrounding area.</p>"
        ),
        "meeting_pattern": "Every other month, Monday mornings, rotating between members' services",
        "how_to_join": (
            f"<p>Email {TEAM_EMAIL} with the name of your service. Meetings are "
            "closed so members can speak freely.</p>"
        ),
    },
    "housing-first-workers": {
        "workstream": "housing-first-and-homelessness",
        "title": "Housing First workers",
        "facilitated": True,
        "summary": (
            "Housing First support workers from different teams sharing practice, problems and "
            "ideas."
        ),
        "purpose": (
            "<p>Housing First work can be lonely, with small caseloads and long relationships. "
            "Members support each other, talk through difficult situations and keep the work "
            "true to Housing First principles.</p>"
        ),
        "who_it_is_for": (
            "<p>Anyone working in a Housing First service in Nottingham or Nottinghamshire.</p>"
        ),
        "meeting_pattern": "Monthly, last Friday, 10:00 to 11:30, online",
        "how_to_join": f"<p>Ask your manager to email {TEAM_EMAIL} for you.</p>",
    },
    "womens-services": {
        "workstream": "womens-complex-needs",
        "title": "Women's services",
        "facilitated": False,
        "summary": (
            "Workers from women's services and mixed services learning together how to support "
            "women facing multiple disadvantage."
        ),
        "purpose": (
            "<p>Members share resources, map what support exists for women across the city, "
            "and raise gaps with commissioners.</p>"
        ),
        "who_it_is_for": (
            "<p>Women's services workers, and workers in mixed services who support women.</p>"
        ),
        "meeting_pattern": "Quarterly, Wednesday mornings, in person at a women-only venue",
        "how_to_join": f"<p>Email {TEAM_EMAIL}. The venue address is shared with members only.</p>",
    },
    "culturally-informed-practice": {
        "workstream": "race-ethnicity-and-culture",
        "title": "Culturally informed practice",
        "facilitated": True,
        "summary": (
            "Workers and community organisations talking openly about race, culture and fairness "
            "in their services."
        ),
        "purpose": (
            "<p>A reflective space where members can discuss racism and cultural difference "
            "honestly, learn from community organisations and take ideas back to their teams.</p>"
        ),
        "who_it_is_for": (
            "<p>Anyone who wants to make their practice more culturally informed, whatever their "
            "own background.</p>"
        ),
        "meeting_pattern": "Every other month, Thursday evenings, 17:30 to 19:00, online",
        "how_to_join": (
            "<p>Join the PDU's free online hub and book through the events page, or email "
            f"{TEAM_EMAIL}.</p>"
        ),
    },
}


def _save(parent, model, slug, fields):
    """Create the page `slug` under `parent`, or update it to `fields`. Publish only on change."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
    else:
        unchanged = all(getattr(page, name) == value for name, value in fields.items())
        if unchanged and page.live and not page.has_unpublished_changes:
            return page
    for name, value in fields.items():
        setattr(page, name, value)
    # Publishing from a revision gives the page a history in the admin, like an editor's edit.
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build(home, people, facilitator):
    """Create or update the workstreams section under `home`.

    `people` is what home.demo.build_people() returns; `facilitator` is the staff member shown
    on some Communities of Practice.
    """
    index = _save(
        home,
        WorkstreamIndexPage,
        INDEX_SLUG,
        {"title": INDEX_TITLE, "introduction": INDEX_INTRODUCTION},
    )

    workstreams = {}
    for slug, spec in WORKSTREAMS.items():
        fields = {key: value for key, value in spec.items() if key != "lead"}
        fields["lead"] = people[spec["lead"]]
        workstreams[slug] = _save(index, WorkstreamPage, slug, fields)

    communities = {}
    for slug, spec in COMMUNITIES.items():
        fields = {
            key: value for key, value in spec.items() if key not in {"workstream", "facilitated"}
        }
        fields["facilitator"] = facilitator if spec["facilitated"] else None
        parent = workstreams[spec["workstream"]]
        communities[slug] = _save(parent, CommunityOfPracticePage, slug, fields)

    return {"index": index, "workstreams": workstreams, "communities": communities}
