"""Build the demo magazine from demo/content/, idempotently.

English is the source of the site's structure (home, topics, sections, briefings)
and of our own stories; partner stories are entered in Russian. Every translation
goes through wagtail-localize (translations.operations.translate), never by copying.
Each step looks for what an earlier run made first, so running twice (or again
after an interruption) completes the demo without duplicating anything.
"""

import datetime
import os
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from editions.models import MagazineSettings
from home.models import HomePage
from stories.models import (
    Author,
    BriefingByline,
    BriefingIndexPage,
    BriefingPage,
    BriefingTopic,
    Greeting,
    PartnerOutlet,
    SectionPage,
    StoryByline,
    StoryPage,
    StoryPartnerCredit,
    StoryTopic,
    TopicIndexPage,
    TopicPage,
)
from translations.operations import translate

from . import content
from .images import get_or_create_image

TREE_LANGUAGES = ("en", "fr", "ru")
# Languages only some of the tree and snippets have a version in: those whose content has
# text in it (the Arabic partner's original needs its section, topic and home page).
PARTIAL_LANGUAGES = ("ar",)


def translations_wanted(spec):
    """The languages besides English a page or snippet is translated into: the tree's, and
    those its title or name has text in."""
    texts = spec.get("title") or spec.get("name") or {}
    partial = [code for code in PARTIAL_LANGUAGES if isinstance(texts, dict) and code in texts]
    return [*TREE_LANGUAGES[1:], *partial]


