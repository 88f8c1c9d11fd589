from django.db import models
from django.utils.translation import gettext_lazy as _

# The entry's words, strongest first: what every engine indexes and weights in this order
# (search.indexing, search.query, search.opensearch; SQLite's full-text table's columns).
TEXT_FIELDS = ("title", "standfirst", "body", "other")


class StoryEntry(models.Model):
    """A live story's words as readers search them, in the story's language.

    Kept by search.indexing as stories are published, unpublished and deleted, and by
    `manage.py index_stories`. The plain text is what the SQLite set-up matches (through a
    full-text table of its stems) and what result snippets are cut from; on PostgreSQL the
    table also has two tsvector columns made from it in the language's configuration, which
    Django does not see (search.setup): `document` (headline A, standfirst and summary B,
    body C, bylines, dateline and original headline D) and `headline` (A and B alone)."""

    page = models.OneToOneField(
        "stories.StoryPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
    )
    # The edition searched, and the language its words are stemmed in. The edition leads
    # search_entry_edition_newest, which serves its lookups too: no index of its own.
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    language = models.CharField(max_length=12)
    published_at = models.DateTimeField(null=True)
    title = models.TextField()
    standfirst = models.TextField(blank=True)
    body = models.TextField(blank=True)
    other = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(
                fields=["locale", "-published_at", "-page"], name="search_entry_edition_newest"
            ),
        ]

    def __str__(self):
        return self.title
