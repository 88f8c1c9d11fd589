"""Choosers that open in the language of the story being edited, and the rule they serve.

A story links to topics, authors and a partner outlet of its own language: wagtail-localize
retargets those links when it translates a story, and readers of an edition follow them to
that edition's pages. Wagtail's choosers offered every language (its page chooser opened at
the root, in the admin's own language), and an English story was saved with a French topic.
The choosers here open in the story's language; `cross_language_links` is the rule, which
the story's form applies to what the editor chose, and the translation desk to what a
translation will link to.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.snippets.widgets import AdminSnippetChooser


class EditionPageChooser(AdminPageChooser):
    """A page chooser that opens among the pages of `locale`'s tree (set per form)."""

    locale = None

    def get_chooser_modal_url(self):
        if self.locale is None:
            return super().get_chooser_modal_url()
        # `locale` again in the query: the modal's search keeps its browser's query string
        # (newsroom.wagtail_hooks keeps the search to that edition).
        code = self.locale.language_code
        return f"{reverse('edition_page_chooser', args=[code])}?{urlencode({'locale': code})}"


class EditionSnippetChooser(AdminSnippetChooser):
    """A snippet chooser that lists the snippets of `locale` first (set per form)."""

    locale = None

    def get_chooser_modal_url(self):
        url = super().get_chooser_modal_url()
        if self.locale is None:
            return url
        return f"{url}?{urlencode({'locale': self.locale.language_code})}"


def in_locale(field, locale):
    """Give `field`, a form field with one of Wagtail's choosers, a chooser that opens
    in `locale`."""
    old = field.widget
    if isinstance(old, AdminPageChooser):
        field.widget = EditionPageChooser(
            target_models=old.target_models,
            can_choose_root=old.can_choose_root,
            user_perms=old.user_perms,
        )
    elif isinstance(old, AdminSnippetChooser):
        field.widget = EditionSnippetChooser(model=old.model)
    else:
        return
    field.widget.locale = locale


def cross_language_links(story, locale, relations=("partner", "topics", "bylines")):
    """The partner, topics and authors `story` links to in a language other than `locale`,
    each as a message saying what to do."""
    problems = []
    if "partner" in relations:
        partners = [story.partner] if story.partner else []
        partners += [credit.partner for credit in story.partner_credits.all()]
        partners += [byline.partner for byline in story.bylines.all() if byline.partner]
        problems += [
            partner_message(partner, locale)
            for partner in partners
            if partner.locale_id != locale.pk
        ]
    if "topics" in relations:
        for link in story.story_topics.all():
            if link.topic.locale_id != locale.pk:
                problems.append(topic_message(link.topic, locale))
    if "bylines" in relations:
        for byline in story.bylines.all():
            if byline.author and byline.author.locale_id != locale.pk:
                problems.append(author_message(byline.author, locale))
    return problems


def partner_message(partner, locale):
    return _(
        "The partner outlet “%(name)s” is its %(other)s version: choose its %(language)s "
        "version, or translate the partner outlet into %(language)s first."
    ) % {
        "name": partner,
        "other": partner.locale.get_display_name(),
        "language": locale.get_display_name(),
    }


def topic_message(topic, locale):
    return _(
        "The topic “%(title)s” is in %(other)s: choose a topic in %(language)s, or translate "
        "this one into %(language)s first."
    ) % {
        "title": topic.title,
        "other": topic.locale.get_display_name(),
        "language": locale.get_display_name(),
    }


def author_message(author, locale):
    return _(
        "The author “%(name)s” is the %(other)s version: choose the %(language)s one, or "
        "translate the author into %(language)s first."
    ) % {
        "name": author,
        "other": author.locale.get_display_name(),
        "language": locale.get_display_name(),
    }
