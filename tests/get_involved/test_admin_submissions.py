"""Who sees, exports and deletes submissions in the admin: the staff roles only.

Wagtail shows a form's submissions to anyone who may change the page; the Editors and Reviewers
groups may change every page (editorial/roles.py), members and visitors cannot open the admin.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from get_involved.models import GetInvolvedFormSubmission
from tests.roles import client_for, make_user

from .pages import make_form_page

pytestmark = pytest.mark.django_db

STAFF = ["editor", "reviewer", "administrator"]
SECRET_TOPIC = "Supporting people leaving prison"


@pytest.fixture
def submission(db):
    page = make_form_page()
    return GetInvolvedFormSubmission.objects.create(
        page=page, form_data={"topic": SECRET_TOPIC, "your_name": "Sam Okafor"}
    )


def urls(submission):
    page_id = submission.page_id
    return {
        "forms": "/admin/forms/",
        "submissions": f"/admin/forms/submissions/{page_id}/",
        "csv": f"/admin/forms/submissions/{page_id}/?export=csv",
        "xlsx": f"/admin/forms/submissions/{page_id}/?export=xlsx",
        "delete": (
            f"/admin/forms/submissions/{page_id}/delete/?selected-submissions={submission.pk}"
        ),
    }


@pytest.mark.parametrize("role", STAFF)
def test_staff_list_the_forms_and_read_the_submissions(request, role, submission):
    client = client_for(request.getfixturevalue(role))
    links = urls(submission)

    forms = client.get(links["forms"])
    assert forms.status_code == 200
    assert "Suggest a topic" in forms.content.decode()
    listing = client.get(links["submissions"])
    assert listing.status_code == 200
    assert SECRET_TOPIC in listing.content.decode()


@pytest.mark.parametrize("role", STAFF)
def test_staff_export_the_submissions_as_a_spreadsheet(request, role, submission):
    client = client_for(request.getfixturevalue(role))
    links = urls(submission)

    csv = client.get(links["csv"])
    assert csv.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    content = b"".join(csv.streaming_content).decode()
    header, row = content.strip().splitlines()
    assert header.split(",")[0] == "Submission date"
    assert "Signed-in member" in header
    assert SECRET_TOPIC in row

    xlsx = client.get(links["xlsx"])
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


@pytest.mark.parametrize("role", STAFF)
def test_staff_delete_submissions(request, role, submission):
    client = client_for(request.getfixturevalue(role))

    response = client.post(urls(submission)["delete"])

    assert response.status_code == 302
    assert not GetInvolvedFormSubmission.objects.exists()


@pytest.mark.parametrize("who", ["member", "anonymous"])
def test_members_and_visitors_are_refused_everywhere(request, who, submission):
    client = Client() if who == "anonymous" else client_for(request.getfixturevalue(who))

    for name, url in urls(submission).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/?next=/admin/"), name
        assert SECRET_TOPIC.encode() not in response.content

    client.post(urls(submission)["delete"])
    assert GetInvolvedFormSubmission.objects.filter(pk=submission.pk).exists()


def test_staff_without_page_permissions_are_refused(submission):
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client = client_for(make_user("outsider@example.org", group.name))

    forms = client.get("/admin/forms/")
    assert "Suggest a topic" not in forms.content.decode()
    for name in ("submissions", "csv"):
        response = client.get(urls(submission)[name])
        assert response.status_code == 302 and response["Location"] == "/admin/", name
    client.post(urls(submission)["delete"])
    assert GetInvolvedFormSubmission.objects.filter(pk=submission.pk).exists()
