"""The site's roles, defined in code so every database gets the same ones.

`ensure_roles()` runs after every `migrate` (see apps.py). It creates the groups if they are
missing and sets the permissions of each to exactly what is declared here, so a deploy always
leaves the roles as this file describes them. Other groups (section teams, for example) are
left alone.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Editors"
REVIEWERS = "Reviewers"
MEMBERS = "Members"

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
# Start and edit translations in wagtail-localize (publishing them still needs a review).
TRANSLATE = ["wagtail_localize.submit_translation"]

# Page permissions granted on the top page of each language's tree (each home page). Not on the
# tree's root: that would let people create pages beside the home pages or copy pages there.
EDITOR_PAGE_ACTIONS = ["add_page", "change_page"]
REVIEWER_PAGE_ACTIONS = [*EDITOR_PAGE_ACTIONS, "publish_page"]

# Image and document permissions granted on the root collection. Wagtail checks these against
# its own models' permissions even when the site swaps in custom image and document models.
MEDIA_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
]
# Deleting a file can take it off live pages, so it is a reviewer's job. Wagtail would let "change"
# delete too; library/media_permissions.py makes "delete" a permission of its own.
REVIEWER_MEDIA_PERMISSIONS = [
    *MEDIA_PERMISSIONS,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]


def snippet_permissions():
    """Add and change (never publish) every snippet that goes through review."""
    from django.apps import apps

    from editorial.models import ReviewedSnippet

    return [
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in apps.get_models()
        if issubclass(model, ReviewedSnippet)
        for action in ("add", "change")
    ]


# Snippets' publish permission is deliberately given to nobody: approving a review publishes.
ROLES = {
    EDITORS: {
        "model_permissions": lambda: [*ADMIN_ACCESS, *TRANSLATE, *snippet_permissions()],
        "page_actions": EDITOR_PAGE_ACTIONS,
        "collection_permissions": MEDIA_PERMISSIONS,
    },
    REVIEWERS: {
        "model_permissions": lambda: [*ADMIN_ACCESS, *TRANSLATE, *snippet_permissions()],
        "page_actions": REVIEWER_PAGE_ACTIONS,
        "collection_permissions": REVIEWER_MEDIA_PERMISSIONS,
    },
    # Members use the public site only: no admin access, no editing rights.
    MEMBERS: {
        "model_permissions": list,
        "page_actions": [],
        "collection_permissions": [],
    },
}


def get_permission(dotted_name):
    app_label, codename = dotted_name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_all_permissions(app_configs, using):
    # Django creates each app's permissions in its own post_migrate handler; ours may run
    # before some of those, so make sure every permission we refer to exists first.
    for app_config in app_configs:
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    # wagtail-localize makes its "submit translation" permission in a migration, which a flush of
    # the database (between transactional tests, say) does not run again.
    content_type, _created = ContentType.objects.db_manager(using).get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.db_manager(using).get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


def top_pages():
    """The home page of each language: the pages the roles' page permissions apply to."""
    return list(Page.objects.filter(depth=2))


def grant_page_permissions(group, actions, pages):
    """Set `group`'s page permissions to exactly `actions` on each of `pages`."""
    permissions = [get_permission(f"wagtailcore.{action}") for action in actions]
    wanted = {(page.pk, permission.pk) for page in pages for permission in permissions}
    for existing in GroupPagePermission.objects.filter(group=group):
        if (existing.page_id, existing.permission_id) not in wanted:
            existing.delete()
    for page_pk, permission_pk in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_pk, permission_id=permission_pk
        )


@transaction.atomic
def ensure_roles():
    top_pages_now = top_pages()
    root_collection = Collection.get_first_root_node()
    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([get_permission(p) for p in role["model_permissions"]()])

        grant_page_permissions(group, role["page_actions"], top_pages_now)

        collection_permissions = [get_permission(p) for p in role["collection_permissions"]]
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=collection_permissions
        ).delete()
        if root_collection is not None:
            for permission in collection_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
