"""Every address under the admin that answers a GET, for every role: what it shows is
what that role may see. The world holds canaries (a subscriber's address, ...); a page
that prints one to a role not allowed it is a leak, whichever app or library serves it."""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Site, Workflow
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

from newsroom.groups import COPY_DESK
from stories.factories import ImageFactory, StoryPageFactory
from stories.models import Greeting
from tests.support import BROWSER_ACCEPT, ROLES
from tests.test_permission_matrix import ALLOWED, world

pytestmark = pytest.mark.django_db

PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
SNIPPET_IN_ROUTE = re.compile(r"snippets/(?:choose/)?(\w+)/(\w+)/")
# Wagtail's deliberate 500 (for testing error reports), the sign-out (which would end the
# crawl) and the password reset, whose token a crawl cannot know.
NOT_CRAWLED = {
    "wagtailadmin_error_test",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset_confirm",
}


def admin_routes():
    """(route, name) of every admin URL pattern, in the URLconf's order."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                yield prefix + str(pattern.pattern), pattern.name

    return [
        route
        for route in walk(get_resolver().url_patterns, "", "")
        if route[0].startswith("admin/")
    ]


# A "pk" is that of the first kind of thing its address names.
PK_OF = [
    ("snippets", "snippet"),
    ("api/main/pages", "page"),
    ("pages", "page"),
    ("images", "image"),
    ("documents", "document"),
    ("users", "colleague"),
    ("groups", "group"),
    ("locales", "locale"),
    ("sites", "site"),
    ("collections", "collection"),
    ("workflows/tasks", "task"),
    ("workflows", "workflow"),
]


def arguments(name, route, kind, things):
    """Each URL parameter's value in the crawled world, or None where the world has no such
    thing (the address is then not crawled, and listed as skipped)."""
    english, french, author, subscriber, source, partner = things["matrix"]
    if name in ("pk", "object_id"):
        named = SNIPPET_IN_ROUTE.search(route)
        if kind is None and named:
            kind = apps.get_model(*named.groups())._meta
        if kind is not None:
            snippet = things["snippets"].get(kind.label)
            return snippet.pk if snippet else None
        thing = next((thing for word, thing in PK_OF if f"/{word}/" in f"/{route}"), None)
        return things[thing].pk if thing in things else None
    translation = Translation.objects.filter(source=source).first()
    segment = translation.source.stringsegment_set.first()
    return {
        "page_id": english.pk,
        "parent_page_id": english.get_parent().pk,
        "page_to_move_id": english.pk,
        "destination_id": english.get_parent().pk,
        "page_pk": english.pk,
        "translation_id": translation.pk,
        "translation_source_id": source.pk,
        "string_segment_id": segment.pk,
        "segment_id": segment.pk,
        "revision_id": english.latest_revision_id,
        "revision_id_a": english.latest_revision_id,
        "revision_id_b": english.latest_revision_id,
        "image_id": things["image"].pk,
        "document_id": things["document"].pk,
        "doc_id": things["document"].pk,
        "collection_id": things["collection"].pk,
        "redirect_id": things["redirect"].pk,
        "workflow_pk": things["workflow"].pk,
        "task_id": things["task"].pk,
        "workflow_state_id": things["workflow_state"].pk,
        "task_state_id": things["workflow_state"].current_task_state.pk,
        "action_name": "approve",
        "mode": "",
        "language_code": "fr",
        "partner_id": partner.pk,
        "filter_spec": "original",
    }.get(name)


def addresses(things):
    """Every admin address, its parameters filled from the world; those naming a kind of
    snippet once for each kind."""
    found, skipped = [], []
    for route, url_name in admin_routes():
        if url_name in NOT_CRAWLED:
            continue
        # Wagtail's few regular-expression routes, written as paths.
        route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", route)
        route = route.replace("^", "").replace("$", "").replace("\\.", ".")
        names = PARAMETER.findall(route)
        kinds = [None]
        if {"app_label", "model_name"} <= set(names) or "content_type_app_name" in names:
            kinds = [model._meta for model in get_snippet_models()]
        for kind in kinds:
            values = {}
            for name in names:
                if name in ("app_label", "content_type_app_name", "app_name") and kind:
                    values[name] = kind.app_label
                elif name in ("model_name", "content_type_model_name") and kind:
                    values[name] = kind.model_name
                else:
                    values[name] = arguments(name, route, kind, things)
            if None in values.values():
                skipped.append(route)
                continue
            found.append("/" + PARAMETER.sub(lambda m, v=values: str(v[m.group(1)]), route))
    return found, skipped


@pytest.fixture
def crawled_world(tree, translate_page, feeds, staff, search_index):
    matrix = world(tree, translate_page, feeds)
    english, french, author, subscriber, source, partner = matrix
    workflow = Workflow.objects.get(name=COPY_DESK)
    greeting = Greeting.objects.create(
        locale=tree.home.locale, word="Dumela", language="Setswana", footnote="Spoken here."
    )
    # A French story nobody has published yet: its headline is the desk's business.
    unpublished = StoryPageFactory(
        parent=tree.fr.section, title="Quillfeather exclusive", live=False
    )
    unpublished.save_revision()
    return {
        "matrix": matrix,
        "unpublished": unpublished,
        "snippets": {
            "stories.Author": author,
            "stories.PartnerOutlet": partner,
            "stories.Greeting": greeting,
            "newsletter.Subscriber": subscriber,
        },
        "page": english,
        "colleague": staff["admin"],
        "image": ImageFactory(file=get_test_image_file()),
        "document": Document.objects.create(title="Minutes", file=ContentFile(b"-", "m.txt")),
        "group": Group.objects.get(name="Editors"),
        "locale": tree.home.locale,
        "site": Site.objects.get(is_default_site=True),
        "collection": Collection.get_first_root_node(),
        "redirect": Redirect.objects.create(old_path="/old", redirect_page=english),
        "workflow": workflow,
        "task": workflow.tasks.first(),
        "workflow_state": workflow.start(english, staff["editor"]),
    }


def canaries(things):
    """What only some roles may read → those roles."""
    subscriber = things["snippets"]["newsletter.Subscriber"]
    return {
        subscriber.email: ALLOWED["list subscribers"],
        things["unpublished"].title: ALLOWED["edit a French story"],
    }


def searches(things):
    """Addresses that find things by a word or inside a section: searched for the unpublished
    story and opened on its section, as someone curious would."""
    word = "Quillfeather"
    section = things["unpublished"].get_parent().pk
    return [
        reverse("wagtailadmin_pages:search_results") + f"?q={word}",
        reverse("wagtailadmin_choose_page") + f"?q={word}",
        reverse("wagtailadmin_choose_page_search") + f"?q={word}",
        reverse("wagtailadmin_choose_page_child", args=[section]),
        reverse("wagtailadmin_explore", args=[section]),
        reverse("stories:index_results") + f"?q={word}",
        reverse("wagtailadmin_home"),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_address_shows_a_role_what_it_may_not_see(role, staff, crawled_world):
    # As a browser asks: some libraries answer browsers with pages of their own.
    client = Client(raise_request_exception=False, HTTP_ACCEPT=BROWSER_ACCEPT)
    if role != "anonymous":
        client.force_login(staff[role])
    found, skipped = addresses(crawled_world)
    found += searches(crawled_world)
    secrets = canaries(crawled_world)
    leaks, errors = [], []
    for url in found:
        response = client.get(url)
        if response.status_code >= 500:
            errors.append((url, response.status_code))
        if response.status_code != 200 or response.streaming:
            continue
        body = response.content.decode(errors="replace")
        leaks += [
            (url, secret)
            for secret, roles in secrets.items()
            if secret in body and role not in roles
        ]
    assert errors == [], errors
    assert leaks == [], (role, leaks)
    assert len(found) >= 300, (len(found), skipped)
