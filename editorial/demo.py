"""Demo content for the editorial workflow: an example section team.

"Housing First editors" show how to give a team editing rights over one part of the site only.
Administrators can make more teams like it in Settings > Groups.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from members.models import User

from .roles import MEDIA_PERMISSIONS, get_permission

SECTION_TEAM = "Housing First editors"
SECTION_EDITOR = ("housing-first@example.org", "housing-first-demo-password", "Hana", "Hughes")


def build_section_team(workstream):
    """The group, its rights over `workstream` and the pages below it, and one demo member."""
    team, _created = Group.objects.get_or_create(name=SECTION_TEAM)
    team.permissions.set([Permission.objects.get(codename="access_admin")])
    GroupPagePermission.objects.filter(group=team).exclude(page=workstream).delete()
    for action in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=team, page=workstream, permission=get_permission(f"wagtailcore.{action}")
        )
    root_collection = Collection.get_first_root_node()
    for name in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=team, collection=root_collection, permission=get_permission(name)
        )

    email, password, first_name, last_name = SECTION_EDITOR
    user, _created = User.objects.update_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, "is_active": True}
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    user.groups.set([team])
    return team
