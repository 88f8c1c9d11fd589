"""Importing partners' feeds (syndication): drafts with provenance, sanitised bodies, lead
pictures, idempotence, hostile feeds, the commands, and the desk's Incoming view. The
feeds are this project's own (syndication/tests/feeds/), served by a server the tests start on
127.0.0.1."""

import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from stories.factories import PartnerOutletFactory
from stories.models import PartnerOutlet, StoryPage
from syndication.importing import import_partner_feed, partner_in
from syndication.models import ImportedStory
from syndication.sanitising import body_blocks

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(tree, feeds):
    return PartnerOutletFactory(
        name="Plain Facts",
        slug="plain-facts",
        language="ru",
        feed_url=f"{feeds.url}/feeds/plain_facts.rss",
        import_section=tree.section,
        licence_terms="Translation and republication with attribution.",
        attribution_template="© {partner}, {date}. Republished under our partnership.",
    )


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "imports": ImportedStory.objects.count(),
        "images": get_image_model().objects.count(),
        "partners": PartnerOutlet.objects.count(),
    }


def test_an_rss_feed_becomes_drafts_in_the_partners_language(tree, partner):
    report = import_partner_feed(partner)

    assert report.error == ""
    assert (len(report.created), report.skipped, len(report.failed)) == (2, 0, 1)
    assert report.failed[0].label == "Без ссылки: эта запись сломана"
    ferry = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/ferry-returns")
    assert ferry.get_parent().pk == tree.ru.section.pk
    assert ferry.locale.language_code == "ru" and not ferry.live
    assert ferry.title == ferry.original_headline == "Паром на Варне снова ходит по расписанию"
    assert ferry.original_author == "Анна Белова"
    assert str(ferry.original_published_at) == "2026-11-30"
    assert ferry.original_language == "ru"
    # The story points at the partner in its own language, made for it.
    assert ferry.partner.locale.language_code == "ru"
    assert ferry.partner.translation_key == partner.translation_key
    # The picture the feed's server drew (demo.images, as wide as the tests draw them).
    assert ferry.lead_image is not None and ferry.lead_image.width == settings.DEMO_PICTURE_WIDTH
    assert ferry.get_latest_revision() == ferry.import_record.revision

    blocks = [
        (
            block.block_type,
            str(block.value.source if hasattr(block.value, "source") else block.value),
        )
        for block in ferry.body
    ]
    assert blocks == [
        (
            "paragraph",
            "<p>После трёх недель простоя паром <b>«Варна-2»</b> вышел в рейс в 6:40.</p>",
        ),
        ("heading", "Что сказал капитан"),
        (
            "paragraph",
            "<p>«Мы ждали запчасть из Приморска», — говорит капитан Илья Громов.\n"
            "        Подробности — на "
            '<a href="https://plain-facts.example/ferry">сайте порта</a>.</p>',
        ),
        ("paragraph", "<ul><li>Первый рейс: 6:40</li><li>Последний: 21:10</li></ul>"),
    ]
    water = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/water-tariffs")
    assert [block.value.source for block in water.body] == [
        "<p>Заседание назначено на четверг.</p>",
        "<p>Жители собрали 4 000 подписей.</p>",
    ]
    assert water.lead_image is None and water.original_author == ""


def test_blocks_are_balanced_and_links_absolute():
    blocks = body_blocks(
        '<a href="/tips">Read <div>more</div></a> then <b>x<div>y</div></b>'
        "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"
        '<p><a href="//other.example/x">o</a> <a href="ftp://files.example/">f</a></p>',
        base_url="https://plain-facts.example/2026/11/ferry",
    )
    assert [value for _type, value in blocks] == [
        '<p><a href="https://plain-facts.example/tips">Read </a></p>',
        "<p>more</p>",
        "<p>then <b>x</b></p>",
        "<p>y</p>",
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
        '<p><a href="https://other.example/x">o</a> f</p>',
    ]


