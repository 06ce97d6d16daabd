"""Sign-up and sign-in are rate limited (allauth's limits, set in settings)."""

import pytest
from allauth.account.models import EmailAddress

from members.models import User
from tests.members.accounts import LOGIN_URL, PASSWORD, SIGNUP_URL, signup_data

pytestmark = pytest.mark.django_db


def test_a_burst_of_sign_ups_from_one_address_is_paused_with_a_clear_page(client, site_tree):
    for number in range(5):
        response = client.post(SIGNUP_URL, signup_data(email=f"person{number}@example.org"))
        assert response.status_code == 302
    response = client.post(SIGNUP_URL, signup_data(email="one.too.many@example.org"))
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not User.objects.filter(email="one.too.many@example.org").exists()


def test_an_account_is_locked_for_a_while_after_five_wrong_passwords(client, site_tree):
    user = User.objects.create_user("jo@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for _attempt in range(5):
        response = client.post(LOGIN_URL, {"login": "jo@example.org", "password": "wrong-guess"})
        assert response.status_code == 200
    # Even the right password is refused now, with a message saying why.
    response = client.post(LOGIN_URL, {"login": "jo@example.org", "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_one_address_guessing_at_many_accounts_is_paused(client, site_tree):
    people = [User.objects.create_user(f"person{n}@example.org", PASSWORD) for n in range(11)]
    for person in people:
        EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    for person in people[:10]:
        client.post(LOGIN_URL, {"login": person.email, "password": "wrong-guess"})
    # The eleventh account has had no failure, but this address has had ten in a minute.
    response = client.post(LOGIN_URL, {"login": people[10].email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
