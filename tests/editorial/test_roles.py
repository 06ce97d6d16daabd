import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.models import ApprovalByAnotherReviewerTask
from editorial.roles import EDITORS, MEMBERS, REVIEWERS, ensure_roles
from events.models import Venue
from home.models import HomePage, NavigationMenu, Person
from library.models import Audience, ResourceType, Topic
from members.models import User
from tests.site_tree import english_home

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
    # Granted on the home page (the top of the language's tree), not on the tree's root.
    assert page_actions(EDITORS) == {(2, "add_page"), (2, "change_page")}
    assert Group.objects.get(name=EDITORS).permissions.filter(codename="access_admin").exists()


def test_editors_and_reviewers_may_translate():
    # Starting and editing translations; publishing them still goes through review.
    for name in (EDITORS, REVIEWERS):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="submit_translation").exists(), name


def test_reviewers_also_hold_wagtails_publish_permission():
    # It lets them unpublish, cancel schedules and set privacy; publishing itself needs review.
    assert page_actions(REVIEWERS) == {(2, "add_page"), (2, "change_page"), (2, "publish_page")}


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
    # Deleting a file can take it off live pages: a reviewer's job.
    deleting = {"wagtailimages.delete_image", "wagtaildocs.delete_document"}
    assert collection_permissions(REVIEWERS) == expected | deleting


def test_members_have_no_admin_rights():
    members = Group.objects.get(name=MEMBERS)
    assert not members.permissions.exists()
    assert not page_actions(MEMBERS)
    assert not collection_permissions(MEMBERS)


def test_the_review_workflow_is_approved_by_another_reviewer():
    workflow = Workflow.objects.get(name="Review before publishing")
    task = workflow.tasks.get().specific
    assert isinstance(task, ApprovalByAnotherReviewerTask)
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWERS]
    assert workflow.workflow_pages.filter(page=Page.get_first_root_node()).exists()
    covered = {
        ct.model_class()
        for ct in ContentType.objects.filter(wagtail_workflow_content_type__workflow=workflow)
    }
    assert covered == {Person, NavigationMenu, Venue, ResourceType, Topic, Audience}


def test_snippets_can_be_added_and_changed_but_never_published_directly():
    for role in (EDITORS, REVIEWERS):
        codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert {"add_person", "change_person", "add_venue", "change_topic"} <= codenames
        assert not any(codename.startswith("publish_") for codename in codenames)


def test_a_new_home_page_gets_the_role_permissions():
    second_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Second site", slug="second-site")
    )
    editors = GroupPagePermission.objects.filter(group__name=EDITORS, page=second_home)
    assert {p.permission.codename for p in editors} == {"add_page", "change_page"}


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
        page=english_home(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    call_command("migrate", verbosity=0)
    assert not editors.permissions.filter(codename="delete_user").exists()
    assert (2, "publish_page") not in page_actions(EDITORS)


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
    assert response["Location"].startswith("/accounts/login/?next=/admin/")


def test_an_editor_saves_a_draft_but_cannot_publish(client):
    editor = User.objects.create_user("editor@example.org", "a-long-editor-password")
    editor.groups.add(Group.objects.get(name=EDITORS))
    home = english_home()
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
