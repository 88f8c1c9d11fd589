"""Makes the synthetic objects of every edition, reusing those an earlier run made."""

import contextlib
import datetime
import gc
import random
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import OperationalError, reset_queries, transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from demo.archive.bodies import html_stream, searchable_stream, swapped_bodies, tag_free_stream
from demo.archive.timeline import Timeline, section_of, story_jitter, story_rng
from demo.archive.tree import (
    ChildPaths,
    add_to_numchild,
    base_slug,
    insert_pages,
    new_page,
    place,
    unique_slug,
)
from demo.archive.vocabulary import (
    AUTHOR_BIOS,
    AUTHOR_ROLES,
    ORIGINAL_HEADLINES,
    PARTNER_DESCRIPTIONS,
    PARTNERS,
    RIVERS,
    TEXT_COLUMNS,
    TOPIC_THEMES,
    TOWNS,
    author_name,
    column,
    person_name,
    youtube_url,
)
from demo.archive.writer import StoryWriter
from search import indexing as search_index
from stories.models import (
    StoryByline,
    StoryPage,
    StoryTopic,
    TopicPage,
)

# Changing it would make every synthetic object look new to the next run.
NAMESPACE = uuid.UUID("3f6b2a8e-5d1c-4b7a-9e0f-6a2d8c4b1e57")


PARTNER_SHARE = 1 / 3
IMAGES_REUSED = 8
DEADLOCK_DETECTED = "40P01"  # PostgreSQL's SQLSTATE
MAX_TOPICS_PER_STORY = 5
MAX_BYLINES = 3


def synthetic_key(*parts):
    """The translation key of a synthetic object: the same in every run and every edition."""
    return uuid.uuid5(NAMESPACE, "-".join(str(part) for part in parts))


