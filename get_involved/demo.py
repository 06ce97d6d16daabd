"""Demo content: the two forms under the "Get involved" page."""

from .models import GetInvolvedFormField, GetInvolvedFormPage

# Demo submissions go to a reserved domain, so a development machine never emails the real team.
DEMO_TEAM_ADDRESS = "pdu-team@example.org"

WORKSTREAM_CHOICES = "\n".join(
    [
        "Psychologically Informed Approaches (including Trauma Informed Care)",
        "Service User Involvement: Towards Co-production",
        "Housing First and Homelessness",
        "Women's Complex Needs",
        "Substance Misuse, including New Psychoactive Substances and Alcohol",
        "Race, Ethnicity and Culturally Informed Practice",
        "Not sure",
    ]
)


def field(label, field_type, required=True, help_text="", choices=""):
    return {
        "label": label,
        "field_type": field_type,
        "required": required,
        "help_text": help_text,
        "choices": choices,
    }


FORMS = {
    "suggest-a-topic": {
        "title": "Suggest a topic",
        "intro": (
            "<p>Our events and Communities of Practice are led by what members want to learn. "
            "Tell us a topic you would like an event on, or something to explore with other "
            "practitioners.</p>"
            "<p>You do not have to give your name. If you give an email address we will only use "
            "it to reply about your suggestion.</p>"
        ),
        "thank_you_text": (
            "<p>Thank you for your suggestion. The PDU team reads every one when planning the "
            "next events. If you gave an email address, we will reply within 10 working days.</p>"
        ),
        "subject": "Topic suggestion from the PDU Hub",
        "fields": [
            field("Your name", "singleline", required=False),
            field(
                "Email",
                "email",
                required=False,
                help_text="Only if you would like a reply.",
            ),
            field(
                "Topic",
                "singleline",
                help_text="In a few words, for example 'Working with people who hoard'.",
            ),
            field(
                "Why it matters",
                "multiline",
                help_text="What you would like to learn, and why it matters in your work.",
            ),
            field(
                "Which workstream does it fit?",
                "radio",
                required=False,
                choices=WORKSTREAM_CHOICES,
            ),
        ],
    },
    "speak-or-facilitate": {
        "title": "Offer to speak or facilitate",
        "intro": (
            "<p>Many of our events are shaped and run by members. If you have something to share, "
            "from your work or from your own experience, we would like to hear from you.</p>"
            "<p>We credit everyone who speaks the way they choose, and we pay people with lived "
            "experience for their time.</p>"
        ),
        "thank_you_text": (
            "<p>Thank you for offering to help. Someone from the PDU team will email you within "
            "10 working days to talk it through.</p>"
        ),
        "subject": "Offer to speak or facilitate",
        "fields": [
            field("Name", "singleline", help_text="The name you would like us to use."),
            field("Email", "email"),
            field("Organisation", "singleline", required=False),
            field(
                "What you would offer",
                "multiline",
                help_text="The topic, and whether you would speak, run a workshop or facilitate.",
            ),
            field(
                "I would speak from lived experience",
                "checkbox",
                required=False,
                help_text="Only if you want to tell us.",
            ),
            field(
                "Accessibility needs",
                "multiline",
                required=False,
                help_text="Anything we can arrange so you can take part, for example a quiet room.",
            ),
        ],
    },
}


def build(get_involved_page):
    """Create the forms that are missing, live; forms editors have changed are left alone."""
    pages = {}
    for slug, spec in FORMS.items():
        page = GetInvolvedFormPage.objects.child_of(get_involved_page).filter(slug=slug).first()
        if page is None:
            page = GetInvolvedFormPage(
                slug=slug,
                title=spec["title"],
                intro=spec["intro"],
                thank_you_text=spec["thank_you_text"],
                to_address=DEMO_TEAM_ADDRESS,
                subject=spec["subject"],
                form_fields=[GetInvolvedFormField(**fields) for fields in spec["fields"]],
            )
            get_involved_page.add_child(instance=page)
            page.save_revision().publish()
        pages[slug] = page
    return pages
