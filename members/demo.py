"""Demo accounts, one per role, for trying the site on a laptop. Never loaded in production."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from editorial.roles import EDITORS, MEMBERS, REVIEWERS

from .models import User

# (email, password, first name, last name, group, is_superuser). Listed in the README.
DEMO_USERS = [
    ("admin@example.org", "admin-demo-password", "Ada", "Admin", None, True),
    ("editor@example.org", "editor-demo-password", "Eddie", "Editor", EDITORS, False),
    ("reviewer@example.org", "reviewer-demo-password", "Rita", "Reviewer", REVIEWERS, False),
    ("member@example.org", "member-demo-password", "Mo", "Member", MEMBERS, False),
]


def create_demo_users():
    """Create or reset the demo accounts, so their documented passwords always work."""
    users = []
    for email, password, first_name, last_name, group_name, is_superuser in DEMO_USERS:
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "is_superuser": is_superuser,
                "is_staff": is_superuser,
                "is_active": True,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        # Verified, so the demo accounts sign in straight away.
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
        users.append(user)
    return users
