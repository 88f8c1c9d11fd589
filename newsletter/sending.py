"""Sending a published briefing to the confirmed subscribers of its edition, in batches.

Each delivery is claimed (a Delivery row) before its e-mail goes out and released if sending
raises, so a rerun after a failure picks up exactly the subscribers still waiting. A row left
unsent by a process killed mid-send is "in doubt" and never retried: nobody gets a briefing
twice.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from config.mail import delivery_connection

from .briefing_email import briefing_context, briefing_message
from .models import Delivery, Subscriber


class NotSendable(Exception):
    pass


@dataclass
class SendReport:
    sent: int = 0
    already: int = 0
    in_doubt: int = 0


def waiting(briefing):
    return (
        Subscriber.objects.confirmed()
        .filter(edition=briefing.locale.language_code)
        .exclude(deliveries__briefing=briefing)
        .order_by("pk")
    )


def send_briefing(briefing, batch_size=100):
    if not briefing.live:
        raise NotSendable(f"“{briefing.title}” is not published.")
    report = SendReport(
        already=Delivery.objects.filter(briefing=briefing, sent_at__isnull=False).count(),
        in_doubt=Delivery.objects.filter(briefing=briefing, sent_at__isnull=True).count(),
    )
    shared = briefing_context(briefing)
    while batch := list(waiting(briefing)[:batch_size]):
        # The mail server itself, not the queue: a delivery is recorded once it took the message.
        with delivery_connection() as connection:  # one SMTP session per batch
            for subscriber in batch:
                try:
                    with transaction.atomic():
                        delivery = Delivery.objects.create(subscriber=subscriber, briefing=briefing)
                except IntegrityError:  # another run claimed it meanwhile
                    continue
                try:
                    briefing_message(briefing, subscriber, shared, connection).send()
                except Exception:
                    delivery.delete()
                    raise
                delivery.sent_at = timezone.now()
                delivery.save(update_fields=["sent_at"])
                report.sent += 1
    return report
