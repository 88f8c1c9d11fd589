"""Models moved between apps keep their rows: MagazineSettings left home for editions with
state-only migrations (its table stays home_magazinesettings) and took its content type, so
the permissions given on it stay given. scripts/check_upgrade.py takes the same path with
the whole demo, in CI."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType as LiveContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, Site

from editions.models import MagazineSettings

BEFORE = [("home", "0003_search_title_and_body_index"), ("editions", None)]
AFTER = [("home", "0004_magazinesettings_moved_to_editions"), ("editions", "0001_initial")]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    # The models as the applied migrations leave them (Django's own migration tests' way).
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


# Serialized, like every transactional test here: the next one restores the rows as they
# were, content types with their ids, rather than meeting the ones this test renumbered.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_magazine_settings_keep_their_row_and_their_permissions_across_the_move():
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
    site = Site.objects.create(hostname="upgrade.example", root_page=root)
    try:
        old = migrate(BEFORE)
        # The database as the code before the move left it: the model's content type and
        # permission in home (whatever tests before this one left), and a row.
        ContentType = old.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label="editions").delete()
        content_type, _ = ContentType.objects.get_or_create(
            app_label="home", model="magazinesettings"
        )
        permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
            content_type=content_type,
            codename="change_magazinesettings",
            defaults={"name": "Can change magazine settings"},
        )
        group = old.get_model("auth", "Group").objects.create(name="Mastheads")
        group.permissions.add(permission)
        old.get_model("home", "MagazineSettings").objects.create(
            site_id=site.pk, name="Le Méridien", tagline="Before the move"
        )
    finally:
        migrate(AFTER)  # also when the set-up fails: later tests need today's schema

    settings = MagazineSettings.objects.get(site_id=site.pk)
    assert (settings.name, settings.tagline) == ("Le Méridien", "Before the move")
    assert MagazineSettings._meta.db_table == "home_magazinesettings"
    # Looked up, not get_for_model(): the manager's cache still holds the id the content
    # type had before this test renumbered it, which the next test's restore gives back.
    moved = LiveContentType.objects.get(model="magazinesettings")
    assert (moved.app_label, moved.pk) == ("editions", content_type.pk)
    assert list(
        Group.objects.get(name="Mastheads").permissions.values_list("codename", flat=True)
    ) == ["change_magazinesettings"]
    assert not LiveContentType.objects.filter(app_label="home", model="magazinesettings").exists()
