from django.db import migrations

# Wagtail asks for the tree's root by depth alone (`depth = 1 ORDER BY path`) on every admin
# page (the sidebar's explorer menu, for each user), and its page table has no index on the
# depth: PostgreSQL read the whole tree in path order to find the one root, 46 ms of every
# admin page at 100,000 stories (200,000 pages). With this index it reads one row.
INDEX = "editions_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [("editions", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