def test_nothing_hostile_survives_the_sanitiser():
    html = (
        '<p onclick="x()" style="color:red">a <a href="javascript:alert(1)">b</a>'
        ' <a href="data:text/html,x">c</a> <a href="https://ok.example/" target="_top">d</a></p>'
        "<script>alert(1)</script><style>p{}</style><iframe src=//evil>e</iframe>"
        '<svg><script>alert(2)</script></svg><img src=x onerror="alert(3)">'
        "<object data=x>f</object>"
        "<noscript><p>g</p></noscript><form action=//evil><input name=q></form>"
    )
    rendered = " ".join(value for _type, value in body_blocks(html))
    assert rendered == '<p>a b c <a href="https://ok.example/">d</a></p>'


def test_an_atom_feed_imports_with_one_bad_entry_and_no_svg(tree, partner, feeds):
    partner.feed_url = f"{feeds.url}/feeds/north_wind.atom"
    partner.save()

    report = import_partner_feed(partner)

    assert (len(report.created), report.skipped, len(report.failed)) == (1, 0, 1)
    assert "cannot be read" in report.failed[0].reason
    assert "SVG pictures are not accepted" in report.warnings[0]
    story = report.created[0]
    assert story.original_author == "Пётр Ланге"
    assert str(story.original_published_at) == "2026-11-30"
    assert story.lead_image is None
    assert [block.value.source for block in story.body] == [
        "<p>Ураган повалил <i>около 900 гектаров</i> леса.</p>",
        "<p>Восстановление займёт не меньше десяти лет.</p>",
    ]


def test_importing_again_skips_what_was_imported_and_keeps_the_editors_changes(tree, partner):
    import_partner_feed(partner)
    ferry = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/ferry-returns")
    ferry.title = "Паром вернулся"  # the desk's headline
    ferry.save_revision()
    water = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/water-tariffs")
    water.delete()  # the desk did not want it
    before = snapshot()

    report = import_partner_feed(partner)

    assert (len(report.created), report.skipped, len(report.failed)) == (0, 2, 1)
    assert snapshot() == before
    ferry = StoryPage.objects.get(pk=ferry.pk)
    assert ferry.get_latest_revision().as_object().title == "Паром вернулся"
    assert ferry.import_record.changed_by_editor


def test_a_story_entered_by_hand_is_not_imported_again(tree, partner):
    from stories.factories import StoryPageFactory

    StoryPageFactory(
        parent=tree.ru.section,
        partner=partner_in(tree.ru.section.locale, partner),
        original_url="https://plain-facts.example/2026/11/water-tariffs",
    )
    report = import_partner_feed(partner)
    assert (len(report.created), report.skipped) == (1, 1)


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("/feeds/billion_laughs.rss", "declares XML entities"),
        ("/feeds/external_entity.rss", "declares XML entities"),
        ("/feeds/broken.rss", "not valid XML"),
        ("/feeds/not_a_feed.xml", "not an RSS or Atom feed"),
        ("/feeds/missing.rss", "HTTP 404"),
        ("/slow", "did not answer in time"),
        ("/drip", "did not answer in time"),
        ("/huge", "larger than"),
        ("/huge-declared", "larger than"),
        ("/gzip-bomb", "larger than"),
        ("/to-file", "not a web address"),
        ("/to-ftp", "not a web address"),
        ("/loop", "redirects too many times"),
    ],
)
def test_a_bad_feed_is_refused_and_changes_nothing(tree, partner, feeds, address, says):
    partner.feed_url = feeds.url + address
    partner.save()
    before = snapshot()

    report = import_partner_feed(partner)

    assert says in report.error
    assert report.created == [] and report.skipped == 0
    assert snapshot() == before
    assert says in report.summary() and "Plain Facts" in report.summary()


def test_a_partner_without_a_port_of_call_is_told_what_is_missing(tree, partner, feeds):
    partner.import_section = None
    partner.save()
    assert "Choose the section" in import_partner_feed(partner).error
    partner.import_section = tree.section
    partner.language = "de"  # no German tree
    partner.save()
    assert "no version in the outlet's language (German)" in import_partner_feed(partner).error


