"""More than one machine, rehearsed on one: HAProxy in front of two app servers of the same
release, one shared Redis, a PostgreSQL primary with a streaming read replica, uploads in
S3-compatible storage (moto's server) and the task worker on the first server only, all on
127.0.0.1, started here and stopped at the end.

Run through `bench/cluster`. It loads the demo into a primary of its own, makes the replica
with pg_basebackup, and starts HAProxy (Debian's package), which checks each app server's
/readyz twice a second and retries on the other server a request one could not take. Then:

1. Throughput: readers only, through HAProxy, with one app server behind it, then two.
2. The run: readers through HAProxy and two editors saving and publishing through the admin,
   also through HAProxy, for `--seconds`. A third of the way in, the second app server is
   drained in HAProxy and stopped (SIGTERM: gunicorn finishes what it holds); at two thirds
   it is started again; at five sixths the replica is stopped, and pages no cache holds are
   asked for at once. After each publish the editor reads the story on every app server up
   until it shows (asked with HAProxy's host, so both share the cache).
3. A picture: an editor uploads one through the first app server's admin; the second
   server's admin shows it, with the renditions the worker made, read from the bucket.

It prints the figures and its checks, and exits 1 if one fails: every save the admin
acknowledged is a revision; every publish visible on both servers within 2 s; no page
cached stale (each edited story, asked of both servers at the end, shows its live title);
no reader or editor error (HAProxy retries what a stopping server or replica fails, but
never a POST: a server is drained before it stops); every page asked for after the replica
stopped answered; the second server back in rotation; the picture uploaded on one server
served from the bucket through the other.
"""

import argparse
import io
import json
import multiprocessing
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import boto3
from load import (
    EDITORS,
    READER_PROCESSES,
    TOKEN,
    VISIBLE_WITHIN,
    Desk,
    Tally,
    prepare,
    readers_addresses,
    request,
    signed_in,
    start_editors,
    start_readers,
)
from local_server import ROOT, shell_json
from PIL import Image

sys.path.insert(0, str(ROOT))
from tests.servers import (  # noqa: E402 -- the repository's root is on the path only now
    Gunicorn,
    PrivatePostgres,
    PrivateRedis,
    fetch,
    free_port,
    headline,
    listening,
    load_site,
    production_env,
)

HAPROXY = """
global
    maxconn 2000
    stats socket {socket} mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # A worker's first request imports the apps: longer than the checks' interval.
    timeout check 2s
    retries 3
    option redispatch 1
    # A reader's request that hits a dying connection (a replica stopped under it: the
    # site's 503 page) is asked again of the other server; a POST is never sent twice.
    retry-on conn-failure empty-response response-timeout 503
frontend site
    bind 127.0.0.1:{port}
    default_backend both
frontend first_only
    bind 127.0.0.1:{port_one}
    default_backend one
backend both
    http-request disable-l7-retry if METH_POST
    option httpchk GET /readyz
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
    server app1 127.0.0.1:{app1} check
    server app2 127.0.0.1:{app2} check
backend one
    http-request disable-l7-retry if METH_POST
    option httpchk GET /readyz
    server app1 127.0.0.1:{app1} check
"""


