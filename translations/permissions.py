"""Who may do what to a translation: the review gate.

wagtail-localize checks "may this user edit the page" (for pages) or "may this user change
this kind of snippet" (for snippets), and lets anyone past that publish, convert a live
translation back into an alias of its original, stop its syncing or sync every other
language's translation too. A newsroom draws the lines elsewhere:

- working on a translation (its segments, its PO file, machine translation, syncing it)
  takes the right to edit it, and for snippets, which Django permits per model and not per
  language, the target language must be one the user works in;
- anything that changes what readers see or ends the translation (publish, unpublish,
  convert to alias, stop or restart syncing, delete) takes the right to publish it: a
  translator's work reaches readers through the copy desk's review, never around it;
- while a translation waits in review, it is locked for everyone who cannot act on that
  review, as Wagtail locks the page itself.

Every view of wagtail-localize that acts on a translation goes through these functions
(translations.views.guards and translations.views.sync), whichever button or address
leads there.
"""

from django.contrib.auth import get_permission_codename
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from editions.locales import edition_locales

DESK_PERMISSION = "wagtail_localize.submit_translation"


def locales_worked_by(user):
    """The languages whose tree `user` may add to or edit: a translator's own edition,
    every language for editors. Translating into any other language is refused."""
    homes = (
        PagePermissionPolicy()
        .instances_user_has_any_permission_for(user, ["add", "change"])
        .filter(depth=2)
    )
    return Locale.objects.filter(pk__in=homes.values("locale_id"))


def editions_worked_by(user):
    worked = set(locales_worked_by(user).values_list("pk", flat=True))
    return [locale for locale in edition_locales() if locale.pk in worked]


def locales_published_by(user):
    """The languages in whose tree `user` may publish: Moderators' and administrators'."""
    homes = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
    return Locale.objects.filter(pk__in=homes.filter(depth=2).values("locale_id"))


def _snippet_permission(user, instance, action):
    opts = type(instance)._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def may_edit(user, instance):
    """May `user` work on `instance`, the target of a translation?"""
    if not user.is_active:
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    if not _snippet_permission(user, instance, "change"):
        return False
    return user.is_superuser or locales_worked_by(user).filter(pk=instance.locale_id).exists()


def may_publish(user, instance):
    """May `user` change what readers see of `instance`, or end its translation?"""
    if not may_edit(user, instance):
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.is_superuser or locales_published_by(user).filter(pk=instance.locale_id).exists()


def review_lock(user, instance):
    """Why `user` may not change `instance` now, or None. A page waiting in review is locked
    for all but its reviewers (so is a page an editor locked): edits made meanwhile would
    not be in what the reviewer approves."""
    if not isinstance(instance, Page):
        return None
    lock = instance.get_lock()
    if lock is None or not lock.for_user(user):
        return None
    return strip_tags(lock.get_message(user) or "") or _("This translation is locked.")


def in_review(instance):
    """Is `instance` waiting in a workflow? Edits its reviewers make must reach the
    revision they will approve."""
    if not isinstance(instance, Page):
        return False
    state = instance.current_workflow_state
    return state is not None and state.status == state.STATUS_IN_PROGRESS