def test_an_old_rss_doctype_without_entities_is_read(tree, partner, feeds):
    partner.feed_url = f"{feeds.url}/feeds/old_doctype.rss"
    partner.save()
    report = import_partner_feed(partner)
    assert report.error == "" and [story.title for story in report.created] == [
        "Мост через Варну откроют весной"
    ]


def test_a_compressed_feed_is_read(tree, partner, feeds):
    partner.feed_url = f"{feeds.url}/gzipped"
    partner.save()
    assert len(import_partner_feed(partner).created) == 2


def test_an_item_seen_before_is_known_by_its_guid_or_by_its_link(tree, partner, feeds):
    import_partner_feed(partner)
    partner.feed_url = f"{feeds.url}/variant/new-links"
    partner.save()
    moved = import_partner_feed(partner)
    # The ferry keeps its GUID; the water story had none, so its new link makes it new.
    assert (len(moved.created), moved.skipped) == (1, 1)
    partner.feed_url = f"{feeds.url}/variant/new-guids"
    partner.save()
    renumbered = import_partner_feed(partner)
    assert (len(renumbered.created), renumbered.skipped) == (0, 2)


def test_an_item_that_cannot_be_written_fails_alone(tree, partner, feeds, monkeypatch):
    partner.feed_url = f"{feeds.url}/variant/long-link"
    partner.save()
    report = import_partner_feed(partner)
    assert [story.title for story in report.created] == ["Паром на Варне снова ходит по расписанию"]
    assert [item.label for item in report.failed] == [
        "Без ссылки: эта запись сломана",
        "Городской совет Варенска обсудит тарифы на воду",
    ]
    # Whatever goes wrong in writing one item (here, storage) leaves the others imported.
    ImportedStory.objects.all().delete()
    StoryPage.objects.filter(locale__language_code="ru").delete()
    partner.feed_url = f"{feeds.url}/feeds/plain_facts.rss"
    partner.save()
    from syndication import importing

    real = importing.body_blocks

    def failing(html, base_url=""):
        if "ferry" in base_url:
            raise OSError("No space left on device")
        return real(html, base_url)

    monkeypatch.setattr(importing, "body_blocks", failing)
    report = import_partner_feed(partner)
    assert [story.title for story in report.created] == [
        "Городской совет Варенска обсудит тарифы на воду"
    ]
    assert ("Паром на Варне снова ходит по расписанию", "No space left on device") in [
        (item.label, item.reason) for item in report.failed
    ]
    assert not StoryPage.objects.filter(original_url__contains="ferry").exists()


def test_markup_nested_too_deeply_fails_its_item_only(tree, partner, feeds):
    partner.feed_url = f"{feeds.url}/deep.atom"
    partner.save()
    report = import_partner_feed(partner)
    assert [story.title for story in report.created] == ["Обычная запись"]
    assert [(item.label, item.reason) for item in report.failed] == [
        ("Бездонная запись", "Its markup is nested too deeply.")
    ]


def test_feeds_may_not_lead_to_the_servers_own_network(tree, partner, settings):
    settings.SYNDICATION_ALLOW_PRIVATE_ADDRESSES = False
    before = snapshot()
    report = import_partner_feed(partner)  # the test server is on 127.0.0.1
    assert "private network address" in report.error
    assert snapshot() == before


def test_an_import_out_of_time_leaves_the_rest_for_the_next(tree, partner, desk_editor, settings):
    settings.SYNDICATION_ADMIN_IMPORT_SECONDS = 0
    page = desk_editor.post(f"/admin/incoming/import/{partner.pk}/", follow=True)
    assert "Time was up: 3 items are left for the next import." in page.content.decode()
    assert ImportedStory.objects.count() == 0
    assert len(import_partner_feed(partner).created) == 2  # the nightly import: no limit