class HAProxy:
    def __init__(self, folder, app1, app2):
        self.port, self.port_one = free_port(), free_port()
        config = folder / "haproxy.cfg"
        self.socket = folder / "haproxy.sock"
        config.write_text(
            HAPROXY.format(
                port=self.port, port_one=self.port_one, app1=app1, app2=app2, socket=self.socket
            )
        )
        self.process = subprocess.Popen(["haproxy", "-f", str(config), "-db"])
        listening(self)
        self.url = f"http://127.0.0.1:{self.port}"
        self.url_one = f"http://127.0.0.1:{self.port_one}"

    def command(self, text):
        """HAProxy's answer to `text` on its runtime API."""
        with socket.socket(socket.AF_UNIX) as connection:
            connection.connect(str(self.socket))
            connection.sendall(text.encode() + b"\n")
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        return answer.decode()

    def server(self, name):
        """HAProxy's statistics of one server of the `both` backend: {column: value}."""
        lines = self.command("show stat").splitlines()
        columns = lines[0].lstrip("# ").split(",")
        for row in lines[1:]:
            values = dict(zip(columns, row.split(","), strict=False))
            if values.get("pxname") == "both" and values.get("svname") == name:
                return values
        return {}

    def drain(self, name, seconds=10):
        """Sends no new requests to server `name`, and waits until it holds none."""
        self.command(f"set server both/{name} state drain")
        deadline = time.monotonic() + seconds
        while self.server(name).get("scur") != "0" and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class TaskWorker:
    """The desk's task worker (manage.py db_worker)."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class ObjectStorage:
    """moto's S3 server on 127.0.0.1 with the site's bucket, and the settings that use it."""

    BUCKET = "meridian-media"

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1"]
            + ["-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        listening(self)
        self.settings = {
            "AWS_STORAGE_BUCKET_NAME": self.BUCKET,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
        }
        s3 = boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name="us-east-1",
            aws_access_key_id="bench",
            aws_secret_access_key="bench",
        )
        s3.create_bucket(Bucket=self.BUCKET)
        # Readers fetch pictures from the bucket by plain address (docs/deploying.md).
        public_read = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{self.BUCKET}/*",
                }
            ],
        }
        s3.put_bucket_policy(Bucket=self.BUCKET, Policy=json.dumps(public_read))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


FIELD = re.compile(r'<(input|select|textarea)\b[^>]*\bname="([^"]+)"[^>]*>', re.S)


def upload_picture(base_url, username, password):
    """Uploads a picture through the admin of the server at `base_url`: its title."""
    opener, _login = signed_in(base_url, username, password)
    _status, _seconds, form = request(opener, f"{base_url}/admin/images/add/")
    title = f"Harbour at dusk {time.monotonic_ns()}"
    picture = io.BytesIO()
    Image.new("RGB", (1600, 1067), (40, 90, 140)).save(picture, "JPEG")
    fields = {
        "csrfmiddlewaretoken": TOKEN.search(form)[1],
        "title": title,
        "description": "Fishing boats moored in a harbour at dusk",
    }
    collection = re.search(r'name="collection".*?<option value="(\d+)"', form, re.S)
    if collection:
        fields["collection"] = collection[1]
    boundary = f"----bench{time.monotonic_ns()}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    body = (
        "".join(parts).encode()
        + (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="harbour.jpg"'
            "\r\nContent-Type: image/jpeg\r\n\r\n"
        ).encode()
        + picture.getvalue()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _seconds, answer = request(
        opener,
        f"{base_url}/admin/images/add/",
        body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    if status != 200 or "errorlist" in answer or "error-message" in answer:
        raise SystemExit(f"the upload failed: {status} {re.findall(r'error[^>]*>([^<]+)', answer)}")
    return opener, title


def picture_across_servers(env, first, second, username, password, storage_url):
    """Uploads a picture through `first`; (the picture's addresses `second` shows that the
    bucket serves, all it shows)."""
    opener, title = upload_picture(first, username, password)
    image_id = shell_json(
        env,
        "import json\nfrom wagtail.images.models import Image\n"
        f"print(json.dumps(Image.objects.get(title={title!r}).pk))",
    )
    deadline = time.monotonic() + 30
    while True:  # the worker on the first server makes the renditions
        _status, _seconds, page = request(opener, f"{second}/admin/images/{image_id}/")
        shown = set(re.findall(r'(?:src|href)="(' + re.escape(storage_url) + r'[^"]+)"', page))
        if shown or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    served = []
    for url in sorted(shown):
        with urllib.request.urlopen(url, timeout=30) as answer:
            if answer.status == 200 and answer.headers["Content-Type"].startswith("image/"):
                served.append(url)
    return served, sorted(shown)


def readers(base_url, addresses, seconds, count):
    """`count` readers for `seconds` through `base_url`: their tally."""
    tally = Tally()
    deadline = time.monotonic() + seconds
    with ProcessPoolExecutor(
        READER_PROCESSES, mp_context=multiprocessing.get_context("fork")
    ) as pool:
        for future in start_readers(pool, base_url, addresses, deadline, count):
            tally.merge(future.result())
    return tally


def transactions(postgres):
    """Transactions the cluster has run in the demo's database (PostgreSQL's statistics)."""
    sql = "SELECT xact_commit FROM pg_stat_database WHERE datname = 'meridian'"
    return int(postgres.query(sql))


def live_titles(env, ids):
    script = (
        "import json\nfrom stories.models import StoryPage\n"
        f"print(json.dumps({{p.pk: p.title for p in StoryPage.objects.filter(pk__in={ids!r})}}))"
    )
    return {int(k): v for k, v in shell_json(env, script).items()}


def headline_of(url, host):
    return headline(fetch(url, timeout=30, headers={"Host": host})[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="the run's length (60)")
    parser.add_argument("--readers", type=int, default=20, help="readers at once (20)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers a server (2)")
    parser.add_argument("--think", type=float, default=2.0, help="an editor's pause, s (2)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="meridian-cluster-"))
    folder.chmod(0o755)  # the clusters inside belong to the postgres user
    started = []
    try:
        primary = PrivatePostgres(folder / "primary")
        started.append(primary)
        redis = PrivateRedis(folder)
        started.append(redis)
        storage = ObjectStorage()
        started.append(storage)
        env = production_env(
            folder, primary, redis, DEMO_PICTURE_WIDTH="480", LOG_LEVEL="ERROR", **storage.settings
        )
        env["LOAD_PASSWORD"] = "cluster-desk-pw"
        print("Loading the demo into the primary ...", flush=True)
        load_site(env)
        replica = PrivatePostgres(folder / "replica", primary=primary)
        started.append(replica)
        served = env | {"DATABASE_REPLICA_URL": replica.url}
        servers = [Gunicorn(served, workers=args.workers) for _ in range(2)]
        started += servers
        started.append(TaskWorker(served))  # on the first server only
        for server in servers:  # each worker's first request imports the apps
            for _ in range(2 * args.workers):
                urllib.request.urlopen(server.url + "/readyz", timeout=30).read()
        haproxy = HAProxy(folder, servers[0].port, servers[1].port)
        started.append(haproxy)
        host = f"127.0.0.1:{haproxy.port}"
        addresses = readers_addresses(env)
        time.sleep(2)  # HAProxy's first health checks

        print("Throughput, readers only:", flush=True)
        throughput = {}
        before = transactions(primary), transactions(replica)
        for label, url in (("one app server", haproxy.url_one), ("two app servers", haproxy.url)):
            tally = readers(url, addresses, 20, args.readers)
            throughput[label] = len(tally.latencies) / 20
            print(f"  {label}: {throughput[label]:.0f} requests/s")
            print(tally.line("readers"))
        time.sleep(1)  # the servers' statistics reach the views within a second
        on_primary = transactions(primary) - before[0]
        on_replica = transactions(replica) - before[1]
        print(f"  transactions: {on_replica} on the replica, {on_primary} on the primary")

        stories = prepare(env, addresses["story"].addresses[0])
        desk = Desk()
        events = []  # (seconds into the run, what happened)
        # The app servers up, where editors look for their publishes: changed as they stop.
        up = [server.url for server in servers]
        print(f"The run: {args.readers} readers, {len(EDITORS)} editors, {args.seconds} s ...")
        begun = time.monotonic()
        deadline = begun + args.seconds
        with ProcessPoolExecutor(
            READER_PROCESSES, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            reading = start_readers(pool, haproxy.url, addresses, deadline, args.readers)
            editors = start_editors(
                haproxy.url, up, env["LOAD_PASSWORD"], stories, deadline, desk, args.think, host
            )

            def at(fraction, what, action):
                time.sleep(max(0, begun + args.seconds * fraction - time.monotonic()))
                action()
                events.append((time.monotonic() - begun, what))

            # As a deploy stops a server: out of HAProxy's rotation first, once the requests
            # it holds are answered; then SIGTERM. Started again on its address, it rejoins
            # once two health checks pass.
            # Editors stop looking at it first: one still reading it has the drain's time.
            def stop_second():
                with desk.lock:
                    up.remove(servers[1].url)
                haproxy.drain("app2")
                servers[1].stop()

            def start_second():
                second.append(Gunicorn(served, workers=args.workers, port=servers[1].port))
                started.append(second[0])
                haproxy.command("set server both/app2 state ready")
                with desk.lock:
                    up.append(second[0].url)

            # Then pages no cache holds, through HAProxy: each must reach a database.
            def stop_replica():
                replica.stop()
                stopped = time.monotonic()
                for n in range(20):
                    status, _body = fetch(f"{haproxy.url}/en/search/?q=ferry{n}", timeout=30)
                    uncached.append((time.monotonic() - stopped, status))

            second, uncached = [], []
            at(1 / 3, "second app server drained and stopped (SIGTERM)", stop_second)
            at(2 / 3, "second app server started", start_second)
            at(5 / 6, "replica stopped", stop_replica)
            for thread in editors:
                thread.join()
            run = Tally()
            for future in reading:
                run.merge(future.result())
        for seconds, what in events:
            print(f"  at {seconds:5.1f} s: {what}")
        failures = []
        answered = [status for _seconds, status in uncached]
        print(
            f"  pages no cache held, asked after the replica stopped: {answered.count(200)} of "
            f"{len(answered)} answered, the first {uncached[0][0]:.2f} s and the last "
            f"{uncached[-1][0]:.2f} s after the stop"
        )
        if answered.count(200) != len(answered):
            failures.append(f"uncached pages after the replica stopped: {answered}")
        app2 = haproxy.server("app2")
        print(f"  second app server in HAProxy at the end: {app2.get('status')}")
        if app2.get("status") != "UP":
            failures.append(f"the second app server did not rejoin: {app2.get('status')}")
        print(run.line("readers"))
        for text in run.cache_lines():
            print(text)
        for text in desk.lines():
            print(text)

        lost = []
        for story_id, titles in desk.acknowledged.items():
            stored = shell_json(
                env,
                "import json\nfrom wagtail.models import Revision\n"
                f"print(json.dumps([r.content['title'] for r in "
                f"Revision.page_revisions.filter(object_id='{story_id}')]))",
            )
            lost += [title for title in titles if title not in stored]
        saves = sum(len(titles) for titles in desk.acknowledged.values())
        print(f"  saves acknowledged: {saves}, lost: {len(lost)}")
        if lost:
            failures.append(f"{len(lost)} acknowledged saves are not revisions")
        late = [s for s in desk.visible if s is None or s > VISIBLE_WITHIN]
        if late or not desk.visible:
            failures.append(
                f"{len(late)} of {len(desk.visible)} publishes not on both servers "
                f"within {VISIBLE_WITHIN} s"
            )
        time.sleep(1)
        titles = live_titles(env, [story["id"] for story in stories])
        stale = [
            (server.url, story["url"])
            for server in [servers[0], *second]
            for story in stories
            if headline_of(server.url + story["url"], host) != titles[story["id"]]
        ]
        print(f"  pages cached stale after the run: {len(stale)}")
        if stale:
            failures.append(f"stale pages kept: {stale}")
        print(f"  reader errors: {len(run.errors)} {sorted(set(run.errors))[:5]}")
        if run.errors:
            failures.append(f"{len(run.errors)} reader errors")
        if desk.errors:
            failures.append(f"editor errors: {desk.errors[:5]}")
        served, shown = picture_across_servers(
            env, servers[0].url, second[0].url, EDITORS[0], env["LOAD_PASSWORD"], storage.url
        )
        print(
            f"  a picture uploaded through the first server: the second shows {len(shown)} of "
            f"its files from the bucket, {len(served)} served"
        )
        if not shown or served != shown:
            failures.append(f"the uploaded picture not served across servers: {shown}")
        print(json.dumps({"throughput": throughput, "events": events}))
        for failure in failures:
            print(f"FAILED: {failure}")
        return 1 if failures else 0
    finally:
        for server in reversed(started):
            try:
                server.stop()
            except Exception as error:  # stop what is left, whatever one does
                print(f"stopping {type(server).__name__}: {error}")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
