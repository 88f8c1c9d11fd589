"""The edition trees load_demo built, and pages placed in them without Page.add_child."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections, router
from django.db.models import F
from wagtail.models import Locale, Page

from editions.links import slug_of
from home.models import HomePage
from stories.models import SectionPage, TopicIndexPage

RUN_LOAD_DEMO = "Run `manage.py load_demo` first: it builds the edition trees."


@dataclass
class Edition:
    language: str
    locale: Locale
    home: Page
    topic_index: Page
    sections: list  # in the same order in every edition: translations of each other


def find_editions():
    """The edition trees load_demo builds, matched across languages by translation key."""
    codes = list(settings.EDITION_LANGUAGES)
    locales = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)
    }
    if missing := [code for code in codes if code not in locales]:
        raise CommandError(f"No locale for {', '.join(missing)}. {RUN_LOAD_DEMO}")
    first_home = HomePage.objects.filter(locale=locales[codes[0]]).order_by("path").first()
    if first_home is None:
        raise CommandError(f"No {codes[0]} home page. {RUN_LOAD_DEMO}")
    editions = []
    for code in codes:
        home = HomePage.objects.filter(
            locale=locales[code], translation_key=first_home.translation_key
        ).first()
        if home is None:
            raise CommandError(f"No {code} edition of the home page. {RUN_LOAD_DEMO}")
        topic_index = TopicIndexPage.objects.child_of(home).first()
        if topic_index is None:
            raise CommandError(f"No topic index in the {code} edition. {RUN_LOAD_DEMO}")
        sections = {
            s.translation_key: s for s in SectionPage.objects.child_of(home).order_by("path")
        }
        editions.append(Edition(code, locales[code], home, topic_index, sections))
    shared = [key for key in editions[0].sections if all(key in e.sections for e in editions)]
    if not shared:
        raise CommandError(f"No section exists in every edition. {RUN_LOAD_DEMO}")
    for edition in editions:
        edition.sections = [edition.sections[key] for key in shared]
    return editions


class ChildPaths:
    """Treebeard's materialised paths for pages appended under known parents, as
    Page.add_child would give them (the step after the parent's last child), without its
    queries for every page."""

    def __init__(self):
        self.next_step = {}
        self.added = Counter()

    def allocate(self, parent):
        step = self.next_step.get(parent.pk) or self.first_free_step(parent)
        self.next_step[parent.pk] = step + 1
        self.added[parent.pk] += 1
        return step

    def take_added(self):
        """How many pages were given a place under each parent since the last call."""
        added, self.added = self.added, Counter()
        return added

    @staticmethod
    def first_free_step(parent):
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        return decode_step(last[-Page.steplen :]) + 1 if last else 1


def encode_step(step):
    alphabet, digits = Page.alphabet, []
    while step:
        step, digit = divmod(step, len(alphabet))
        digits.append(alphabet[digit])
    if len(digits) > Page.steplen:
        raise CommandError("A section is full: treebeard allows no more children under it.")
    return "".join(reversed(digits)).rjust(Page.steplen, alphabet[0])


def decode_step(step):
    value = 0
    for char in step:
        value = value * len(Page.alphabet) + Page.alphabet.index(char)
    return value


def place(page, parent, step):
    page.path = parent.path + encode_step(step)
    page.depth = parent.depth + 1
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.numchild = 0


def add_to_numchild(added):
    # In the order of the rows, so that concurrent batches never wait on each other in a cycle.
    for parent_pk, count in sorted(added.items()):
        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + count)


def insert_pages(model, pages):
    """Insert pages of one specific model. Django refuses bulk_create on multi-table models,
    so the wagtailcore_page rows go first and the model's own rows follow."""
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    fields = model._meta.local_concrete_fields
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        copy_rows(connection, model, pages, fields)
        return
    size = max(1, connection.ops.bulk_batch_size(fields, pages))
    for start in range(0, len(pages), size):
        model._base_manager._insert(
            pages[start : start + size], fields=fields, using=connection.alias
        )


def copy_rows(connection, model, objs, fields):
    """COPY the rows: they carry most of the archive's bytes (the bodies), which an INSERT
    would have Python quote into SQL for PostgreSQL to parse back out."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(statement) as copy:
            for obj in objs:
                copy.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(obj, True), connection)
                        for field in fields
                    ]
                )


def new_page(model, edition, *, title, slug, translation_key, published, **fields):
    return model(
        title=title,
        draft_title=title,
        slug=slug,
        locale=edition.locale,
        translation_key=translation_key,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        **fields,
    )


def base_slug(text, limit=60):
    return slug_of(text)[:limit].rstrip("-") or "item"


def unique_slug(slug, taken, suffix):
    return slug if slug not in taken else f"{slug}-{suffix}"
