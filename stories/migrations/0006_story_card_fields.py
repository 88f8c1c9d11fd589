from django.db import migrations, models
from django.utils.html import strip_tags
from django.utils.text import Truncator


def fill_card_fields(apps, schema_editor):
    # The derivation StoryPage.refresh_card_fields makes on save, on the stored JSON, as it
    # stood when this migration was written.
    StoryPage = apps.get_model("stories", "StoryPage")
    for story in StoryPage.objects.only("pk", "body", "lead_video_url").iterator(chunk_size=500):
        blocks = list(story.body.raw_data)
        text = " ".join(strip_tags(b["value"]) for b in blocks if b["type"] == "paragraph")
        StoryPage.objects.filter(pk=story.pk).update(
            excerpt=Truncator(text).words(60),
            analysis_kind=next((b["value"] for b in blocks if b["type"] == "analysis_label"), ""),
            has_video=bool(story.lead_video_url) or any(b["type"] == "video" for b in blocks),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0005_greeting_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="storypage",
            name="analysis_kind",
            field=models.CharField(
                blank=True, editable=False, max_length=20, verbose_name="analysis kind"
            ),
        ),
        migrations.AddField(
            model_name="storypage",
            name="excerpt",
            field=models.TextField(blank=True, editable=False, verbose_name="excerpt"),
        ),
        migrations.AddField(
            model_name="storypage",
            name="has_video",
            field=models.BooleanField(default=False, editable=False, verbose_name="has video"),
        ),
        migrations.RunPython(fill_card_fields, migrations.RunPython.noop),
    ]
