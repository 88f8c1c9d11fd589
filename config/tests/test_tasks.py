"""The task queue: work enqueued by a request waits in the database until `db_worker` does
it, so the editor's request returns without it (tests elsewhere run tasks at once)."""

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model

from stories import pictures
from stories.factories import ImageFactory
from tests.support import DATABASE_QUEUE, work_the_queue

pytestmark = pytest.mark.django_db


def renditions_of(image):
    return get_image_model().objects.get(pk=image.pk).renditions.count()


def test_an_uploaded_pictures_renditions_wait_for_the_worker(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()  # its save enqueues the renditions once committed
    assert renditions_of(image) == 0
    [queued] = DBTaskResult.objects.filter(task_path=pictures.prepare_renditions.module_path)
    assert queued.status == "READY"

    work_the_queue()
    made = renditions_of(image)
    assert made >= len(pictures.specs(*pictures.STORY_PICTURE))
    assert DBTaskResult.objects.get(pk=queued.pk).status == "SUCCESSFUL"

    # Done twice (a retry, or a second save), the work makes nothing twice.
    pictures.prepare_renditions.enqueue(image.pk, list(pictures.STORY_PICTURE))
    work_the_queue()
    assert renditions_of(image) == made


def test_a_picture_deleted_before_the_worker_comes_is_no_failure(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    image.delete()
    work_the_queue()
    statuses = set(
        DBTaskResult.objects.filter(task_path=pictures.prepare_renditions.module_path).values_list(
            "status", flat=True
        )
    )
    assert statuses == {"SUCCESSFUL"}
