"""Demo content for the site's general pages, main menu, footer and home page features."""

from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import RichText

from .demo_accessibility_statement import ACCESSIBILITY_STATEMENT
from .models import HomePage, NavigationMenu, SiteSettings, StandardPage

CONTACT_EMAIL = "enquiries@pdunottingham.org"


def paragraphs(html):
    return [("paragraph", RichText(html))]


GENERAL_PAGES = {
    "about": {
        "title": "About the PDU",
        "introduction": (
            "Who we are, why the Practice Development Unit exists and how it has grown since 2017."
        ),
        "body": paragraphs(
            "<h2>Who we are</h2>"
            "<p>The Practice Development Unit (PDU) started in October 2017 as a project of "
            "Nottingham Community and Voluntary Service (NCVS), working in partnership with "
            "Opportunity Nottingham and supported by the National Lottery Community Fund. The work "
            "carried on in Nottingham City through the Changing Futures programme.</p>"
            "<h2>What we mean by multiple disadvantage</h2>"
            "<p>Some people face several problems at once: mental ill-health, homelessness, "
            "offending and substance misuse. Often poor physical health, domestic and sexual abuse "
            "and isolation linked to ethnicity are part of the picture too. Services built around "
            "one problem at a time can miss the whole person.</p>"
            "<h2>What we do</h2>"
            "<p>We bring together workers from voluntary and statutory services to learn from each "
            "other. We run one-off learning events and ongoing Communities of Practice, where "
            "practitioners meet regularly to share ideas and support each other to change how "
            "services work. People with lived experience are invited to every event.</p>"
            "<ul><li>Around 80 learning events and as many Community of Practice meetings</li>"
            "<li>7 Communities of Practice</li>"
            "<li>An e-learning suite of 18 modules</li>"
            "<li>More than 2,000 people reached from 360 organisations</li></ul>"
        ),
    },
    "get-involved": {
        "title": "Get involved",
        "introduction": "Join the free online hub, suggest a topic, or help run an event.",
        "body": paragraphs(
            "<h2>Join the free online hub</h2>"
            "<p>Members hear about new events first and can watch recordings of past webinars, "
            "use the e-learning suite and read notes from Communities of Practice. Joining is free "
            "and open to anyone working with people facing multiple disadvantage in Nottingham "
            "and nearby, in the public, voluntary or private sector, and to people with lived "
            "experience.</p>"
            "<h2>Suggest a topic</h2>"
            "<p>We are led by our members. If there is something you want to learn more about, or "
            "explore with local practitioners in a Community of Practice, email "
            '<a href="mailto:enquiries@pdunottingham.org">enquiries@pdunottingham.org</a>.</p>'
            "<h2>Speak or facilitate</h2>"
            "<p>Many of our events are shaped and delivered by members. If you have expertise to "
            "share, as a worker or from your own experience, get in touch.</p>"
        ),
    },
    "accessibility": {
        "title": ACCESSIBILITY_STATEMENT["title"],
        "introduction": ACCESSIBILITY_STATEMENT["introduction"],
        "body": paragraphs(ACCESSIBILITY_STATEMENT["html"]),
    },
    "privacy": {
        "title": "Privacy notice",
        "introduction": (
            "What we keep about you when you join the hub, why, for how long, and how to see it, "
            "download it or delete it."
        ),
        "body": paragraphs(
            "<h2>Who we are</h2>"
            "<p>The Practice Development Unit (PDU) is hosted by Nottingham Community and "
            "Voluntary Service (NCVS) with Opportunity Nottingham. This notice covers this "
            "website and its members' hub.</p>"
            "<h2>What we ask for when you join, and why</h2>"
            "<p>To make your account we need your first name and an email address. The email "
            "address is how you sign in and how we reach you about your account, for example "
            "to reset a password. It does not have to be a work address.</p>"
            "<p>Everything else is optional: your last name, job title, organisation, the type "
            "of organisation and your work postcode. We use them to plan events that suit "
            "members and to tell our funders how many people and organisations we reach. Those "
            "reports are numbers only and never name anyone. For them we use only the first "
            "part of your postcode, such as NG7.</p>"
            "<h2>Emails about events and news</h2>"
            "<p>We send these only if you ask for them, by ticking the box when you join or "
            "in your hub. We note the date you said yes. Every email we send has a link at the "
            "bottom to stop them, with no need to sign in, and you can change your choice in "
            "your hub at any time.</p>"
            "<h2>How long we keep it</h2>"
            "<ul>"
            "<li>Forms you send us on this website, such as suggesting a topic, are deleted "
            "after 2 years.</li>"
            "<li>If you do not sign in for 3 years, we delete your account. We email you 30 "
            "days before. Signing in once is enough to keep it.</li>"
            "<li>Otherwise we keep your account until you delete it.</li>"
            "</ul>"
            "<h2>Seeing, downloading and deleting your information</h2>"
            "<p>Your hub shows what you have saved and your email choice, and lets you change "
            "your details. It also has a “Download your data” link, which gives you a "
            "file with everything we hold about you.</p>"
            "<p>You can delete your account yourself from your hub: we ask for your password "
            "first. We then remove your name, email address, job title, organisation, saved "
            "resources and anything else linked to you, and sign you out everywhere. We keep "
            "only the type of organisation and the first part of the postcode, with nothing "
            "that says who you are, so that our counts of people reached stay right.</p>"
            "<h2>Cookies</h2>"
            "<p>We set only the cookies the website needs to work, so we do not ask you to "
            "accept them. Reading the website sets no cookies at all. The others are:</p>"
            "<ul>"
            "<li><strong>csrftoken</strong>: set when a page has a form, to stop other "
            "websites sending forms in your name. It lasts a year.</li>"
            "<li><strong>sessionid</strong>: keeps you signed in. It lasts until you close "
            "your browser, or two weeks if you tick “Remember me”.</li>"
            "<li><strong>messages</strong>: carries a one-off message, such as “Thank "
            "you”, to the next page, and is deleted once shown.</li>"
            "</ul>"
            "<p>We use no analytics service, and no advertising or tracking cookies. Nothing "
            "on this website loads from other companies' servers.</p>"
            "<h2>Questions and complaints</h2>"
            "<p>Email "
            '<a href="mailto:enquiries@pdunottingham.org">enquiries@pdunottingham.org</a> with '
            "any question about your information, or if you want us to correct or delete it "
            "for you. If you are unhappy with our answer, you can complain to the Information "
            "Commissioner's Office (ICO).</p>"
        ),
    },
}