def text_pairs(source, target, value):
    """Walk a content value and yield (source text, target text) for each text dict."""
    if isinstance(value, dict):
        if source in value and target in value and all(isinstance(v, str) for v in value.values()):
            yield value[source], value[target]
        else:
            for item in value.values():
                yield from text_pairs(source, target, item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from text_pairs(source, target, item)


def strings_for(spec, source, target, *, extra=()):
    # `extra` holds fallbacks (texts that stay the same in every language); the
    # content's own translations win over them.
    strings = dict(extra)
    strings.update(text_pairs(source, target, spec))
    return strings


class DemoBuilder:
    def __init__(self, stdout):
        self.stdout = stdout
        self.now = timezone.now().replace(minute=0, second=0, microsecond=0)
        self.images = {}
        self.locales = {}

    def log(self, message):
        self.stdout.write(message)

    def build(self):
        for code, _name in settings.LANGUAGES:
            self.locales[code], _ = Locale.objects.get_or_create(language_code=code)
        self.images = {key: get_or_create_image(key, spec) for key, spec in content.IMAGES.items()}
        home = self.build_home()
        self.build_settings(home)
        self.authors = self.build_snippets(Author, content.AUTHORS, self.author_fields)
        self.partners = self.build_snippets(PartnerOutlet, content.PARTNERS, self.partner_fields)
        self.build_snippets(Greeting, content.GREETINGS, self.greeting_fields, key="word")
        self.topic_index, self.topics = self.build_topics(home)
        self.sections = self.build_sections(home)
        self.stories = {spec["key"]: self.build_story(spec) for spec in content.STORIES}
        self.build_briefings(home)
        self.log(
            f"Demo content ready: {StoryPage.objects.count()} story pages in "
            f"{StoryPage.objects.values('locale').distinct().count()} languages."
        )

    # The tree -------------------------------------------------------------

    def build_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale=self.locales["en"], depth=2).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's initial migration leaves a plain "Welcome" page at the root.
            for page in root.get_children().filter(content_type__model="page"):
                page.delete()
            home = root.add_child(
                instance=HomePage(
                    title=content.HOME["title"]["en"],
                    slug="home",
                    introduction=content.HOME["introduction"]["en"],
                    tagline=content.HOME["tagline"]["en"],
                    locale=self.locales["en"],
                )
            )
            home.save_revision().publish()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True, site_name="")
        if (site.hostname, site.port) == ("localhost", 80):
            # Wagtail's placeholder: point absolute links (feeds, sitemaps, canonical URLs)
            # at the address the demo is served on.
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site.hostname = address.hostname or "localhost"
            site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = home
        site.save()
        self.translate_tree_page(home, content.HOME)
        return home

    def build_settings(self, home):
        magazine = MagazineSettings.for_site(Site.objects.get(root_page=home))
        if not magazine.tagline:
            magazine.name = content.MAGAZINE["name"]
            magazine.tagline = content.HOME["tagline"]["en"]
            magazine.save()

    def child(self, parent, model, spec, **fields):
        page = model.objects.child_of(parent).filter(slug=spec["slug"]["en"]).first()
        if page is None:
            page = parent.add_child(
                instance=model(title=spec["title"]["en"], slug=spec["slug"]["en"], **fields)
            )
            page.save_revision().publish()
        self.translate_tree_page(page, spec)
        return page

    def translate_tree_page(self, page, spec, extra=()):
        # The home page has no slug of its own in the content; it keeps "home".
        extra = {page.slug: page.slug, **dict(extra)}
        for code in translations_wanted(spec):
            if not page.has_translation(self.locales[code]):
                translate(page, code, strings_for(spec, "en", code, extra=extra))

    def build_topics(self, home):
        index = self.child(
            home,
            TopicIndexPage,
            content.TOPIC_INDEX,
            introduction=content.TOPIC_INDEX["introduction"]["en"],
            show_in_menus=True,
        )
        topics = {
            spec["key"]: self.child(
                index,
                TopicPage,
                spec,
                description=spec["description"]["en"],
                lead_image=self.drawn_picture(
                    f"topic-{spec['key']}",
                    spec["picture"]["scene"],
                    title=f"Topic: {spec['title']['en']}",
                    description=spec["picture"]["description"],
                ),
            )
            for spec in content.TOPICS
        }
        return index, topics

    def drawn_picture(self, key, scene, *, title, description):
        """A picture of its own for a story or topic, drawn from `key` in the colours and
        motif of `scene` (content.IMAGES)."""
        return get_or_create_image(
            key, {**content.IMAGES[scene], "title": title, "description": description}
        )

    def story_picture(self, spec):
        """The story's own lead picture: its scene drawn afresh, placed at its dateline (in
        English, the pictures' language, when the story has one)."""
        scene = spec.get("lead_image")
        if scene is None:
            return None
        description = content.IMAGES[scene]["description"]
        if "en" in spec["dateline"]:
            description = f"{description}, {spec['dateline']['en']}"
        return self.drawn_picture(
            spec["key"],
            scene,
            title=spec["title"].get("en") or spec["title"][spec["source_locale"]],
            description=description,
        )

    def build_sections(self, home):
        sections = {
            spec["key"]: self.child(
                home, SectionPage, spec, description=spec["description"]["en"], show_in_menus=True
            )
            for spec in content.SECTIONS
        }
        self.briefing_index = self.child(
            home,
            BriefingIndexPage,
            content.BRIEFING_INDEX,
            introduction=content.BRIEFING_INDEX["introduction"]["en"],
            show_in_menus=True,
        )
        return sections

    # Snippets ---------------------------------------------------------------

    def author_fields(self, spec):
        return {
            "name": spec["name"]["en"],
            "role": spec["role"]["en"],
            "bio": spec["bio"]["en"],
            "photo": self.images.get(spec.get("photo")),
        }

    def partner_fields(self, spec):
        return {
            "name": spec["name"]["en"],
            "native_name": spec["native_name"],
            "country": spec["country"]["en"],
            "language": spec["language"],
            "website": spec["website"],
            "logo": self.images.get(spec.get("logo")),
            "description": spec["description"]["en"],
            "licence_terms": spec.get("licence_terms", ""),
            # The demo publishes the partners' Russian originals too.
            "originals_publishable": True,
        }

    @staticmethod
    def greeting_fields(spec):
        return {
            "word": spec["word"],
            "language": spec["language"]["en"],
            "footnote": spec["footnote"]["en"],
        }

    def build_snippets(self, model, specs, fields_for, key="name"):
        snippets = {}
        for spec in specs:
            fields = fields_for(spec)
            snippet = model.objects.filter(locale=self.locales["en"], **{key: fields[key]}).first()
            if snippet is None:
                snippet = model.objects.create(locale=self.locales["en"], **fields)
            for code in translations_wanted(spec):
                if not snippet.has_translation(self.locales[code]):
                    translate(snippet, code, strings_for(spec, "en", code))
            snippets[spec["key"]] = snippet
        return snippets

    # Stories ----------------------------------------------------------------

    def in_locale(self, obj, code):
        return (
            obj
            if obj.locale_id == self.locales[code].pk
            else obj.get_translation(self.locales[code])
        )

    def story_body(self, spec, code, published):
        body = []
        for block_type, value in spec["body"]:
            if block_type == "paragraph":
                body.append((block_type, RichText(f"<p>{value[code]}</p>")))
            elif block_type == "heading":
                body.append((block_type, value[code]))
            elif block_type == "pull_quote":
                body.append(
                    (
                        block_type,
                        {"quote": value["quote"][code], "attribution": value["attribution"][code]},
                    )
                )
            elif block_type == "image":
                body.append(
                    (
                        block_type,
                        {
                            "image": self.images[value["image"]],
                            "caption": value["caption"][code],
                            "credit": value["credit"][code],
                        },
                    )
                )
            elif block_type == "video":
                body.append(
                    (
                        block_type,
                        {
                            "url": value["url"],
                            "poster": self.images.get(value.get("poster")),
                            "caption": value["caption"][code],
                        },
                    )
                )
            elif block_type == "newsletter_cta":
                body.append(
                    (block_type, {"heading": value["heading"][code], "text": value["text"][code]})
                )
            elif block_type == "update_note":
                body.append(
                    (
                        block_type,
                        {
                            "updated_at": published
                            + datetime.timedelta(hours=value["hours_after"]),
                            "local_zone": value.get("local_zone", ""),
                            "text": value["text"][code],
                        },
                    )
                )
            else:
                raise ValueError(f"Unknown block type {block_type!r} in story {spec['key']}")
        return body

    def byline(self, key, code, sort_order):
        """An author's byline, or a partner's for a key "partner:<its key>"."""
        if key.startswith("partner:"):
            partner = self.in_locale(self.partners[key.removeprefix("partner:")], code)
            return StoryByline(partner=partner, sort_order=sort_order)
        return StoryByline(author=self.in_locale(self.authors[key], code), sort_order=sort_order)

    def build_story(self, spec):
        code = spec["source_locale"]
        section = self.in_locale(self.sections[spec["section"]], code)
        story = StoryPage.objects.child_of(section).filter(slug=spec["slug"][code]).first()
        created = story is None
        published = self.now - datetime.timedelta(days=spec["days_ago"], hours=len(spec["key"]))
        if story is None:
            updates = [v["hours_after"] for t, v in spec["body"] if t == "update_note"]
            original = spec.get("original") or {}
            story = StoryPage(
                title=spec["title"][code],
                slug=spec["slug"][code],
                analysis_kind=spec.get("genre", ""),
                standfirst=spec["standfirst"][code],
                summary=spec["summary"][code],
                dateline=spec["dateline"][code],
                lead_image=self.story_picture(spec),
                lead_video_url=spec.get("lead_video") or "",
                published_at=published,
                updated_at=published + datetime.timedelta(hours=max(updates)) if updates else None,
                body=self.story_body(spec, code, published),
                partner=self.in_locale(self.partners[spec["partner"]], code)
                if spec.get("partner")
                else None,
                original_headline=original.get("headline", ""),
                original_url=original.get("url", ""),
                original_language=original.get("language", ""),
                original_author=original.get("author", ""),
                original_published_at=(
                    (self.now - datetime.timedelta(days=original["days_ago"])).date()
                    if original
                    else None
                ),
                # Credited on the version that is itself a translation of the partner's.
                translator_credit=original.get("translator", {}).get(code, ""),
            )
            story.bylines = [self.byline(key, code, n) for n, key in enumerate(spec["authors"])]
            story.partner_credits = [
                StoryPartnerCredit(partner=self.in_locale(self.partners[key], code), sort_order=n)
                for n, key in enumerate(spec.get("reporting_from", ()))
            ]
            story.story_topics = [
                StoryTopic(
                    topic=self.in_locale(self.topics[key], code),
                    is_focus=key == spec.get("focus"),
                    sort_order=n,
                )
                for n, key in enumerate(spec["topics"])
            ]
            section.add_child(instance=story)
            story.save_revision().publish()
            StoryPage.objects.filter(pk=story.pk).update(first_published_at=published)
        for target in ("en", "fr"):
            if target in spec.get("awaiting", ()):
                continue
            if target != code and not story.has_translation(self.locales[target]):
                credit = (spec.get("original") or {}).get("translator", {}).get(target, "")
                translate(
                    story,
                    target,
                    strings_for(spec, code, target),
                    edition_fields={"translator_credit": credit},
                )
        if created and spec.get("revised_standfirst"):
            story = StoryPage.objects.get(pk=story.pk)
            story.standfirst = spec["revised_standfirst"]
            story.save_revision().publish()
        return story

    # Briefings --------------------------------------------------------------

    def build_briefings(self, home):
        for spec in content.BRIEFINGS:
            # Each morning at seven, before the day's stories.
            day = self.now - datetime.timedelta(days=spec["days_ago"])
            published = min(day, day.replace(hour=7, minute=0, second=0, microsecond=0))
            date = published.date()
            briefing = (
                BriefingPage.objects.child_of(self.briefing_index)
                .filter(slug=spec["slug"]["en"])
                .first()
            )
            if briefing is None:
                body = []
                for block_type, value in spec["body"]:
                    if block_type == "greeting":
                        value = {
                            "emoji": value.get("emoji", "👋"),
                            "word": value["word"],
                            "language": value["language"]["en"],
                            "footnote": value["footnote"]["en"],
                        }
                    elif block_type == "news_item":
                        story = self.stories.get(value.get("story"))
                        value = {
                            "headline": value["headline"]["en"],
                            "text": RichText(f"<p>{value['text']['en']}</p>"),
                            "story": self.in_locale(story, "en") if story else None,
                        }
                    elif block_type == "paragraph":
                        value = RichText(f"<p>{value['en']}</p>")
                    elif block_type == "newsletter_cta":
                        value = {"heading": value["heading"]["en"], "text": value["text"]["en"]}
                    else:
                        value = value["en"]
                    body.append((block_type, value))
                briefing = BriefingPage(
                    title=spec["title"]["en"],
                    slug=spec["slug"]["en"],
                    date=date,
                    body=body,
                    lead_video_url=spec.get("video", ""),
                    published_at=published,
                )
                briefing.briefing_topics = [
                    BriefingTopic(topic=self.topics[key], sort_order=n)
                    for n, key in enumerate(spec.get("topics", ()))
                ]
                briefing.bylines = [
                    BriefingByline(author=self.authors[key], sort_order=n)
                    for n, key in enumerate(spec.get("authors", ()))
                ]
                self.briefing_index.add_child(instance=briefing)
                briefing.save_revision().publish()
                BriefingPage.objects.filter(pk=briefing.pk).update(first_published_at=published)
            # The greeting word stays in its own language in every edition.
            words = {v["word"]: v["word"] for t, v in spec["body"] if t == "greeting"}
            self.translate_tree_page(briefing, spec, extra=words)


def ensure_admin(stdout):
    """The demo admin: password from DJANGO_SUPERUSER_PASSWORD, or generated and printed once."""
    User = get_user_model()
    password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
    user = User.objects.filter(username="admin").first()
    if user is None:
        generated = password is None
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        if generated:
            stdout.write(f"Created the admin user: admin / {password}  (shown only this once)")
        else:
            stdout.write(
                "Created the admin user: admin / the password in DJANGO_SUPERUSER_PASSWORD"
            )
    elif password:
        user.set_password(password)
        user.save(update_fields=["password"])
        stdout.write("Admin user: admin / the password in DJANGO_SUPERUSER_PASSWORD")
    else:
        stdout.write(
            "Admin user: admin (its password was printed when it was created; "
            "set DJANGO_SUPERUSER_PASSWORD and run again to reset it)"
        )
