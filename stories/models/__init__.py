"""Topics, sections, stories, briefings and the snippets stories use, one module each.

Everything is importable from here, as it was when this was one module: migrations name
`stories.models.PaginatedListingMixin`, `language_choices` and
`validate_attribution_template`, and migrations are never edited.
"""

from ..pagination import STORIES_PER_PAGE, PaginatedListingMixin, show_listing
from .briefings import BriefingByline, BriefingIndexPage, BriefingPage, BriefingTopic, Greeting
from .sections import SectionPage
from .snippets import (
    Author,
    PartnerOutlet,
    language_choices,
    validate_attribution_template,
)
from .story import NEWEST_FIRST, StoryByline, StoryPage, StoryPartnerCredit, StoryTopic
from .topics import TopicIndexPage, TopicPage

__all__ = [
    "NEWEST_FIRST",
    "STORIES_PER_PAGE",
    "Author",
    "BriefingByline",
    "BriefingIndexPage",
    "BriefingPage",
    "BriefingTopic",
    "Greeting",
    "PaginatedListingMixin",
    "PartnerOutlet",
    "SectionPage",
    "StoryByline",
    "StoryPage",
    "StoryPartnerCredit",
    "StoryTopic",
    "TopicIndexPage",
    "TopicPage",
    "language_choices",
    "show_listing",
    "validate_attribution_template",
]
