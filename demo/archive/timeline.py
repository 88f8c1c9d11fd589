"""When each synthetic story is published."""

import datetime
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Timeline:
    """Publication times, oldest first: story `first`..`total - 1` get one slot each of
    (start, end], and a time somewhere in their slot."""

    start: int  # seconds since the epoch
    end: int
    first: int
    total: int

    def published(self, index, jitter):
        step = (self.end - self.start) / (self.total - self.first)
        seconds = self.start + round((index - self.first + 1 - jitter) * step)
        return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def story_rng(seed, index):
    return random.Random(f"{seed}/story/{index}")


def section_of(seed, index, sections):
    # Its own generator, so that batches can be placed in the tree before they are written.
    return random.Random(f"{seed}/section/{index}").randrange(sections)


def story_jitter(rng):
    # The first draw of the story's generator: known without writing the story.
    return rng.random() * 0.9


def choose_timeline(until, years, total, first_missing, previous, seed):
    """Spread the archive evenly over `years` up to `until`. A run that finds the earlier
    stories made with other arguments (a larger --stories, another day) continues after the
    newest of them instead, so publication order stays index order."""
    end = int(until.timestamp())
    fresh = Timeline(end - round(years * 365.25 * 86400), end, 0, total)
    if first_missing == 0 or previous is None:
        return fresh
    expected = fresh.published(first_missing - 1, story_jitter(story_rng(seed, first_missing - 1)))
    if previous == expected:
        return fresh
    start = int(previous.timestamp())
    return Timeline(start, max(end, start + 60 * (total - first_missing)), first_missing, total)
