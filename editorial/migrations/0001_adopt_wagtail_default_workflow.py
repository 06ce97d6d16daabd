"""Turn Wagtail's starter "Moderators" group and workflow into this site's Reviewers.

Wagtail's first migrations create a "Moderators" group and a "Moderators approval" workflow on
the whole page tree. Renaming them (rather than adding our own beside them) leaves one review
route, which editorial/roles.py then gives the right permissions.
"""

from django.db import migrations


def adopt(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Task = apps.get_model("wagtailcore.Task")
    Workflow = apps.get_model("wagtailcore.Workflow")

    if not Group.objects.filter(name="Reviewers").exists():
        Group.objects.filter(name="Moderators").update(name="Reviewers")
    Task.objects.filter(name="Moderators approval").update(name="Approval by a reviewer")
    Workflow.objects.filter(name="Moderators approval").update(name="Review before publishing")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(adopt, migrations.RunPython.noop)]
