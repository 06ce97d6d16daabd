"""Joining and signing in the way a person does: through the public forms and the emails sent."""

import re

from django.core import mail

SIGNUP_URL = "/accounts/signup/"
LOGIN_URL = "/accounts/login/"
PASSWORD = "a-long-member-password"


def signup_data(**overrides):
    data = {
        "first_name": "Jo",
        "last_name": "",
        "email": "jo@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "job_title": "",
        "organisation": "",
        "organisation_type": "",
        "work_postcode": "",
        "website": "",
    }
    data.update(overrides)
    return data


def link_in_last_email(path_fragment):
    """The first link in the most recent email whose path contains `path_fragment`."""
    body = mail.outbox[-1].body
    match = re.search(rf"https?://[^/\s]+(\S*{re.escape(path_fragment)}\S*)", body)
    assert match, f"No link containing {path_fragment!r} in:\n{body}"
    return match.group(1)


def join_and_verify(client, captured_on_commit, **overrides):
    """Sign up, then open the verification link from the email and confirm it."""
    with captured_on_commit(execute=True):
        response = client.post(SIGNUP_URL, signup_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    confirm_url = link_in_last_email("/accounts/confirm-email/")
    return client.post(confirm_url)
