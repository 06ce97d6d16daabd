"""Demo content owned by the home app: the home page and the people credited around the site.

Everyone named here is invented for the demo.
"""

from wagtail.models import Locale

from .models import HomePage, Person

INTRODUCTION = (
    "Since 2017 the Practice Development Unit has brought together people from Nottingham's "
    "voluntary and statutory services to learn, side by side, how to support people facing "
    "multiple disadvantage."
)

# key: (name, role, organisation, bio, lived experience)
PEOPLE = {
    "amira": (
        "Amira Hussain",
        "Practice development lead",
        "Practice Development Unit",
        "Amira leads the Psychologically Informed Approaches workstream. She worked for ten years "
        "in supported housing before joining the PDU.",
        False,
    ),
    "dan": (
        "Dan Kowalski",
        "Housing First coordinator",
        "Nottingham housing partnership",
        "Dan coordinates Housing First support in the city and chairs the hostel managers' "
        "Community of Practice.",
        False,
    ),
    "grace": (
        "Grace Okafor",
        "Peer researcher",
        "",
        "Grace co-produces training on service user involvement and speaks about her own "
        "experience of homelessness and recovery.",
        True,
    ),
    "helen": (
        "Helen Marsh",
        "Women's services manager",
        "Nottingham women's centre",
        "Helen manages gender-specific support for women with complex needs.",
        False,
    ),
    "imran": (
        "Imran Siddiqui",
        "Substance misuse specialist",
        "Community recovery service",
        "Imran trains workers on alcohol, drugs and new psychoactive substances.",
        False,
    ),
    "joy": (
        "Joy Campbell",
        "Community development worker",
        "Race equality network",
        "Joy leads the Race, Ethnicity and Culturally Informed Practice workstream.",
        False,
    ),
    "lee": (
        "Lee",
        "Expert by experience",
        "",
        "Lee chose to be credited by first name only. He helps design learning events and "
        "speaks about prison, hostels and what helped.",
        True,
    ),
    "rachel": (
        "Dr Rachel Turner",
        "Clinical psychologist",
        "NHS mental health services",
        "Rachel supports teams to build psychologically informed environments.",
        False,
    ),
    "sam": (
        "Sam Patel",
        "Researcher",
        "Centre for social inclusion",
        "Sam researches how services work together for people facing multiple disadvantage.",
        False,
    ),
    "tom": (
        "Tom Reid",
        "Hoarding support worker",
        "Tenancy sustainment team",
        "Tom supports people whose tenancies are at risk because of hoarding.",
        False,
    ),
    "yasmin": (
        "Yasmin Ali",
        "Evaluator",
        "Independent evaluation partner",
        "Yasmin has evaluated learning programmes in the voluntary sector for fifteen years.",
        False,
    ),
}


def build_people():
    """Create or update the demo people; returns them by key (e.g. people["amira"])."""
    locale = Locale.get_default()
    people = {}
    for key, (name, role, organisation, bio, lived_experience) in PEOPLE.items():
        person, _created = Person.objects.update_or_create(
            name=name,
            locale=locale,
            defaults={
                "role": role,
                "organisation": organisation,
                "bio": bio,
                "lived_experience": lived_experience,
            },
        )
        people[key] = person
    return people


def fill_home_page():
    home = HomePage.objects.filter(depth=2).first()
    if home is None or (home.introduction == INTRODUCTION and not home.has_unpublished_changes):
        return home
    home.introduction = INTRODUCTION
    home.save_revision().publish()
    return home
