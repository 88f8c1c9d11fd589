import html

from django.db import migrations


def decode_excerpts(apps, schema_editor):
    """Excerpts were kept with the rich text's entities ("R&amp;D"), which cards escaped a
    second time; they are text now."""
    StoryPage = apps.get_model("stories", "StoryPage")
    for story in StoryPage.objects.filter(excerpt__contains="&").only("pk", "excerpt"):
        decoded = html.unescape(story.excerpt)
        if decoded != story.excerpt:
            StoryPage.objects.filter(pk=story.pk).update(excerpt=decoded)


class Migration(migrations.Migration):
    dependencies = [("stories", "0012_translator_credit_per_edition")]

    operations = [migrations.RunPython(decode_excerpts, migrations.RunPython.noop)]
