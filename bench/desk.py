"""The desk alone: how long each of an editor's and a moderator's clicks takes, with nobody
else on the machine.

Run through `bench/desk`. It serves the 1,000-story archive of bench/serve with gunicorn, the
production settings and the task worker on 127.0.0.1, signs in an editor (the Editors
group) and a moderator, and for each round, on a story of the archive: opens the edit form,
saves a draft, opens the preview, submits the story to the copy desk, approves it as the
moderator (which publishes it), and uploads a 2,400 x 1,600 photograph. It prints each
action's p50 and slowest, against the target of 1 s, and checks that each uploaded
picture's renditions were made by the worker, not in the upload's request.
"""

import argparse
import io
import json
import secrets
import statistics
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from load import DESCRIBED, FIELD_ERROR, TOKEN, request, signed_in
from local_server import Gunicorn, TaskWorker, served_env, shell_json
from serve import Archive, discover, flush_redis

TARGET = 1.0  # seconds, for every action
ACTIONS = ("edit form", "save draft", "preview", "submit", "approve", "upload")


def prepare(env, password, rounds):
    """The editor's and moderator's accounts, and `rounds` stories with their forms."""
    script = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from newsroom.groups import setup_groups
from stories.models import StoryPage

setup_groups()
for name, group in (("desk-editor", "Editors"), ("desk-moderator", "Moderators")):
    user, _ = get_user_model().objects.get_or_create(username=name, email=name + "@example.com")
    user.set_password({password!r})
    user.save()
    user.groups.set([Group.objects.get(name=group)])
stories = StoryPage.objects.live().filter(locale__language_code="en").order_by("-published_at")
chosen = [s for s in stories[50:50 + {rounds}]]
for story in chosen:  # left in review by an earlier run that stopped halfway
    if story.workflow_in_progress:
        story.current_workflow_state.cancel()


{DESCRIBED}
print(json.dumps([described(story) for story in chosen]))
"""
    return shell_json(env, script)


def task_state_of(env, story_id):
    script = (
        "import json\n"
        "from wagtail.models import TaskState\n"
        f"state = TaskState.objects.filter(workflow_state__object_id='{story_id}',"
        " status='in_progress').order_by('-pk').first()\n"
        "print(json.dumps(state.pk if state else None))"
    )
    return shell_json(env, script)


def renditions_of(env, image_ids):
    """How many renditions for readers each picture has (not the admin's own thumbnail,
    which the upload's answer shows)."""
    script = (
        "import json\n"
        "from wagtail.images import get_image_model\n"
        f"ids = {image_ids!r}\n"
        "images = get_image_model().objects.in_bulk(ids)\n"
        "print(json.dumps([images[pk].renditions.exclude(filter_spec='max-165x165').count()"
        " for pk in ids]))"
    )
    return shell_json(env, script)


def photograph():
    """A JPEG of 2,400 x 1,600 pixels with detail enough to weigh what a camera's does."""
    from PIL import Image

    image = Image.effect_mandelbrot((2400, 1600), (-2.2, -1.2, 1.0, 1.2), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def multipart(fields, name, filename, content, mimetype):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {mimetype}\r\n\r\n'
        ).encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def one_round(base, editor, moderator, story, env, picture, times, uploaded):
    edit_url = f"{base}/admin/pages/{story['id']}/edit/"
    status, seconds, body = request(editor, edit_url)
    times["edit form"].append(seconds)
    token = TOKEN.search(body)[1]
    form = story["form"] | {"csrfmiddlewaretoken": token, "title": story["title"] + " (desk)"}

    status, seconds, body = request(
        editor, edit_url, urllib.parse.urlencode(form | {"action-draft": "1"}).encode()
    )
    assert status == 200 and "has been updated" in body, (status, FIELD_ERROR.findall(body))
    times["save draft"].append(seconds)

    # The preview panel: the form is posted to be checked, then the preview is rendered.
    preview = f"{edit_url}preview/"
    started = time.monotonic()
    status, _s, body = request(editor, preview, urllib.parse.urlencode(form).encode())
    assert status == 200 and json.loads(body)["is_valid"], body[:300]
    status, _s, body = request(editor, preview)
    assert status == 200, status
    times["preview"].append(time.monotonic() - started)

    status, seconds, body = request(
        editor, edit_url, urllib.parse.urlencode(form | {"action-submit": "1"}).encode()
    )
    assert status == 200 and "submitted" in body, (status, body[:300])
    times["submit"].append(seconds)

    state = task_state_of(env, story["id"])
    approve = f"{base}/admin/pages/workflow/action/{story['id']}/approve/{state}/"
    _status, _s, body = request(moderator, approve)
    data = {"csrfmiddlewaretoken": moderator.csrf(), "comment": "Clean copy."}
    status, seconds, body = request(moderator, approve, urllib.parse.urlencode(data).encode())
    assert status == 200, (status, body[:300])
    times["approve"].append(seconds)

    title = f"Pier at dawn {secrets.token_hex(3)}"
    body, content_type = multipart(
        {"csrfmiddlewaretoken": editor.csrf(), "title": title},
        "files[]",
        "pier.jpg",
        picture,
        "image/jpeg",
    )
    status, seconds, answer = request(
        editor,
        f"{base}/admin/images/multiple/add/",
        body,
        {"Content-Type": content_type, "X-Requested-With": "XMLHttpRequest"},
    )
    assert status == 200 and json.loads(answer)["success"], answer[:300]
    uploaded.append(json.loads(answer)["image_id"])
    times["upload"].append(seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=8120)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/8")
    args = parser.parse_args()

    password = secrets.token_urlsafe(16)
    env = Archive(1000, 200, args.postgres).build(served_env(args.port, args.redis, "desk"))
    discover(env)
    stories = prepare(env, password, args.rounds)
    picture = photograph()
    flush_redis(args.redis)
    times = {action: [] for action in ACTIONS}
    uploaded = []
    worker_log = Path(env["MEDIA_ROOT"]).parent / "worker.log"
    with Gunicorn("config.wsgi", args.port, env, workers=2) as server:
        editor, (_status, _seconds, ok) = signed_in(server.base_url, "desk-editor", password)
        moderator, (_status, _seconds, ok_too) = signed_in(
            server.base_url, "desk-moderator", password
        )
        if not (ok and ok_too):
            raise SystemExit("The editor or the moderator could not sign in")
        print(
            f"{args.rounds} rounds on {server.base_url}, photographs of {len(picture) // 1024} KB"
        )
        # The worker starts after the uploads' requests are timed, so that no rendition can
        # have been made by anyone else when each upload's answer comes.
        with_worker = TaskWorker(env, worker_log)
        for story in stories:
            one_round(server.base_url, editor, moderator, story, env, picture, times, uploaded)
        before = renditions_of(env, uploaded)
        with with_worker:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                after = renditions_of(env, uploaded)
                if after and min(after) > 0 and len(after) == len(uploaded):
                    break
                time.sleep(1)
    failed = False
    for action in ACTIONS:
        values = sorted(times[action])
        verdict = "within" if values[-1] <= TARGET else "OVER"
        failed |= verdict == "OVER"
        print(
            f"  {action:10} p50 {statistics.median(values) * 1000:7.1f} ms  "
            f"slowest {values[-1] * 1000:7.1f} ms  ({len(values)})  {verdict} {TARGET} s"
        )
    print(f"  renditions when each upload answered: {before}; made by the worker after: {after}")
    failed |= any(before) or not all(after)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
