"""Areas for site administrators: settings, people's accounts and groups, redirects, search
promotions, languages, the review workflow, and deleting snippets.

Each changes what the public sees or who may do what, so DESIGN.md gives them to site
administrators only. Editors and reviewers are sent back to the dashboard; the test reads the
database to be sure nothing changed. Forms are posted as the admin's own form would post them:
its fields are read from the page an administrator sees (`form_as_shown`).

COVERED rows are tested in tests/editorial/test_admin_only_areas.py (opening the areas: editor,
reviewer, administrator) and tests/editorial/test_publish_routes.py (publishing a snippet).
"""

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page, Site, Workflow

from editorial.roles import EDITORS
from editorial.workflow import WORKFLOW_NAME
from home.models import Person, SiteSettings
from members.models import User
from tests.roles import make_user

from .matrix_core import (
    ALLOWED,
    COVERED,
    NOT_APPLICABLE,
    REFUSED,
    SIGN_IN,
    Action,
    form_as_shown,
    table,
    text_of,
)

NEW_CONTACT = "changed-by-someone@example.org"
OTHER_EMAIL = "sam.staff@example.org"


# Site settings ---------------------------------------------------------------------------------


def site_settings_form(scene):
    site = Site.objects.get(is_default_site=True)
    return form_as_shown(
        scene, reverse("wagtailsettings:edit", args=("home", "sitesettings", site.pk))
    )


CHANGE_SITE_SETTINGS = Action(
    "site settings: change",
    prepare=site_settings_form,
    attempt=lambda client, form: client.post(
        form[0],
        # The link lists are StreamFields, which the admin's JavaScript posts; none are set here.
        {**form[1], "contact_email": NEW_CONTACT, "social_links-count": 0, "footer_links-count": 0},
    ),
    happened=lambda _form, _response: SiteSettings.objects.filter(
        contact_email=NEW_CONTACT
    ).exists(),
)

# People's accounts and groups ------------------------------------------------------------------


def a_staff_account(scene):
    """The person's own account; an administrator (already one) works on a new editor's."""
    if scene.user is not None and not scene.user.is_superuser:
        return scene.user
    return make_user(OTHER_EMAIL, EDITORS, first_name="Sam", last_name="Staff")


def own_account_form(scene):
    account = a_staff_account(scene)
    return account, *form_as_shown(scene, reverse("wagtailusers_users:edit", args=(account.pk,)))


def make_administrator(client, form):
    _account, url, data = form
    # Names are required on the form; the member fixture has none.
    names = {"first_name": data["first_name"] or "Pat", "last_name": data["last_name"] or "Doe"}
    return client.post(url, {**data, **names, "is_superuser": "on"})


PROMOTE_ONESELF = Action(
    "users: make oneself an administrator",
    prepare=own_account_form,
    attempt=make_administrator,
    happened=lambda form, _response: User.objects.get(pk=form[0].pk).is_superuser,
)

USERS_LIST = Action(
    "users: list",
    prepare=lambda _scene: make_user(OTHER_EMAIL, EDITORS),
    attempt=lambda client, _account: client.get(reverse("wagtailusers_users:index")),
    happened=lambda _account, response: (
        response.status_code == 200 and OTHER_EMAIL in text_of(response)
    ),
)


def new_user_form(scene):
    return form_as_shown(scene, reverse("wagtailusers_users:add"))


CREATE_USER = Action(
    "users: create",
    prepare=new_user_form,
    attempt=lambda client, form: client.post(
        form[0],
        {
            **form[1],
            "email": OTHER_EMAIL,
            "first_name": "Sam",
            "last_name": "Staff",
            "password1": "a-long-new-password-42",
            "password2": "a-long-new-password-42",
            "is_superuser": "on",
        },
    ),
    happened=lambda _form, _response: User.objects.filter(email=OTHER_EMAIL).exists(),
)

DELETE_USER = Action(
    "users: delete",
    prepare=lambda _scene: make_user(OTHER_EMAIL, EDITORS),
    attempt=lambda client, account: client.post(
        reverse("wagtailusers_users:delete", args=(account.pk,))
    ),
    happened=lambda account, _response: not User.objects.filter(pk=account.pk).exists(),
)


def new_group_form(scene):
    return form_as_shown(scene, reverse("wagtailusers_groups:add"))


CREATE_GROUP = Action(
    "groups: create",
    prepare=new_group_form,
    attempt=lambda client, form: client.post(form[0], {**form[1], "name": "Publishers"}),
    happened=lambda _form, _response: Group.objects.filter(name="Publishers").exists(),
)


def editors_group_form(scene):
    group = Group.objects.get(name=EDITORS)
    return form_as_shown(scene, reverse("wagtailusers_groups:edit", args=(group.pk,)))