def author_pool_size(stories):
    return max(20, stories // 200)


@contextlib.contextmanager
def collected_after():
    """A batch makes millions of objects, pages and their rows referring to each other; the
    cyclic garbage collector, run every 700 allocations by default, would walk them again and
    again (a third of the run's time, measured). It runs a hundred times less often during a
    batch, and once in full after it, which frees the batch."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.collect()


class ArchiveBuilder:
    """Makes the synthetic objects of every edition, reusing those an earlier run made."""

    def __init__(self, editions, options):
        self.editions = editions
        self.options = options
        self.backend = get_search_backend()
        self.created = Counter()
        self.skipped = Counter()
        self.images = list(get_image_model().objects.order_by("pk")[:IMAGES_REUSED])

    def count(self, name, absent_editions):
        """Tally an object as created (in the editions it lacked) or skipped."""
        (self.created if absent_editions else self.skipped)[name] += 1

    # Snippets and topics: a few hundred at most, one transaction.

    def ensure_snippets(self, model, keys, fields_for):
        """{translation key: {locale id: object}} for `keys`, creating the missing ones."""
        locale_ids = [edition.locale.pk for edition in self.editions]
        found = defaultdict(dict)
        for obj in model.objects.filter(translation_key__in=keys, locale_id__in=locale_ids):
            found[obj.translation_key][obj.locale_id] = obj
        taken = defaultdict(set)
        for slug, locale_id in (
            model.objects.filter(locale_id__in=locale_ids)
            .exclude(translation_key__in=keys)
            .values_list("slug", "locale_id")
        ):
            taken[locale_id].add(slug)
        name, new = str(model._meta.verbose_name_plural), []
        for number, key in enumerate(keys):
            absent = [e for e in self.editions if e.locale.pk not in found[key]]
            self.count(name, absent)
            # From the first edition's name: the slug is synchronised, the same in every one.
            slug = base_slug(fields_for(number, self.editions[0].language)["name"])
            if any(slug in taken[locale_id] for locale_id in locale_ids):
                slug = f"{slug}-{number + 1}"
            for edition in absent:
                fields = fields_for(number, edition.language)
                obj = model(locale=edition.locale, translation_key=key, slug=slug, **fields)
                found[key][edition.locale.pk] = obj
                new.append(obj)
        model.objects.bulk_create(new)
        if new:
            self.backend.add_bulk(model, new)
        return [found[key] for key in keys]

    def author_fields(self, number, language):
        rng = random.Random(f"author/{number}")
        c = column(language)
        places = {
            "town": rng.choice(TOWNS),
            "town2": rng.choice(TOWNS),
            "river": rng.choice(RIVERS)[c],
            "n3": rng.randint(3, 20),
        }
        bios = rng.sample(AUTHOR_BIOS, 2)
        return {
            "name": author_name(number),
            "role": rng.choice(AUTHOR_ROLES)[c].format_map(places),
            "bio": " ".join(bio[c].format_map(places) for bio in bios),
        }

    def partner_fields(self, number, language):
        name_en, name_fr, native, partner_language, country_en, country_fr = PARTNERS[number]
        c = column(language)
        description = PARTNER_DESCRIPTIONS[c].format(
            country=(country_en, country_fr)[c], year=1990 + 3 * number
        )
        return {
            "name": (name_en, name_fr)[c],
            "native_name": native,
            "country": (country_en, country_fr)[c],
            "language": partner_language,
            "website": f"https://{base_slug(name_en)}.example/",
            "description": description,
        }

    def ensure_topics(self, count):
        """[{locale id: topic page id}] for topics 0..count-1, creating the missing ones."""
        keys = [synthetic_key("topic", number) for number in range(count)]
        wanted = set(keys)
        found, taken = defaultdict(dict), defaultdict(set)
        for key, locale_id, pk, slug in TopicPage.objects.filter(
            locale_id__in=[e.locale.pk for e in self.editions]
        ).values_list("translation_key", "locale_id", "pk", "slug"):
            if key in wanted:
                found[key][locale_id] = pk
            else:
                taken[locale_id].add(slug)
        paths, new = ChildPaths(), []
        published = timezone.now().replace(microsecond=0)
        for number, key in enumerate(keys):
            absent = [e for e in self.editions if e.locale.pk not in found[key]]
            self.count("topics", absent)
            for edition in absent:
                title, description = self.topic_text(number, edition.language)
                page = new_page(
                    TopicPage,
                    edition,
                    title=title,
                    slug=unique_slug(base_slug(title), taken[edition.locale.pk], number + 1),
                    translation_key=key,
                    published=published,
                    description=description,
                )
                place(page, edition.topic_index, paths.allocate(edition.topic_index))
                new.append(page)
        if new:
            insert_pages(TopicPage, new)
            self.backend.add_bulk(TopicPage, new)
            add_to_numchild(paths.take_added())
            for page in new:
                found[page.translation_key][page.locale_id] = page.pk
        return [found[key] for key in keys]

    @staticmethod
    def topic_text(number, language):
        c = column(language)
        theme = TOPIC_THEMES[number % len(TOPIC_THEMES)]
        round_ = number // len(TOPIC_THEMES)
        if round_ == 0:
            title = theme[c]
        else:
            town = TOWNS[(round_ - 1) % len(TOWNS)]
            title = (f"{theme[0]} in {town}", f"{theme[1]} à {town}")[c]
        if language not in TEXT_COLUMNS:
            title = f"[{language}] {title}"
        description = (
            f"Our reporting on {theme[0].lower()}, from our partners and correspondents.",
            f"Nos articles et ceux de nos partenaires sur le thème « {theme[1].lower()} ».",
        )[c]
        return title, description

    # Stories: the bulk of the work, in batches.

    def existing_stories(self, total):
        """(translation key, locale id) of every story page in the editions, and the slugs
        under each section that synthetic stories of this run must not take."""
        keys = {synthetic_key("story", index) for index in range(total)}
        existing, taken = set(), defaultdict(set)
        for key, locale_id, slug, path in StoryPage.objects.filter(
            locale_id__in=[e.locale.pk for e in self.editions]
        ).values_list("translation_key", "locale_id", "slug", "path"):
            existing.add((key, locale_id))
            if key not in keys:
                taken[path[: -Page.steplen]].add(slug)
        return existing, taken

    def story_pages(self, index, editions, context, steps):
        """The story's page in each of `editions`, with its topics and bylines attached, at
        the tree positions `steps` gives."""
        rng = story_rng(self.options["seed"], index)
        published = context.timeline.published(index, story_jitter(rng))
        # Every story cites an outlet in its text; a third are that outlet's own stories.
        partner_number = rng.randrange(len(PARTNERS))
        partner = context.partners[partner_number] if rng.random() < PARTNER_SHARE else None
        outlet_name = PARTNERS[partner_number][:2]
        writer = StoryWriter(rng, [edition.language for edition in self.editions], outlet_name)
        title, standfirst, summary = writer.title(), writer.standfirst(), writer.summary()
        genre = writer.genre()
        body = writer.body(self.images, outlet_name, published, context.latest)
        section = section_of(self.options["seed"], index, len(self.editions[0].sections))
        topics = rng.sample(
            range(len(context.topics)),
            rng.randint(1, min(MAX_TOPICS_PER_STORY, len(context.topics))),
        )
        focus = rng.randrange(len(topics))
        authors = rng.sample(range(len(context.authors)), rng.randint(1, MAX_BYLINES))
        lead_image = rng.choice(self.images) if self.images and rng.random() < 0.8 else None
        lead_video = youtube_url(rng) if rng.random() < 0.05 else ""
        provenance = self.provenance(rng, partner_number, writer, published) if partner else {}
        notes = [
            values[self.editions[0].language]["updated_at"]
            for kind, values, _ in body
            if kind == "update_note"
        ]
        key = synthetic_key("story", index)
        pages = []
        for edition in editions:
            parent = edition.sections[section]
            slug = unique_slug(
                f"{base_slug(title[edition.language])}-{index + 1}",
                context.taken[parent.path],
                edition.language,
            )
            page = new_page(
                StoryPage,
                edition,
                title=title[edition.language],
                slug=slug,
                translation_key=key,
                published=published,
                content_type=context.story_type,
                analysis_kind=genre,
                standfirst=standfirst[edition.language],
                summary=summary[edition.language],
                dateline=writer.town,
                lead_image=lead_image,
                lead_video_url=lead_video,
                published_at=published,
                story_locale=edition.locale,
                updated_at=max(notes, default=None),
                body=tag_free_stream(context.body_field.stream_block, body, edition.language),
                partner=partner[edition.locale.pk] if partner else None,
                **provenance,
            )
            place(page, parent, steps[index, edition.language])
            page.story_topics = [
                StoryTopic(
                    topic_id=context.topics[topic][edition.locale.pk],
                    is_focus=n == focus,
                    sort_order=n,
                    locale=edition.locale,
                    translation_key=synthetic_key("story", index, "topic", n),
                )
                for n, topic in enumerate(topics)
            ]
            page.bylines = [
                StoryByline(
                    author=context.authors[author][edition.locale.pk],
                    sort_order=n,
                    locale=edition.locale,
                    translation_key=synthetic_key("story", index, "byline", n),
                )
                for n, author in enumerate(authors)
            ]
            page.refresh_card_fields()
            index_body = (
                searchable_stream(context.body_field, page.body)
                if context.joined_index_text
                else page.body
            )
            page.body = html_stream(context.body_field.stream_block, body, edition.language)
            pages.append((page, index_body))
        return pages

    @staticmethod
    def provenance(rng, partner_number, writer, published):
        name_en, _name_fr, _native, language, *_country = PARTNERS[partner_number]
        headline = ORIGINAL_HEADLINES.get(language, "{town}").format(town=writer.town)
        days_before = datetime.timedelta(days=rng.randint(0, 3))
        path = f"{published.year}/{base_slug(headline, 40)}-{rng.randrange(10**6)}"
        return {
            "original_headline": headline,
            "original_url": f"https://{base_slug(name_en)}.example/{path}",
            "original_language": language,
            "original_author": person_name(rng),
            "original_published_at": (published - days_before).date(),
            "translator_credit": person_name(rng),
        }

    def plan_batch(self, indices, missing, context):
        """Which pages a batch makes and where they go in the tree, decided here, in index
        order, so that batches written in parallel still give the same paths every run."""
        plan = BatchPlan()
        sections = len(self.editions[0].sections)
        for index in indices:
            editions = missing[index]
            plan.stories.append((index, [edition.language for edition in editions]))
            section = section_of(self.options["seed"], index, sections)
            for edition in editions:
                parent = edition.sections[section]
                plan.steps[index, edition.language] = context.paths.allocate(parent)
        plan.added = context.paths.take_added()
        return plan

    def write_plan(self, plan, context):
        """Make and write a planned batch: one transaction, tried again if PostgreSQL chose
        it as the victim of a deadlock with a parallel batch."""
        try:
            with collected_after():
                return self.try_plan(plan, context)
        finally:
            # With DEBUG on (manage.py's dev settings) Django keeps every statement it runs,
            # and a batch's are tens of megabytes of text.
            reset_queries()

    def try_plan(self, plan, context):
        editions = {edition.language: edition for edition in self.editions}
        for attempt in range(3):
            pages, index_bodies = [], []
            for index, languages in plan.stories:
                made = self.story_pages(
                    index, [editions[code] for code in languages], context, plan.steps
                )
                for page, index_body in made:
                    pages.append(page)
                    index_bodies.append(index_body)
            try:
                return self.write_batch(pages, index_bodies, plan.added), len(plan.stories)
            except OperationalError as error:
                if getattr(error.__cause__, "sqlstate", None) != DEADLOCK_DETECTED or attempt == 2:
                    raise

    def write_batch(self, pages, index_bodies, added):
        """One transaction: the pages, their topic and byline rows, their entries in
        Wagtail's index and in readers' search (search.indexing), and the sections' child
        counts."""
        with transaction.atomic():
            insert_pages(StoryPage, pages)
            StoryTopic.objects.bulk_create(
                [row for page in pages for row in page.story_topics.all()]
            )
            StoryByline.objects.bulk_create([row for page in pages for row in page.bylines.all()])
            with swapped_bodies(pages, index_bodies):
                self.backend.add_bulk(StoryPage, pages)
            search_index.write([search_index.entry_for(page) for page in pages])
            add_to_numchild(added)
        return len(pages)


@dataclass
class BatchPlan:
    stories: list = field(default_factory=list)  # (index, languages of the missing pages)
    steps: dict = field(default_factory=dict)  # (index, language): step under its section
    added: Counter = field(default_factory=Counter)  # new pages under each parent


@dataclass
class StoryContext:
    """What every story of a run draws on."""

    timeline: Timeline
    latest: datetime.datetime
    topics: list
    authors: list
    partners: list
    taken: dict
    paths: ChildPaths
    body_field: object
    story_type: object
    joined_index_text: bool
