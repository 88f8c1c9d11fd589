"""What a response shows, said by the code that makes it. The page cache keeps a response
only when its view calls `cacheable`, and purges it when one of the tags it was given
(`pagecache.tags`) is purged."""

import time


class Record:
    """Made by the middleware for each request the cache may answer."""

    def __init__(self, generation=None):
        self.started = time.time()  # before any data is read: see pagecache.store
        self.generation = generation
        self.public = False
        self.tags = set()


def record_of(request):
    return getattr(request, "_page_cache", None)


def tag_response(request, *tags):
    """The response to `request` shows what `tags` name (None: nothing); so does each kept
    fragment being made for it (pagecache.fragments)."""
    tags = [tag for tag in tags if tag]
    record = record_of(request)
    if record is not None:
        record.tags.update(tags)
    for shown in getattr(request, "_fragments_made", ()):
        shown.update(tags)


def cacheable(request, *tags):
    """The response to `request` is the same for every anonymous reader (and shows `tags`)."""
    record = record_of(request)
    if record is not None:
        record.public = True
        tag_response(request, *tags)