RENAME_EDITORS = Action(
    "groups: edit the Editors group",
    prepare=editors_group_form,
    attempt=lambda client, form: client.post(form[0], {**form[1], "name": "Renamed editors"}),
    happened=lambda _form, _response: Group.objects.filter(name="Renamed editors").exists(),
)

DELETE_GROUP = Action(
    "groups: delete",
    prepare=lambda _scene: Group.objects.create(name="Short-lived team"),
    attempt=lambda client, group: client.post(
        reverse("wagtailusers_groups:delete", args=(group.pk,))
    ),
    happened=lambda group, _response: not Group.objects.filter(pk=group.pk).exists(),
)

# What the public is sent to or shown first -----------------------------------------------------

ADD_REDIRECT = Action(
    "redirects: add",
    prepare=lambda _scene: None,
    attempt=lambda client, _nothing: client.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/get-help",
            "site": "",
            "is_permanent": "on",
            "redirect_page": "",
            "redirect_link": "https://elsewhere.example.org/",
        },
    ),
    happened=lambda _nothing, _response: Redirect.objects.filter(old_path="/get-help").exists(),
)


def promote_the_home_page(client, home):
    return client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "crisis",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": home.pk,
            "editors_picks-0-external_link_url": "",
            "editors_picks-0-external_link_text": "",
            "editors_picks-0-description": "Where to start.",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )


ADD_SEARCH_PROMOTION = Action(
    "search promotions: add",
    prepare=lambda scene: scene.fixture("home"),
    attempt=promote_the_home_page,
    happened=lambda _home, _response: Query.objects.filter(
        query_string="crisis", editors_picks__isnull=False
    ).exists(),
)


def a_locale_without_content(_scene):
    used = Page.objects.values("locale_id")
    return Locale.objects.exclude(pk__in=used).order_by("language_code").first()


DELETE_LOCALE = Action(
    "locales: delete",
    prepare=a_locale_without_content,
    attempt=lambda client, locale: client.post(reverse("wagtaillocales:delete", args=(locale.pk,))),
    happened=lambda locale, _response: not Locale.objects.filter(pk=locale.pk).exists(),
)

DISABLE_REVIEW = Action(
    "workflows: disable the review workflow",
    prepare=lambda _scene: Workflow.objects.get(name=WORKFLOW_NAME),
    attempt=lambda client, workflow: client.post(
        reverse("wagtailadmin_workflows:disable", args=(workflow.pk,))
    ),
    happened=lambda workflow, _response: not Workflow.objects.get(pk=workflow.pk).active,
)

# Snippets --------------------------------------------------------------------------------------


def publish_a_person(client, locale):
    return client.post(
        reverse("wagtailsnippets_home_person:add"),
        {
            "name": "Sam Jones",
            "role": "",
            "organisation": "",
            "bio": "",
            "locale": locale.pk,
            "action-publish": "action-publish",
        },
    )


PUBLISH_SNIPPET = Action(
    "snippets: publish",
    prepare=lambda _scene: Locale.get_default(),
    attempt=publish_a_person,
    happened=lambda _locale, _response: Person.objects.filter(name="Sam Jones", live=True).exists(),
)


def a_live_person(_scene):
    person = Person(name="Alex Example", locale=Locale.get_default())
    person.save()
    person.save_revision().publish()
    return person


DELETE_SNIPPET = Action(
    "snippets: delete",
    prepare=a_live_person,
    attempt=lambda client, person: client.post(
        reverse("wagtailsnippets_home_person:delete", args=(person.pk,))
    ),
    happened=lambda person, _response: not Person.objects.filter(pk=person.pk).exists(),
)

NA = NOT_APPLICABLE

# fmt: off
ROWS = table(
    # action              anonymous member   editor   section  own      reviewer administrator
    (CHANGE_SITE_SETTINGS, SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (USERS_LIST,           SIGN_IN, SIGN_IN, COVERED, REFUSED, NA,      COVERED, COVERED),
    (CREATE_USER,          SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (PROMOTE_ONESELF,      NA,      SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (DELETE_USER,          SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (CREATE_GROUP,         SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (RENAME_EDITORS,       SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (DELETE_GROUP,         SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (ADD_REDIRECT,         SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (ADD_SEARCH_PROMOTION, SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (DELETE_LOCALE,        SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (DISABLE_REVIEW,       SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
    (PUBLISH_SNIPPET,      SIGN_IN, SIGN_IN, COVERED, REFUSED, NA,      COVERED, COVERED),
    (DELETE_SNIPPET,       SIGN_IN, SIGN_IN, REFUSED, REFUSED, NA,      REFUSED, ALLOWED),
)
# fmt: on
