import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_story_locale(apps, schema_editor):
    # What StoryPage.save copies from now on: the page's own locale.
    StoryPage = apps.get_model("stories", "StoryPage")
    Page = apps.get_model("wagtailcore", "Page")
    StoryPage.objects.update(
        story_locale=Subquery(Page.objects.filter(pk=OuterRef("pk")).values("locale")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0010_topic_and_author_statistics"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="story_locale",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill_story_locale, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="storypage",
            index=models.Index(
                fields=["story_locale", "-published_at", "-page_ptr"],
                name="stories_edition_newest_first",
            ),
        ),
    ]
