from django.db import migrations

INDEX = "meridian_search_title_body"


def create_index(apps, schema_editor):
    # Wagtail's PostgreSQL search matches `title || body` against the query, which its GIN
    # indexes on each column cannot serve: without this one, every search read the whole
    # index table (seconds at 100,000 stories).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_homepage_tagline"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