def test_a_redirect_to_another_feed_is_followed(tree, partner, feeds):
    partner.feed_url = f"{feeds.url}/moved"
    partner.save()
    assert len(import_partner_feed(partner).created) == 2


def test_the_command_imports_one_partner_and_fails_loudly(tree, partner, feeds):
    out = io.StringIO()
    call_command("import_partner_feed", "plain-facts", stdout=out)
    assert "Plain Facts: 2 created, 0 skipped, 1 failed." in out.getvalue()
    assert "failed: Без ссылки" in out.getvalue()
    partner.feed_url = f"{feeds.url}/feeds/broken.rss"
    partner.save()
    with pytest.raises(CommandError, match="not valid XML"):
        call_command("import_partner_feed", "plain-facts", stdout=io.StringIO())
    with pytest.raises(CommandError, match="No partner outlet"):
        call_command("import_partner_feed", "nobody", stdout=io.StringIO())


def test_the_cron_command_imports_every_partner_despite_a_broken_one(tree, partner, feeds):
    PartnerOutletFactory(
        name="Broken Wire",
        language="ru",
        feed_url=f"{feeds.url}/feeds/broken.rss",
        import_section=tree.section,
    )
    PartnerOutletFactory(name="No Feed", language="ru")
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 partner feeds failed"):
        call_command("import_partner_feeds", stdout=out)
    assert "Broken Wire: not imported." in out.getvalue()
    assert "Plain Facts: 2 created" in out.getvalue()
    assert ImportedStory.objects.count() == 2


def test_the_attribution_line_is_shown_and_checked(client, tree, partner):
    from stories.factories import StoryPageFactory

    story = StoryPageFactory(
        parent=tree.section,
        partner=partner,
        original_headline="Паром",
        original_url="https://plain-facts.example/1",
        original_language="ru",
        original_published_at="2026-11-30",
    )
    page = client.get(story.url).content.decode()
    assert "© Plain Facts, Nov. 30, 2026. Republished under our partnership." in page
    for bad in ("{publisher}", "{partner.name}", "{date:%Y}", "{partner", "{0}"):
        partner.attribution_template = bad
        with pytest.raises(ValidationError):
            partner.full_clean()


@pytest.fixture
def desk_editor(signed_in):
    return signed_in("editor", "eve")


@pytest.fixture
def moderator(signed_in):
    return signed_in("moderator", "eve")


def test_the_desk_imports_from_the_admin_and_finds_the_drafts_incoming(tree, partner, desk_editor):
    listing = desk_editor.get("/admin/snippets/stories/partneroutlet/").content.decode()
    assert f"/admin/incoming/import/{partner.pk}/" in listing
    confirm = desk_editor.get(f"/admin/incoming/import/{partner.pk}/")
    assert "Translation and republication with attribution." in confirm.content.decode()

    response = desk_editor.post(f"/admin/incoming/import/{partner.pk}/", follow=True)

    page = response.content.decode()
    assert "Plain Facts: 2 created, 0 skipped, 1 failed." in page
    ferry = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/ferry-returns")
    assert ferry.owner.username == "eve"
    # Newest first: the ferry was imported first, so it comes second.
    water = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/water-tariffs")
    assert page.index(f"/admin/pages/{water.pk}/edit/") < page.index(
        f"/admin/pages/{ferry.pk}/edit/"
    )
    translate = BeautifulSoup(page, "html.parser").select_one(
        f'form[action="/admin/incoming/translate/{ferry.pk}/fr/"]'
    )
    assert translate.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert translate.button.get_text(strip=True) == "Translate"


def test_one_click_starts_the_translation(
    tree, partner, desk_editor, django_capture_on_commit_callbacks
):
    import_partner_feed(partner)
    ferry = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/ferry-returns")

    with django_capture_on_commit_callbacks(execute=True):
        response = desk_editor.post(f"/admin/incoming/translate/{ferry.pk}/fr/")

    french = ferry.get_translation(tree.fr.home.locale)
    assert response.status_code == 302 and response.url == f"/admin/pages/{french.pk}/edit/"
    assert french.get_parent().pk == tree.fr.section.pk and not french.live
    assert desk_editor.get(f"/admin/incoming/translate/{ferry.pk}/fr/").status_code == 405
    # A second click opens the translation begun, and starts nothing over.
    revisions = french.revisions.count()
    again = desk_editor.post(f"/admin/incoming/translate/{ferry.pk}/fr/")
    assert again.url == f"/admin/pages/{french.pk}/edit/" and french.revisions.count() == revisions


