from django.db import migrations

# PostgreSQL estimates how many stories a topic (or author) has from the most common values
# it samples: 100 by default, fewer than an archive's topics. Every other topic was taken
# for an average one, so for a story whose topics have few other stories the related
# stories' plan walked the whole edition newest first looking for three (540 ms, 13 s from
# a cold disk, at 100,000 stories) where the topic's index finds them in under a millisecond.
COLUMNS = [("stories_storytopic", "topic_id"), ("stories_storybyline", "author_id")]


def set_statistics(target):
    def run(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        quote = connection.ops.quote_name
        for table, column in COLUMNS:
            schema_editor.execute(
                f"ALTER TABLE {quote(table)} ALTER COLUMN {quote(column)} SET STATISTICS {target}"
            )
            schema_editor.execute(f"ANALYZE {quote(table)}")

    return run


class Migration(migrations.Migration):
    dependencies = [("stories", "0009_story_focus_topic")]

    operations = [migrations.RunPython(set_statistics(1000), set_statistics(-1))]
