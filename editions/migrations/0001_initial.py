"""MagazineSettings moves here from the home app, keeping its table (home_magazinesettings)
and its rows: the model is created in the migration state only, and home.0004 removes it from
home's state only.

Its content type is renamed with it, so that the permissions, admin log entries and
references that point at it stay attached to the same rows; on a new database there is no
content type yet (Django makes them after migrating), and nothing to rename.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="home", new="editions"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=new, model="magazinesettings").exists():
        ContentType.objects.using(db).filter(app_label=old, model="magazinesettings").update(
            app_label=new
        )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="editions", new="home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_search_title_and_body_index"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MagazineSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                default="The Meridian Review",
                                help_text="Shown in the header of every page and in browser tabs.",
                                max_length=80,
                                verbose_name="magazine name",
                            ),
                        ),
                        (
                            "tagline",
                            models.CharField(
                                blank=True,
                                help_text=(
                                    "A short line shown under the name in the header, in "
                                    "editions whose front page has no tagline of its own."
                                ),
                                max_length=160,
                                verbose_name="tagline",
                            ),
                        ),
                        (
                            "logo",
                            models.ForeignKey(
                                blank=True,
                                help_text="Shown instead of the name in the header when set.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailimages.image",
                                verbose_name="logo",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "magazine settings",
                        "db_table": "home_magazinesettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
