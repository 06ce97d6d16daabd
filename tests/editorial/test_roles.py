import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.roles import EDITORS, MEMBERS, REVIEWERS, ensure_roles
from members.models import User

pytestmark = pytest.mark.django_db


def page_actions(group_name):
    group = Group.objects.get(name=group_name)
    return {
        (p.page.depth, p.permission.codename)
        for p in GroupPagePermission.objects.filter(group=group).select_related(
            "page", "permission"
        )
    }


def collection_permissions(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.permission.content_type.app_label}.{p.permission.codename}"
        for p in group.collection_permissions.select_related("permission__content_type")
    }


def test_migrate_creates_the_three_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, REVIEWERS, MEMBERS} <= names
    # Wagtail's starter "Moderators" group became Reviewers rather than living beside it.
    assert "Moderators" not in names


def test_editors_can_add_and_edit_pages_but_not_publish():
    assert page_actions(EDITORS) == {(1, "add_page"), (1, "change_page")}
    assert Group.objects.get(name=EDITORS).permissions.filter(codename="access_admin").exists()


def test_reviewers_can_also_publish():
    assert page_actions(REVIEWERS) == {(1, "add_page"), (1, "change_page"), (1, "publish_page")}


def test_editors_and_reviewers_can_upload_images_and_documents():
    expected = {
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    }
    assert collection_permissions(EDITORS) == expected
    assert collection_permissions(REVIEWERS) == expected


def test_members_have_no_admin_rights():
    members = Group.objects.get(name=MEMBERS)
    assert not members.permissions.exists()
    assert not page_actions(MEMBERS)
    assert not collection_permissions(MEMBERS)


def test_the_review_workflow_is_approved_by_reviewers():
    workflow = Workflow.objects.get(name="Review before publishing")
    task = GroupApprovalTask.objects.get(pk=workflow.tasks.get().pk)
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS]
    assert workflow.workflow_pages.filter(page=Page.get_first_root_node()).exists()


def role_snapshot():
    return {
        name: (page_actions(name), collection_permissions(name))
        for name in (EDITORS, REVIEWERS, MEMBERS)
    }


def test_migrating_again_changes_nothing():
    before = role_snapshot()
    group_count = Group.objects.count()

    call_command("migrate", verbosity=0)
    ensure_roles()

    assert Group.objects.count() == group_count
    assert role_snapshot() == before


def test_roles_are_reset_to_their_definition_on_migrate():
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="delete_user"))
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    call_command("migrate", verbosity=0)
    assert not editors.permissions.filter(codename="delete_user").exists()
    assert (1, "publish_page") not in page_actions(EDITORS)


def test_other_groups_are_left_alone():
    section = Group.objects.create(name="Housing First editors")
    section.permissions.add(Permission.objects.get(codename="access_admin"))
    call_command("migrate", verbosity=0)
    assert section.permissions.filter(codename="access_admin").exists()


def test_a_member_cannot_open_the_admin(client):
    member = User.objects.create_user("member@example.org", "a-long-member-password")
    member.groups.add(Group.objects.get(name=MEMBERS))
    client.force_login(member)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_editor_saves_a_draft_but_cannot_publish(client):
    editor = User.objects.create_user("editor@example.org", "a-long-editor-password")
    editor.groups.add(Group.objects.get(name=EDITORS))
    home = Page.objects.get(depth=2).specific
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{home.pk}/edit/",
        nested_form_data(
            {
                "title": home.title,
                "slug": home.slug,
                "introduction": "Unreviewed words",
                "featured_workstreams": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )

    assert response.status_code == 302
    home.refresh_from_db()
    assert home.has_unpublished_changes
    assert home.get_latest_revision().content["introduction"] == "Unreviewed words"
    client.logout()
    assert b"Unreviewed words" not in client.get("/").content
