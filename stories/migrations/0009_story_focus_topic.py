import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_focus_topic(apps, schema_editor):
    # What StoryPage.refresh_card_fields derives on save: the first focus topic, in order.
    StoryPage = apps.get_model("stories", "StoryPage")
    StoryTopic = apps.get_model("stories", "StoryTopic")
    first_focus = (
        StoryTopic.objects.filter(page=OuterRef("pk"), is_focus=True)
        .order_by("sort_order", "pk")
        .values("topic")[:1]
    )
    StoryPage.objects.update(focus_topic=Subquery(first_focus))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0008_partneroutlet_syndication"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="focus_topic",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="focus topic",
            ),
        ),
        migrations.RunPython(fill_focus_topic, migrations.RunPython.noop),
    ]
