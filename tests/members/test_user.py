import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from members.models import User
from tests.staff_access.sign_in import with_verified_email

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def staff_user():
    return User.objects.create_user(
        "Sam.Jones@Example.org", PASSWORD, first_name="Sam", last_name="Jones", is_superuser=True
    )


def test_users_have_no_username_and_are_stored_by_lower_case_email(staff_user):
    assert not hasattr(User, "username") or User.username is None
    assert User.USERNAME_FIELD == "email"
    assert staff_user.email == "sam.jones@example.org"
    assert str(staff_user) == "Sam Jones"


def test_signs_in_by_email_whatever_its_case(staff_user):
    assert authenticate(username="sam.jones@example.org", password=PASSWORD) == staff_user
    assert authenticate(username="SAM.JONES@example.ORG", password=PASSWORD) == staff_user
    assert authenticate(username="sam.jones@example.org", password="wrong-password") is None


def test_signs_in_to_the_admin_with_an_email_address(client, staff_user):
    with_verified_email(staff_user)
    response = client.post(
        "/accounts/login/",
        {"login": "Sam.Jones@example.org", "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_password_keeps_the_admin_closed(client, staff_user):
    with_verified_email(staff_user)
    response = client.post(
        "/accounts/login/",
        {"login": "sam.jones@example.org", "password": "not-the-password", "next": "/admin/"},
    )
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_two_accounts_cannot_share_an_address_in_different_case(staff_user):
    duplicate = User(email="SAM.JONES@EXAMPLE.ORG")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "An account with this email address already exists." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="Sam.Jones@EXAMPLE.org", password="x")])


def test_an_administrator_adds_a_user_through_the_admin(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        "/admin/users/new/",
        {
            "email": "New.Colleague@Example.org",
            "first_name": "New",
            "last_name": "Colleague",
            "password1": "a-strong-password-123",
            "password2": "a-strong-password-123",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    created = User.objects.get(email="new.colleague@example.org")
    assert created.check_password("a-strong-password-123")


def test_the_admin_refuses_a_short_password(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        "/admin/users/new/",
        {
            "email": "short@example.org",
            "first_name": "Short",
            "last_name": "Password",
            "password1": "short-pass",
            "password2": "short-pass",
        },
    )
    assert response.status_code == 200
    assert "at least 12 characters" in str(response.context["form"].errors)
    assert not User.objects.filter(email="short@example.org").exists()
