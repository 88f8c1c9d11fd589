"""No redirect to a page from an address it never had readers at.

Wagtail redirects a page's old address whenever its slug changes, live or not. A translation
is made as a copy carrying the original's slug, then given its own: Wagtail left a redirect
from /fr/.../night-ferry (an address no reader ever saw) to the French story. When a page is
published for the first time, every redirect Wagtail made to it automatically came from such
a change, and goes.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry
from wagtail.signals import page_published


@receiver(page_published)
def forget_redirects_from_addresses_never_served(sender, instance, revision, **kwargs):
    # Published before (its history says so: first_published_at can be stale on the
    # revision's copy of the page), its old addresses had readers.
    if (
        PageLogEntry.objects.filter(page_id=instance.pk, action="wagtail.publish")
        .exclude(revision=revision)
        .exists()
    ):
        return
    # After the publish's own slug change, whose redirect Wagtail makes on commit.
    transaction.on_commit(
        lambda: Redirect.objects.filter(
            redirect_page_id=instance.pk, automatically_created=True
        ).delete()
    )
