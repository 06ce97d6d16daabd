"""The words of the e-learning demo: the suite's 18 modules, in three groups of six.

The three groups are the real programme's; every module's text is written for the demo.
"""

from dataclasses import dataclass

from .models import Topic

INDEX_SLUG = "e-learning"
INDEX_TITLE = "E-learning"
INDEX_INTRODUCTION = (
    "Eighteen short modules you can work through at your own pace, in three groups: multiple "
    "disadvantage, Psychologically Informed Environments (PIE) and Trauma Informed Care. "
    "Practitioners and people with lived experience in Nottingham wrote them together."
)


@dataclass(frozen=True)
class Module:
    number: int
    slug: str
    title: str
    topic: str
    minutes: int
    summary: str
    outcomes: tuple[str, ...]
    paragraphs: tuple[str, ...]
    content_note: str = ""


MODULES = [
    # Multiple disadvantage
    Module(
        1,
        "what-is-multiple-disadvantage",
        "What is multiple disadvantage?",
        Topic.MULTIPLE_DISADVANTAGE,
        30,
        "Why some people face homelessness, poor mental health, offending and substance use all "
        "at once, and why help built for one problem at a time often misses them.",
        (
            "Describe multiple disadvantage in your own words",
            "Explain how one problem can make the others harder to solve",
            "Name two ways your own service could be easier to reach",
        ),
        (
            "Most services are set up to deal with one thing: housing, drugs, mental health or "
            "offending. Many of the people our members support live with several of these at "
            "the same time, and each one makes the others worse.",
            "In this module you follow a week in the life of Mark, an invented composite of "
            "people we have worked with, and count the appointments, forms and waiting lists "
            "he meets along the way.",
        ),
    ),
    Module(
        2,
        "the-revolving-door",
        "The revolving door: thresholds, waiting lists and exclusions",
        Topic.MULTIPLE_DISADVANTAGE,
        35,
        "How eligibility rules, thresholds and exclusions can pass people from one service to "
        "the next without anyone taking hold, and what teams can do about it.",
        (
            "Map the services a person might be passed between in your area",
            "Recognise when a threshold or rule is keeping someone out",
            "Plan one conversation with a partner service about a shared client",
        ),
        (
            "A person can be too unwell for the drug service and too dependent on drugs for "
            "the mental health team. Each decision makes sense on its own; together they leave "
            "people with nowhere to go.",
            "The module ends with a mapping exercise you can repeat with your team, using a "
            "large sheet of paper and the last three people you found hard to refer.",
        ),
    ),
    Module(
        3,
        "learning-from-lived-experience",
        "Learning from lived experience",
        Topic.MULTIPLE_DISADVANTAGE,
        30,
        "People who have faced multiple disadvantage describe, in their own words, what helped "
        "and what made things harder.",
        (
            "Explain why lived experience is a form of expertise",
            "Describe what people said made services feel safe or unsafe",
            "Identify one way to involve people with lived experience in your work",
        ),
        (
            "Four peer researchers recorded conversations with people who had used Nottingham "
            "services for many years. They chose what to share and how they are named.",
            "Listen for the small things: being called by your first name, being offered a "
            "drink, being told what happens next.",
        ),
    ),
    Module(
        4,
        "working-across-services",
        "Working across services around one person",
        Topic.MULTIPLE_DISADVANTAGE,
        40,
        "Practical ways for workers from different organisations to share information, agree a "
        "plan and stay in touch around one person.",
        (
            "Describe what a good multi-agency meeting looks like",
            "Explain when and how information can be shared with consent",
            "Agree who will be the main contact for a shared client",
        ),
        (
            "When several workers support the same person, each can end up holding a small part "
            "of the story. This module looks at how teams in Nottingham agree one plan and one "
            "main contact.",
            "You will practise writing a short, plain summary of a person's situation that they "
            "would be happy to read themselves.",
        ),
    ),
    Module(
        5,
        "mental-health-and-substance-use",
        "Mental health and substance use together",
        Topic.MULTIPLE_DISADVANTAGE,
        45,
        "Supporting people whose mental health and drug or alcohol use are tangled together, "
        "without waiting for one to be sorted before the other.",
        (
            "Explain why mental health and substance use often go together",
            "Recognise signs that someone needs urgent help",
            "Describe how to support someone while they wait for treatment",
        ),
        (
            "People are often told to stop drinking before their mental health can be assessed, "
            "or to get their mental health stable before they can start drug treatment.",
            "This module sets out what workers can do in the meantime: keeping in touch, "
            "reducing harm and helping people to keep appointments.",
        ),
        content_note="This module talks about self-harm, overdose and suicide.",
    ),
    Module(
        6,
        "women-and-multiple-disadvantage",
        "Women, multiple disadvantage and abuse",
        Topic.MULTIPLE_DISADVANTAGE,
        40,
        "Why women facing multiple disadvantage are often hidden from services, and what "
        "gender-informed support looks like.",
        (
            "Describe how women's experience of multiple disadvantage can differ from men's",
            "Recognise signs of domestic abuse and exploitation",
            "Explain why women-only spaces matter",
        ),
        (
            "Women are less likely to sleep rough where they can be seen and more likely to stay "
            "with people who harm them. Many have had children removed from their care.",
            "Workers from women's services in Nottingham explain how they make first contact "
            "feel safe.",
        ),
        content_note="This module talks about domestic and sexual abuse and child removal.",
    ),
    # Psychologically Informed Environments
    Module(
        7,
        "pie-an-introduction",
        "Psychologically Informed Environments: an introduction",
        Topic.PIE,
        30,
        "What a Psychologically Informed Environment (PIE) is, where the idea came from, and "
        "what it looks like in a hostel, a day centre or an outreach team.",
        (
            "Describe the five parts of a PIE",
            "Explain why behaviour makes sense once you know a person's story",
            "Name one thing your service already does that is psychologically informed",
        ),
        (
            "A PIE is a service designed around the emotional needs of the people who use it, "
            "not only their practical ones. It is a way of working rather than a set of rules.",
            "You will visit three invented services and spot what each does well and what it "
            "could change.",
        ),
    ),
    Module(
        8,
        "a-shared-psychological-framework",
        "A shared way of understanding people",
        Topic.PIE,
        35,
        "How a team agrees one way of making sense of people's behaviour, and why that matters "
        "more than which model it chooses.",
        (
            "Explain what a psychological framework is, in plain words",
            "Use a simple formulation to think about one person's behaviour",
            "Describe how a shared framework helps a team stay consistent",
        ),
        (
            "When everyone on a team understands people in a different way, residents get "
            "different answers from different staff. A shared framework gives the team a common "
            "language.",
            "The module walks through a short formulation with four questions you can use in a "
            "team meeting.",
        ),
    ),
    Module(
        9,
        "spaces-that-feel-safe",
        "Spaces that feel safe",
        Topic.PIE,
        25,
        "How the layout, noise, light and signs of a building affect the people in it, and "
        "small changes that make a service calmer.",
        (
            "Look at your own service through a visitor's eyes",
            "Identify three things that could make your reception calmer",
            "Involve the people who use the service in changing it",
        ),
        (
            "Queues, locked doors and notices full of rules tell people what a service thinks of "
            "them before anyone says a word.",
            "Teams in Nottingham changed their entrances with residents' help. This module shows "
            "what they changed and what it cost, which was usually very little.",
        ),
    ),
    Module(
        10,
        "reflective-practice-and-staff-support",
        "Reflective practice and staff support",
        Topic.PIE,
        30,
        "Why time to think together protects both workers and the people they support, and how "
        "to run a reflective practice session.",
        (
            "Explain how reflective practice differs from supervision and case review",
            "Plan a reflective practice session for your team",
            "Notice the signs that a team needs more support",
        ),
        (
            "Frontline work brings distress, conflict and loss. Without time to talk about it, "
            "teams can become tired, rigid or cynical.",
            "The module includes a simple agenda for a monthly session and advice on who should "
            "facilitate it.",
        ),
    ),
    Module(
        11,
        "boundaries-rules-and-warnings",
        "Boundaries, rules and warnings",
        Topic.PIE,
        35,
        "Keeping people safe without pushing them away: rules that make sense, warnings given "
        "with care, and second chances.",
        (
            "Review one house rule with the people it affects",
            "Give a warning in a way that keeps the relationship",
            "Explain how exclusions can undo months of work",
        ),
        (
            "Most services need some rules. The question is whether each rule helps people feel "
            "safe or simply makes the service easier to run.",
            "You will rewrite a warning letter with the help of people who have received them.",
        ),
    ),
    Module(
        12,
        "knowing-what-has-changed",
        "Knowing what has changed",
        Topic.PIE,
        25,
        "Simple ways to tell whether becoming psychologically informed is making a difference, "
        "for residents and for staff.",
        (
            "Choose two or three measures that matter to your service",
            "Ask residents what has changed, and act on the answers",
            "Share what you learn with partners",
        ),
        (
            "Evictions, abandonments and incidents can all be counted, but they tell only part "
            "of the story. What residents and staff say matters just as much.",
            "The module shares the short survey a Nottingham hostel used every six months.",
        ),
    ),
    # Trauma Informed Care
    Module(
        13,
        "trauma-informed-care-the-basics",
        "Trauma Informed Care: the basics",
        Topic.TRAUMA_INFORMED_CARE,
        40,
        "What trauma is, how it can shape a person's life, and the principles of care that "
        "avoid causing more harm.",
        (
            "Describe what trauma is and how common it is",
            "Name the five principles of Trauma Informed Care",
            "Identify one routine in your service that could re-traumatise someone",
        ),
        (
            "Trauma Informed Care asks what has happened to a person, rather than what is wrong "
            "with them. It is about how a whole service works, not only about therapy.",
            "Each principle comes with a short scenario from a day centre, a probation office "
            "and a GP surgery.",
        ),
        content_note="This module talks about abuse, violence and neglect in general terms.",
    ),
    Module(
        14,
        "how-trauma-shows-in-behaviour",
        "How trauma shows in behaviour",
        Topic.TRAUMA_INFORMED_CARE,
        35,
        "Fight, flight and freeze: why people who have lived through trauma may seem angry, "
        "distant or unreliable, and how to respond.",
        (
            "Explain the body's survival responses in plain words",
            "Recognise when someone may be feeling unsafe",
            "Respond in a way that helps a person calm down",
        ),
        (
            "Missed appointments, shouting at reception or going quiet in a meeting can all be "
            "ways of staying safe that once made sense.",
            "The module uses short audio scenes, with transcripts, to practise noticing what is "
            "happening and what might help.",
        ),
        content_note="This module describes people in distress and an argument at a reception.",
    ),
    Module(
        15,
        "adverse-childhood-experiences",
        "Adverse childhood experiences, and their limits",
        Topic.TRAUMA_INFORMED_CARE,
        30,
        "What research on adverse childhood experiences (ACEs) tells us, and why a score should "
        "never be used to label or predict a person.",
        (
            "Describe what ACEs are and what the research found",
            "Explain the limits and risks of ACE scores",
            "Talk about childhood adversity without asking people to relive it",
        ),
        (
            "Research on adverse childhood experiences helped many services understand why "
            "trauma matters. It can also be misused, as a checklist or a label.",
            "The module looks at how to use the ideas well, with examples from local teams.",
        ),
        content_note="This module talks about childhood abuse and neglect.",
    ),
    Module(
        16,
        "safety-choice-and-trust",
        "Safety, choice and trust in everyday routines",
        Topic.TRAUMA_INFORMED_CARE,
        30,
        "Small, everyday changes that give people more safety, choice and control: from the "
        "first phone call to the way a case is closed.",
        (
            "Review a first appointment from the person's point of view",
            "Offer real choices, even small ones",
            "Explain what happens next, every time",
        ),
        (
            "Trust is built in small moments: keeping a promise to call back, asking where "
            "someone would like to sit, explaining why a question is asked.",
            "You will walk through a whole contact with a service and mark the moments where a "
            "choice could be offered.",
        ),
    ),
    Module(
        17,
        "when-someone-tells-you",
        "When someone tells you about trauma",
        Topic.TRAUMA_INFORMED_CARE,
        35,
        "How to respond when a person tells you about something that happened to them, what to "
        "say, what to avoid, and what to do next.",
        (
            "Listen and respond without judging or probing",
            "Explain your duties around safeguarding honestly",
            "Know where to find support for the person and for yourself",
        ),
        (
            "People often choose a worker they trust, not a specialist, when they first talk "
            "about trauma. What that worker does next matters.",
            "The module includes phrases workers found helpful and a short guide to "
            "safeguarding duties in plain words.",
        ),
        content_note="This module talks about disclosures of abuse, including sexual abuse.",
    ),
    Module(
        18,
        "looking-after-yourself",
        "Looking after yourself",
        Topic.TRAUMA_INFORMED_CARE,
        25,
        "Vicarious trauma and burnout: how hearing about other people's trauma can affect "
        "workers, and what helps.",
        (
            "Recognise the signs of vicarious trauma and burnout",
            "Plan what helps you switch off after a hard day",
            "Ask for support from your team and your manager",
        ),
        (
            "Hearing about trauma day after day can change how workers feel and think. That is "
            "a normal response to the work, not a weakness.",
            "Workers and managers share what helps them, from team debriefs to protected time "
            "away from the phone.",
        ),
    ),
]