def build_general_pages(home):
    """Create the general pages that are missing; pages editors have changed are left alone."""
    pages = {}
    for slug, fields in GENERAL_PAGES.items():
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = StandardPage(slug=slug, last_reviewed=timezone.localdate(), **fields)
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[slug] = page
    return pages


def configure_home_page(home, workstreams, join_page):
    """Feature every workstream and point the invitation to join at the Get involved page."""
    home = HomePage.objects.get(pk=home.pk)
    if home.featured_workstreams.exists() and home.join_page_id:
        return home
    home.featured_workstreams.set(
        [home.featured_workstreams.model(workstream=w) for w in workstreams]
    )
    home.join_page = join_page
    home.join_text = (
        "Members watch recordings of past webinars, use the e-learning suite and hear about new "
        "events first. It is free."
    )
    home.save_revision().publish()
    return home


def build_main_menu(home, pages):
    """The main menu, in the order editors would expect; made only if there is none."""
    menu = NavigationMenu.objects.filter(locale=home.locale).first()
    if menu is None:
        menu = NavigationMenu(name="Main menu", locale=home.locale)
        menu.items = [menu.items.model(page=page) for page in pages]
        menu.save()
    return menu


def configure_site_settings(home, footer_pages):
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = CONTACT_EMAIL
        site_settings.footer_text = (
            "The Practice Development Unit is hosted by Nottingham Community and Voluntary "
            "Service (NCVS) with Opportunity Nottingham."
        )
        site_settings.footer_links = [("page", page) for page in footer_pages]
        site_settings.save()
    return site_settings
