"""Writing the planned batches: in this process or in forked ones, one per CPU."""

import contextlib
import gc
import multiprocessing
import os
import signal

from django.db import connections, router
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from search.models import StoryEntry
from stories.models import Author, PartnerOutlet, StoryByline, StoryPage, StoryTopic, TopicPage


@contextlib.contextmanager
def long_lived_objects_frozen():
    # What exists before the batches (Django, Wagtail, the run's context) stays for the whole
    # run: out of every collection, and shared with forked writers without copies.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def writer_processes(requested):
    """Processes that make and write batches side by side: a batch is Python's work (text,
    objects, index entries) as much as the database's, and one process keeps one core busy.
    SQLite takes one writer at a time, and other processes would not see a transaction the
    caller has open (as in tests): then the batches are written here, one after the other."""
    connection = connections[router.db_for_write(StoryPage)]
    if (
        connection.vendor != "postgresql"
        or connection.in_atomic_block
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return 0
    return requested or os.cpu_count() or 1


# What forked writer processes inherit: the builder and the run's context, too many objects
# (and model instances) to send with every batch.
_inherited = None


def _write_in_child(plan):
    builder, context = _inherited
    return builder.write_plan(plan, context)


def _leave_interrupts_to_parent():
    # Ctrl-C reaches every process of the terminal; the parent stops the children itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def write_plans(builder, context, plans, processes):
    """Write every plan, here or in `processes` children; yields (pages, stories) per batch as
    it is committed. Interrupted, the children are stopped at once: PostgreSQL rolls back the
    batches they were writing when their connections close."""
    if not processes:
        for plan in plans:
            yield builder.write_plan(plan, context)
        return
    global _inherited
    _inherited = builder, context
    connections.close_all()  # each child must open its own connection
    pool = multiprocessing.get_context("fork").Pool(processes, _leave_interrupts_to_parent)
    try:
        yield from pool.imap_unordered(_write_in_child, plans)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _inherited = None


def vacuum_and_analyze():
    """Fresh planner statistics and visibility maps for the tables just filled, as autovacuum
    would leave them (and where it is off, as on this project's machine, never does): with
    statistics of a nearly empty database a topic page took 0.5 s instead of 0.07 s on the
    100,000-story archive, and without visibility maps PostgreSQL's index-only scans read
    every row from the table as well (counting a busy topic's stories read 2,800)."""
    connection = connections[router.db_for_write(StoryPage)]
    if connection.vendor != "postgresql":
        return
    models = (Page, StoryPage, StoryTopic, StoryByline, TopicPage, Author, PartnerOutlet)
    tables = [model._meta.db_table for model in (*models, IndexEntry, StoryEntry)]
    # VACUUM cannot run inside a transaction, as in a test's; ANALYZE can.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} " + ", ".join(connection.ops.quote_name(t) for t in tables))
