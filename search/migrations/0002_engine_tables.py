from django.db import migrations

# The entries' tsvector columns, filled by search.indexing in each story's language; Django
# does not see them (search.setup).
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TABLE search_storyentry ADD COLUMN document tsvector, ADD COLUMN headline tsvector",
]
POSTGRES_BACK = ["ALTER TABLE search_storyentry DROP COLUMN document, DROP COLUMN headline"]
# The stems of each entry's columns (search.languages), matched by FTS5; accents are folded
# before stemming, and again by the tokenizer for what the stemmer left.
SQLITE = [
    "CREATE VIRTUAL TABLE search_storyentry_fts USING fts5("
    "title, standfirst, body, other, tokenize = 'unicode61 remove_diacritics 2')"
]
SQLITE_BACK = ["DROP TABLE search_storyentry_fts"]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_story_entries")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            run({"postgresql": POSTGRES_BACK, "sqlite": SQLITE_BACK}),
        )
    ]
