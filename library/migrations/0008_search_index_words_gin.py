"""A GIN index on the words of Wagtail's search index, as its PostgreSQL backend searches them.

Wagtail's database search backend matches `title || body` of each index entry against the query,
while PostgreSQL has GIN indexes on `title` and on `body` alone, which that expression cannot
use: every search read every index entry of the model searched. With an index on the expression
itself, a search reads only the entries that match. SQLite (development) has its own full-text
table and needs nothing.

`fastupdate = off`: new entries go straight into the index, rather than into a list of pending
ones that every search reads through until the next VACUUM. Entries are written when pages are
published, far less often than they are searched.
"""

from django.db import migrations

INDEX_NAME = "wagtailsearch_indexentry_words_gin"


def index_entry_table(apps):
    return apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {quote(INDEX_NAME)} "
        f"ON {quote(index_entry_table(apps))} USING gin ((title || body)) WITH (fastupdate = off)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(INDEX_NAME)}")


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0007_image_description_is_suggested_alt_text"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
