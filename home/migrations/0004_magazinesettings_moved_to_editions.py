"""MagazineSettings now lives in the editions app (editions.0001), with the same table:
removed from home's migration state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_search_title_and_body_index"),
        ("editions", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="MagazineSettings")],
            database_operations=[],
        ),
    ]
