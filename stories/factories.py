"""Factories for the content model (tests only: factory_boy is a dev dependency). Pages take
`parent=`; the tests' `tree` fixture (tests/fixtures.py) builds a whole edition tree."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from stories.models import (
    Author,
    BriefingByline,
    BriefingIndexPage,
    BriefingPage,
    BriefingTopic,
    PartnerOutlet,
    SectionPage,
    StoryByline,
    StoryPage,
    StoryTopic,
    TopicIndexPage,
    TopicPage,
)


class ImageFactory(wagtail_factories.ImageFactory):
    # In the root collection, as uploads are: wagtail-factories would make a second tree root,
    # which no group has permissions on.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Picture {n}")
    description = factory.LazyAttribute(lambda o: f"Description of {o.title}")


class AuthorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author Number{n}")
    role = "Correspondent"
    bio = "Reports on the region's towns and rivers."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Author


class PartnerOutletFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner Outlet {n}")
    native_name = "Простые факты"
    country = "Varenia"
    language = "ru"
    website = "https://partner.example"
    description = "An independent newsroom."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = PartnerOutlet


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    title = "Topics"
    slug = "topics"

    class Meta:
        model = TopicIndexPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    description = "Stories about this."

    class Meta:
        model = TopicPage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    description = "A section of the magazine."

    class Meta:
        model = SectionPage


class BriefingIndexPageFactory(wagtail_factories.PageFactory):
    title = "In the News"
    slug = "in-the-news"

    class Meta:
        model = BriefingIndexPage


class BriefingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Briefing {n}")
    date = factory.LazyFunction(lambda: timezone.now().date())
    body = factory.LazyFunction(
        lambda: [
            (
                "greeting",
                {"word": "Habari", "language": "Swahili", "footnote": "Spoken around the lakes."},
            ),
            ("paragraph", RichText("<p>Good morning from the desk.</p>")),
        ]
    )

    class Meta:
        model = BriefingPage

    @classmethod
    def _create(cls, model_class, *args, topics=(), authors=(), **kwargs):
        """`topics` and `authors` become ordered BriefingTopic and BriefingByline rows."""
        kwargs["briefing_topics"] = [
            BriefingTopic(topic=topic, sort_order=n) for n, topic in enumerate(topics)
        ]
        kwargs["bylines"] = [
            BriefingByline(author=author, sort_order=n) for n, author in enumerate(authors)
        ]
        return super()._create(model_class, *args, **kwargs)


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story number {n}")
    standfirst = "Why the river towns are running out of time."
    summary = "The ferry stopped running; the town is counting the cost."
    dateline = "Varensk"
    # Later stories are newer, a minute apart; the sequence runs across the whole session,
    # so it starts far enough back never to reach the future.
    published_at = factory.Sequence(
        lambda n: timezone.now() - datetime.timedelta(days=60) + datetime.timedelta(minutes=n)
    )
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>The ferry stopped running in March.</p>"))]
    )

    class Meta:
        model = StoryPage

    @classmethod
    def _create(cls, model_class, *args, topics=(), focus=None, authors=(), **kwargs):
        """`topics` and `authors` become ordered StoryTopic and StoryByline rows."""
        kwargs["story_topics"] = [
            StoryTopic(topic=topic, is_focus=topic == focus, sort_order=n)
            for n, topic in enumerate(topics)
        ]
        kwargs["bylines"] = [
            StoryByline(author=author, sort_order=n) for n, author in enumerate(authors)
        ]
        return super()._create(model_class, *args, **kwargs)


def every_block(image):
    """A story body with one block of every kind, in the order a story might use them."""
    return [
        ("paragraph", RichText("<p>The ferry to Varensk stopped running in March.</p>")),
        ("heading", "What the mayor said"),
        ("pull_quote", {"quote": "We are an island now.", "attribution": "Lena Ostrova"}),
        ("image", {"image": image, "caption": "The empty pier.", "credit": "Photo: Ana Reis"}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=abcdefghijk",
                "poster": image,
                "caption": "The last crossing.",
            },
        ),
        ("newsletter_cta", {"heading": "Get the briefing", "text": "Every morning."}),
        (
            "update_note",
            {"updated_at": timezone.now(), "text": "Adds the ministry's reply."},
        ),
    ]
