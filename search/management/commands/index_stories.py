from django.core.management.base import BaseCommand

from search import opensearch, setup
from search.indexing import index_stories


class Command(BaseCommand):
    help = (
        "Write every live story's search entry again, in its language, a batch at a time "
        "while the site serves (after a change of languages, stemmers or what is indexed; "
        "docs/search.md). Makes what a new language needs first. With OpenSearch, then "
        "builds each language's index afresh from them and moves readers to it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500, help="stories to a transaction (500)")

    def handle(self, *args, batch, verbosity, **options):
        made = setup.ensure()
        if made and verbosity:
            self.stdout.write(f"Made the search configurations of: {', '.join(made)}")
        progress = self.progress if verbosity > 1 else None
        written = index_stories(batch=batch, progress=progress)
        if verbosity:
            self.stdout.write(f"Indexed {written} live stories for search.")
        sent = opensearch.rebuild(batch=batch, progress=progress)
        if sent is not None and verbosity:
            self.stdout.write(f"Built OpenSearch's indexes: {sent} stories.")

    def progress(self, stories):
        self.stdout.write(f"  {stories} stories", ending="\r")
