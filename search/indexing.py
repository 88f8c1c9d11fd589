"""Keeping the search entries (search.models.StoryEntry) in step with the live stories.

A story's entry is written whenever its row is saved live (a publish, a copy, a script's
save) and removed when it is saved not live (unpublished) or deleted: the page row holds
the live content, as Wagtail's own search index assumes. `index_stories` writes them all
again, a batch at a time, while the site keeps serving. With OpenSearch, each change is
sent on to it (search.opensearch)."""

from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from editions.locales import language_code
from stories.models import StoryPage

from . import opensearch, setup
from .languages import base_language, stems
from .models import TEXT_FIELDS, StoryEntry

FTS_TABLE = "search_storyentry_fts"


def entry_for(story):
    """The unsaved entry of `story` (a live StoryPage)."""
    body_field = StoryPage._meta.get_field("body")
    names = [
        byline.author.name if byline.author_id else byline.partner.name
        for byline in story.bylines.all()
        if byline.author_id or byline.partner_id
    ]
    return StoryEntry(
        page_id=story.pk,
        locale_id=story.locale_id,
        language=base_language(language_code(story.locale_id)),
        published_at=story.published_at,
        title=story.title,
        standfirst="\n".join(filter(None, [story.standfirst, story.summary])),
        body="\n".join(text for text in body_field.get_searchable_content(story.body) if text),
        other="\n".join(filter(None, [story.dateline, story.original_headline, *names])),
    )


def write(entries, mirror=True):
    """Save `entries` (new or changed) and what the engine matches them by; `mirror`: and
    in OpenSearch, once committed."""
    if not entries:
        return
    with transaction.atomic():
        StoryEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["locale", "language", "published_at", *TEXT_FIELDS],
        )
        ids = [entry.page_id for entry in entries]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"UPDATE {setup.TABLE} SET {setup.VECTORS} WHERE page_id = ANY(%s)", [ids]
                )
            else:
                forget_stems(cursor, ids)
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(TEXT_FIELDS)}) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    [
                        [entry.page_id]
                        + [" ".join(stems(getattr(entry, c), entry.language)) for c in TEXT_FIELDS]
                        for entry in entries
                    ],
                )
    if mirror:
        opensearch.changed(ids)


def forget(ids, mirror=True):
    StoryEntry.objects.filter(page_id__in=ids).delete()
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            forget_stems(cursor, ids)
    if mirror:
        opensearch.changed(ids)


def forget_stems(cursor, ids):
    cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)


def index_stories(batch=500, progress=None):
    """Write every live story's entry again and drop those of stories no longer live,
    `batch` stories to a transaction. Returns how many were written. (OpenSearch's indexes
    are built from them afterwards: search.opensearch.rebuild.)"""
    stories = StoryPage.objects.live().order_by("pk")
    written, last = 0, 0
    while True:
        chunk = list(
            stories.filter(pk__gt=last).prefetch_related("bylines__author", "bylines__partner")[
                :batch
            ]
        )
        if not chunk:
            break
        write([entry_for(story) for story in chunk], mirror=False)
        written += len(chunk)
        last = chunk[-1].pk
        if progress:
            progress(written)
    gone = StoryEntry.objects.exclude(page__in=StoryPage.objects.live()).values_list(
        "page_id", flat=True
    )
    forget(list(gone), mirror=False)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Statistics of the words for the planner (search.query), which a table just
            # filled lacks until autovacuum comes round, if it is on: without them a common
            # word was looked up in the word index and all its matches sorted, 37 ms at
            # 100,000 stories instead of 5 ms along the newest first.
            cursor.execute(f"ANALYZE {setup.TABLE}")
        else:  # stems of pages deleted without their signal
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT page_id FROM {setup.TABLE})"
            )
    return written


# What an entry is made of. Saving a draft writes the page row's revision fields only.
INDEXED_FIELDS = {
    "title", "standfirst", "summary", "body", "dateline", "original_headline", "live",
    "published_at", "locale",
}  # fmt: skip


@receiver(post_save, sender=StoryPage)
def index_saved_story(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and INDEXED_FIELDS.isdisjoint(update_fields)):
        return
    if instance.live:
        write([entry_for(instance)])
    else:
        forget([instance.pk])


@receiver(post_delete, sender=StoryPage)
def forget_deleted_story(sender, instance, **kwargs):
    opensearch.changed([instance.pk])  # the entry went with the page
    if connection.vendor != "postgresql":  # the entry goes with the page; its stems do not
        with connection.cursor() as cursor:
            forget_stems(cursor, [instance.pk])


@receiver(post_migrate)
def set_up_search(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """After `migrate`: what the languages need, and the first entries of a site that had
    stories before search had entries (the release that added them: see docs/search.md)."""
    if sender.name == "search" and using == DEFAULT_DB_ALIAS:
        setup.ensure()
        if not StoryEntry.objects.exists():
            index_stories()
