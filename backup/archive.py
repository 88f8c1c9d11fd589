"""What `manage.py backup_site` writes and `manage.py restore_site` reads back.

A backup is a folder:
- content_types.json and content.json: the content types and permissions, then every other
  model's rows (pages, revisions, translations, snippets, pictures' and documents' records,
  subscribers, users and groups, settings), with their own ids, so that every reference,
  including the ones Wagtail keeps without a constraint (its logs), comes back as it was.
  in JSON with times to the microsecond (backup/serializers.py), as pages show them;
- media/: every uploaded file (originals, renditions, documents), read through the storage
  API, so a backup of a site on S3 is made the same way as one on a disk;
- manifest.json: how many rows of each model and the SHA-256 of each file, checked on restore.

Left out, since they are rebuilt or worthless after a restore: the search indexes (rebuilt
by `update_index` and `index_stories`), sessions (everyone signs in again), the record of
failed logins, and the cache.
"""

import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from wagtail.search.models import IndexEntry

# Loaded first: rows of every other model point at them, and Wagtail's signals look them up
# (making them anew, with other ids, when they are missing) while the rest loads.
FOUNDATIONS = ["contenttypes", "auth.permission"]
EXCLUDED = [
    *FOUNDATIONS,
    "sessions",
    "wagtailsearch.indexentry",
    "search.storyentry",
    "axes",
]
CONTENT = "content.json"
CONTENT_TYPES = "content_types.json"
FORMAT = "exactjson"  # settings.SERIALIZATION_MODULES
MANIFEST = "manifest.json"
MEDIA = "media"


def stored_files(storage=default_storage, folder=""):
    """Every file's name in a storage, folder by folder."""
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in folders:
        yield from stored_files(storage, f"{folder}/{name}" if folder else name)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def copy_media_out(target):
    """Copies every uploaded file into target/media; returns {name: sha256}."""
    digests = {}
    for name in sorted(stored_files()):
        with default_storage.open(name, "rb") as source:
            data = source.read()
        destination = target / MEDIA / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        digests[name] = sha256(data)
    return digests


def copy_media_in(source, digests):
    """Puts every file of a backup back under its own name; refuses a damaged one."""
    for name, digest in digests.items():
        data = (source / MEDIA / name).read_bytes()
        if sha256(data) != digest:
            raise ValueError(f"{name} in the backup does not match its checksum")
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            raise ValueError(f"{name} was stored as {saved}")


def row_counts(dump_path):
    counts = {}
    for row in json.loads(Path(dump_path).read_text()):
        counts[row["model"]] = counts.get(row["model"], 0) + 1
    return counts


def live_row_counts(models):
    return {label: apps.get_model(label)._base_manager.count() for label in models}


def forget_search_index():
    """Empties the search index before it is rebuilt. Loading rows can index some of them
    on the way, and on SQLite Wagtail keeps the full-text index in a table beside the
    entries, kept by triggers, which then holds rows the rebuilt index collides with."""
    IndexEntry.objects.all().delete()
    fts = "wagtailsearch_indexentry_fts"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and fts in connection.introspection.table_names(cursor):
            cursor.execute(f"DELETE FROM {fts}")
