"""Tasks that may fail for a while (a mail server down, a CDN that does not answer) enqueue
themselves again, later each time, until they succeed or run out of attempts: django-tasks
runs each task once and keeps its failure."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone


def retry_later(task, *args, attempt, error):
    """Enqueue `task(*args, attempt=attempt + 1)` after a delay that doubles each attempt
    (TASK_RETRY_DELAY seconds first), or raise `error` once TASK_ATTEMPTS have failed."""
    if attempt >= settings.TASK_ATTEMPTS:
        raise error
    delay = timedelta(seconds=settings.TASK_RETRY_DELAY * 2 ** (attempt - 1))
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    return task.enqueue(*args, attempt=attempt + 1)
