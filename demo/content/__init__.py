"""The demo magazine's content, written for this project.

Every person, town, river and outlet here is invented. Text values are dicts keyed by
language code; demo/builder.py enters the source language and translates the rest
through wagtail-localize. One module per kind: the site's frame, pictures, people,
stories, briefings.
"""

from .briefings import BRIEFINGS, GREETINGS
from .people import AUTHORS, PARTNERS
from .pictures import IMAGES
from .site import BRIEFING_INDEX, HOME, MAGAZINE, SECTIONS, TOPIC_INDEX, TOPICS
from .stories import STORIES

__all__ = [
    "AUTHORS",
    "BRIEFINGS",
    "BRIEFING_INDEX",
    "GREETINGS",
    "HOME",
    "IMAGES",
    "MAGAZINE",
    "PARTNERS",
    "SECTIONS",
    "STORIES",
    "TOPICS",
    "TOPIC_INDEX",
]
