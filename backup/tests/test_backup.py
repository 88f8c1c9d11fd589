"""backup_site and restore_site: a site backed up, its database and media emptied, then
restored, renders every page as it did, with its pictures, documents and subscribers."""

import io
import re
import shutil

import pytest
from django.contrib.auth import authenticate
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from backup.archive import stored_files
from newsletter.models import Subscriber
from stories.factories import AuthorFactory, ImageFactory, PartnerOutletFactory, StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
# Per-request values: the sign-up form's token.
PER_REQUEST = re.compile(r'(name="csrfmiddlewaretoken" value=)"[^"]+"')


def rendered(client, urls):
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = PER_REQUEST.sub(r"\1", response.content.decode())
    return pages


def test_a_restored_site_renders_every_page_as_before(
    client, tree, translate_page, search_index, media_on_disk, settings, tmp_path, django_user_model
):
    author = AuthorFactory(name="Inès Marlow", photo=ImageFactory(title="Portrait"))
    partner = PartnerOutletFactory(name="Kryvets Daily")
    story = StoryPageFactory(
        parent=tree.section,
        title="The ferry to Varensk",
        topics=tree.topics,
        authors=[author],
        lead_image=ImageFactory(title="Empty pier"),
    )
    translate_page(author, "fr")
    french = translate_page(story, "fr")
    Subscriber.objects.create(email="reader@example.com", edition="fr", status="confirmed")
    django_user_model.objects.create_user("desk", "desk@example.com", "s3cret-pw")
    home = tree.home.url
    urls = [
        home,
        tree.fr.home.url,
        tree.section.url,
        tree.topics[0].url,
        story.url,
        french.url,
        f"{home}authors/{author.slug}/",
        f"{home}partners/{partner.slug}/",
        f"{home}search/?q=ferry",
        f"{home}feed/rss/",
        "/sitemap-en.xml",
    ]
    before = rendered(client, urls)
    files_before = {name: default_storage.open(name).read() for name in stored_files()}
    assert any(name.startswith("images/") for name in files_before)  # renditions too

    folder = tmp_path / "backup"
    call_command("backup_site", str(folder), stdout=io.StringIO())

    # Into an empty database and an empty media folder.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert not StoryPage.objects.exists()

    out = io.StringIO()
    call_command("restore_site", str(folder), stdout=out)
    assert "the search index is rebuilt" in out.getvalue()
    assert rendered(client, urls) == before
    assert {name: default_storage.open(name).read() for name in stored_files()} == (files_before)
    assert Subscriber.objects.get().email == "reader@example.com"
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username="desk", password="s3cret-pw") is not None


def test_restore_refuses_a_database_with_content_and_a_folder_that_is_no_backup(tree, tmp_path):
    StoryPageFactory(parent=tree.section)
    folder = tmp_path / "backup"
    call_command("backup_site", str(folder), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already has content"):
        call_command("restore_site", str(folder))
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore_site", str(tmp_path))
    with pytest.raises(CommandError, match="exists"):
        call_command("backup_site", str(folder))
