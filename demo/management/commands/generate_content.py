"""``manage.py generate_content``: a synthetic archive for benchmarks (demo/archive/)."""

import argparse
import datetime
import time

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Site

from demo.archive.bodies import joins_body_text
from demo.archive.builder import ArchiveBuilder, StoryContext, author_pool_size, synthetic_key
from demo.archive.runner import (
    long_lived_objects_frozen,
    vacuum_and_analyze,
    write_plans,
    writer_processes,
)
from demo.archive.timeline import choose_timeline
from demo.archive.tree import ChildPaths, find_editions
from demo.archive.vocabulary import PARTNERS
from stories.models import (
    Author,
    PartnerOutlet,
    StoryPage,
)


class _ProgressStream:
    """tqdm redraws its bar with carriage returns; Django's OutputWrapper would end every write
    with a newline (and colour it as an error)."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    @property
    def encoding(self):
        # Lets tqdm draw its bar in Unicode blocks where the terminal takes them.
        return getattr(self.wrapper, "encoding", None)

    def write(self, text):
        self.wrapper.write(text, style_func=str, ending="")

    def flush(self):
        self.wrapper.flush()


def positive_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1 or isinstance(value, bool):
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value!r}")
    return number


def parse_date(value):
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"must be a date like 2026-12-01, not {value!r}"
        ) from error


class Command(BaseCommand):
    help = (
        "Generate a synthetic archive for benchmarks: N stories and M topics in every edition, "
        "with authors and partner outlets, on the demo tree (run load_demo first). Safe to "
        "interrupt and run again: it adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stories", type=positive_int, required=True, help="stories per edition"
        )
        parser.add_argument("--topics", type=positive_int, required=True, help="topics per edition")
        parser.add_argument(
            "--batch-size",
            type=positive_int,
            default=1000,
            help="stories per transaction (default 1000)",
        )
        parser.add_argument(
            "--years", type=positive_int, default=5, help="years the archive spans (default 5)"
        )
        parser.add_argument(
            "--until",
            type=parse_date,
            default=None,
            help="the day the newest story is published by (default today, UTC)",
        )
        parser.add_argument("--seed", type=int, default=0, help="varies the text (default 0)")
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=None,
            help="processes writing batches on PostgreSQL (default: one per CPU)",
        )

    def handle(self, *args, **options):
        for name in ("stories", "topics", "batch_size", "years", "workers"):
            if name == "workers" and options[name] is None:
                continue
            try:
                options[name] = positive_int(options[name])
            except argparse.ArgumentTypeError as error:
                raise CommandError(f"--{name.replace('_', '-')} {error}") from error
        if options["until"] is not None and not isinstance(options["until"], datetime.date):
            try:
                options["until"] = parse_date(options["until"])
            except argparse.ArgumentTypeError as error:
                raise CommandError(f"--until {error}") from error
        started = time.monotonic()
        editions = find_editions()
        builder = ArchiveBuilder(editions, options)
        with transaction.atomic():
            partners = builder.ensure_snippets(
                PartnerOutlet,
                [synthetic_key("partner", n) for n in range(len(PARTNERS))],
                builder.partner_fields,
            )
            authors = builder.ensure_snippets(
                Author,
                [synthetic_key("author", n) for n in range(author_pool_size(options["stories"]))],
                builder.author_fields,
            )
            topics = builder.ensure_topics(options["topics"])
        written = self.write_stories(builder, editions, options, topics, authors, partners)
        # Routing and URLs read the sites' root paths from the cache, and cached pages and
        # listings would hide the new stories.
        Site.clear_site_root_paths_cache()
        cache.clear()
        if written:
            vacuum_and_analyze()
        self.report(builder, editions, written, time.monotonic() - started)

    def write_stories(self, builder, editions, options, topics, authors, partners):
        total = options["stories"]
        existing, taken = builder.existing_stories(total)
        missing = {}
        for index in range(total):
            key = synthetic_key("story", index)
            absent = [e for e in editions if (key, e.locale.pk) not in existing]
            if absent:
                missing[index] = absent
        builder.skipped["stories"] = total - len(missing)
        builder.created["stories"] = len(missing)
        if not missing:
            return 0
        first = min(missing)
        previous = (
            StoryPage.objects.filter(translation_key=synthetic_key("story", first - 1))
            .values_list("published_at", flat=True)
            .first()
            if first
            else None
        )
        until = options["until"] or timezone.now().date()
        end = datetime.datetime.combine(until, datetime.time(), tzinfo=datetime.UTC)
        context = StoryContext(
            timeline=choose_timeline(
                end, options["years"], total, first, previous, options["seed"]
            ),
            latest=end,
            topics=topics,
            authors=authors,
            partners=partners,
            taken=taken,
            paths=ChildPaths(),
            body_field=StoryPage._meta.get_field("body"),
            story_type=ContentType.objects.get_for_model(StoryPage),
            joined_index_text=joins_body_text(builder.backend),
        )
        indices = sorted(missing)
        chunks = [
            indices[start : start + options["batch_size"]]
            for start in range(0, len(indices), options["batch_size"])
        ]
        plans = [builder.plan_batch(chunk, missing, context) for chunk in chunks]
        progress = tqdm(
            total=len(indices), unit="story", file=_ProgressStream(self.stderr), mininterval=1
        )
        written = 0
        processes = writer_processes(options["workers"])
        try:
            with long_lived_objects_frozen():
                for pages, stories in write_plans(builder, context, plans, processes):
                    written += pages
                    progress.update(stories)
        except KeyboardInterrupt:
            raise CommandError(
                f"Interrupted after at least {written} story pages: every batch is written "
                "whole or not at all. Run the same command again to continue.",
                returncode=130,
            ) from None
        finally:
            progress.close()
        return written

    def report(self, builder, editions, pages, seconds):
        skipped = ", ".join(f"{count} {name}" for name, count in builder.skipped.items() if count)
        if skipped:
            self.stdout.write(f"Skipped what already existed: {skipped}.")
        created = ", ".join(f"{count} {name}" for name, count in builder.created.items() if count)
        languages = ", ".join(edition.language for edition in editions)
        stories = builder.created["stories"]
        self.stdout.write(
            f"Created {created or 'nothing'} in every edition ({languages}): {pages} story "
            f"pages in {seconds:.1f} s ({stories / seconds:.0f} stories/s)."
        )
