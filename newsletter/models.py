"""Subscribers to the daily briefing, one row per e-mail address."""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


def edition_choices():
    """Each edition in its own language ("English", "français"), as language pickers do."""
    return [
        (code, translation.get_language_info(code)["name_local"])
        for code in settings.EDITION_LANGUAGES
    ]


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("e-mail address"), unique=True)
    edition = models.CharField(
        _("edition"),
        max_length=12,
        choices=edition_choices,
        help_text=_("The language the subscriber gets the briefing in."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("Only confirmed subscribers receive the briefing."),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        # Not the address: a name ends up where permissions do not follow it (log entries,
        # libraries' APIs and choosers, "used by" lists). The listing shows the address.
        return _("Subscriber %(number)s") % {"number": self.pk}

    def confirm(self):
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.unsubscribed_at = None
        self.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])

    def unsubscribe(self):
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        self.save(update_fields=["status", "unsubscribed_at"])


class Delivery(models.Model):
    """One briefing sent to one subscriber. The row is written before the e-mail goes out and
    removed if sending fails, so a rerun never sends anyone the same briefing twice."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    briefing = models.ForeignKey(
        "stories.BriefingPage", on_delete=models.CASCADE, related_name="deliveries"
    )
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "briefing"], name="one_delivery_per_briefing"
            )
        ]

    def __str__(self):
        return f"{self.briefing_id} → {self.subscriber_id}"