def refused(response):
    # Wagtail's admin answers a PermissionDenied by sending the user to the dashboard, and
    # someone without admin access to the login page.
    return response.status_code == 403 or (
        response.status_code == 302
        and (response.url == "/admin/" or response.url.startswith("/admin/login/"))
    )


def test_readers_and_translators_of_other_editions_cannot_import_or_translate(
    tree, partner, client, django_user_model, french_translator
):
    # A French translator may not import (drafts go to the Russian tree), nor may a reader.
    assert refused(french_translator.post(f"/admin/incoming/import/{partner.pk}/"))
    listing = french_translator.get("/admin/snippets/stories/partneroutlet/").content.decode()
    assert "/admin/incoming/import/" not in listing
    assert ImportedStory.objects.count() == 0
    import_partner_feed(partner)
    ferry = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/ferry-returns")
    # ... and may start French translations, not English ones.
    assert refused(french_translator.post(f"/admin/incoming/translate/{ferry.pk}/en/"))
    assert ferry.get_translation_or_none(tree.home.locale) is None
    reader = django_user_model.objects.create_user("rita", "rita@example.com", "pw")
    client.force_login(reader)
    assert refused(client.post(f"/admin/incoming/import/{partner.pk}/"))
    assert refused(client.post(f"/admin/incoming/translate/{ferry.pk}/fr/"))
    assert refused(client.get("/admin/incoming/"))
    assert ImportedStory.objects.count() == 2
    assert ferry.get_translation_or_none(tree.fr.home.locale) is None


def test_an_original_may_be_published_only_where_the_agreement_allows(tree, partner, moderator):
    import_partner_feed(partner)
    ferry = StoryPage.objects.get(original_url="https://plain-facts.example/2026/11/ferry-returns")
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    def post(**extra):
        return moderator.post(
            f"/admin/pages/{ferry.pk}/edit/",
            nested_form_data(
                {
                    "title": ferry.title,
                    "slug": ferry.slug,
                    "partner": ferry.partner.pk,
                    "original_headline": ferry.original_headline,
                    "original_url": ferry.original_url,
                    "original_language": "ru",
                    "original_published_at": "2026-11-30",
                    "body": streamfield([]),
                    "story_topics": inline_formset([{"topic": tree.ru.topic.pk, "is_focus": "on"}]),
                    "bylines": inline_formset([]),
                    "partner_credits": inline_formset([]),
                    **extra,
                }
            ),
        )

    refused = post(**{"action-publish": "publish"})
    assert (
        "does not allow publishing its stories in their original language"
        in refused.content.decode()
    )
    assert not StoryPage.objects.get(pk=ferry.pk).live
    assert "does not allow publishing" in post(**{"action-submit": "submit"}).content.decode()
    # The setting of the partner's first version counts, not that of the Russian copy the
    # import made for the story.
    partner.originals_publishable = True
    partner.save()
    assert not PartnerOutlet.objects.get(pk=ferry.partner_id).originals_publishable
    published = post(**{"action-publish": "publish"})
    assert published.status_code == 302
    assert StoryPage.objects.get(pk=ferry.pk).live


def test_incoming_without_any_feed_says_how_to_get_one(tree, desk_editor):
    soup = BeautifulSoup(desk_editor.get("/admin/incoming/").content, "html.parser")
    hint = soup.select_one(".incoming-no-feeds")
    assert "No partner outlet has a feed to import yet" in hint.get_text()
    assert hint.a["href"] == "/admin/snippets/stories/partneroutlet/"
