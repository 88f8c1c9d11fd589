"""Editors can only build the tree the design describes."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from stories.models import (
    BriefingIndexPage,
    BriefingPage,
    SectionPage,
    StoryPage,
    TopicIndexPage,
    TopicPage,
)


class TreeRulesTests(WagtailPageTestCase):
    def test_home_page(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {TopicIndexPage, SectionPage, BriefingIndexPage})

    def test_topics(self):
        self.assertAllowedParentPageTypes(TopicIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TopicIndexPage, {TopicPage})
        self.assertAllowedParentPageTypes(TopicPage, {TopicIndexPage})
        self.assertAllowedSubpageTypes(TopicPage, set())

    def test_sections_and_stories(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage})
        self.assertAllowedSubpageTypes(SectionPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {SectionPage})
        self.assertAllowedSubpageTypes(StoryPage, set())

    def test_briefings(self):
        self.assertAllowedParentPageTypes(BriefingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BriefingIndexPage, {BriefingPage})
        self.assertAllowedParentPageTypes(BriefingPage, {BriefingIndexPage})
        self.assertAllowedSubpageTypes(BriefingPage, set())

    def test_one_topic_index_and_briefing_index_per_home(self):
        assert TopicIndexPage.max_count_per_parent == 1
        assert BriefingIndexPage.max_count_per_parent == 1
