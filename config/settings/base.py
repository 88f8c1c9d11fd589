"""Settings shared by every environment. The environment is read here, once."""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "config"

env = environ.Env()

# Every language the site publishes in: (code, name, is an edition). Editions get
# navigation and the newsletter; the others are the languages our partners' originals are
# entered in. Adding a language is one line here. Names are shown in the reader's or the
# editor's own language (Django's catalogues name every language it knows).
MAGAZINE_LANGUAGES = [
    ("en", _("English"), True),
    ("fr", _("French"), True),
    ("ru", _("Russian"), False),
    ("uk", _("Ukrainian"), False),
    ("de", _("German"), False),
    ("pt", _("Portuguese"), False),
    ("es", _("Spanish"), False),
    ("it", _("Italian"), False),
    ("pl", _("Polish"), False),
    ("ar", _("Arabic"), False),
]
LANGUAGES = [(code, name) for code, name, _edition in MAGAZINE_LANGUAGES]
EDITION_LANGUAGES = [code for code, _name, edition in MAGAZINE_LANGUAGES if edition]
LANGUAGE_CODE = EDITION_LANGUAGES[0]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_TZ = True
# The time zone each edition's reader pages, feeds and e-mails show times in: its desk's.
# Other languages' pages use TIME_ZONE. e.g. EDITION_TIME_ZONES="en=Europe/London,fr=Europe/Paris"
EDITION_TIME_ZONES = env.dict(
    "EDITION_TIME_ZONES", default={"en": "Europe/London", "fr": "Europe/Paris"}
)

INSTALLED_APPS = [
    "editions",
    "home",
    "stories",
    "search",
    "newsroom",
    "translations",
    "seo",
    "newsletter",
    "syndication",
    "pagecache",
    "backup",
    "demo",
    "django_tasks_db",
    "csp",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: probes come over plain HTTP, to an address (config/health.py).
    "config.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages and static files get the same headers.
    "config.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and users: a cached page is answered without either.
    "pagecache.middleware.PageCacheMiddleware",
    # What a page the cache missed reads: a reader's from the replica, if there is one.
    "config.replica.ReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "editions.middleware.EditionLocaleMiddleware",
    # Wagtail's page requests routed from the edition's home page in the shared cache.
    "editions.middleware.EditionRoutingMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def database(variable, default=None):
    """The database at the URL in `variable`, with the connection settings every alias shares."""
    db = env.db_url(variable, default=default)
    db["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
    db["CONN_HEALTH_CHECKS"] = True
    if db["ENGINE"] == "django.db.backends.postgresql":
        # A database that does not answer fails the request in seconds (a 503), not minutes.
        db.setdefault("OPTIONS", {})["connect_timeout"] = env.int(
            "DATABASE_CONNECT_TIMEOUT", default=5
        )
        # A reader's page is a dozen small queries, and the server answers many readers at
        # once: PostgreSQL's parallel workers, which it plans for listings of a large archive,
        # cost more to start (milliseconds) than they save, and take cores from other requests.
        db["OPTIONS"]["options"] = "-c max_parallel_workers_per_gather=0"
        # Not server_side_binding with prepared statements: PostgreSQL's plans for any values
        # scan the page tree where the values would pick an index (docs/performance.md).
    return db


# DATABASE_URL decides the database everywhere; unset means a SQLite file in the
# project folder, so a first run needs no server.
DATABASES = {"default": database("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# A PostgreSQL streaming replica of it, for anonymous readers' queries (config/replica.py).
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = database("DATABASE_REPLICA_URL")
    if DATABASES["replica"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URL must be a PostgreSQL replica's URL.")
    # Tests read it as the primary itself: they make no second test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["config.replica.ReplicaRouter"]
# How long a reader's request waits for the replica to replay what the primary had
# committed when it began, before it reads the primary instead; and how long the replica is
# left alone after it failed to answer.
REPLICA_WAIT = env.float("REPLICA_WAIT", default=0.5)
REPLICA_RETRY_AFTER = env.float("REPLICA_RETRY_AFTER", default=5.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# JSON with times to the microsecond, for backup_site and restore_site.
SERIALIZATION_MODULES = {"exactjson": "backup.serializers"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Logins are throttled by django-axes: after AXES_FAILURE_LIMIT failed attempts for one
# username from one address, that pair is locked out for AXES_COOLOFF_MINUTES. Locking the
# pair, not the username alone, keeps an attacker from locking editors out of the newsroom.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
# The client's address: REMOTE_ADDR, unless the site is behind TRUSTED_PROXY_COUNT proxies
# that append to X-Forwarded-For (a client could forge the header otherwise). One rule for
# the login throttle and the sign-up limit (config/clients.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "config.clients.client_ip"
RATELIMIT_IP_META_KEY = "config.clients.client_ip"
# The admin's address; moving it off /admin/ sheds the bots that try every site's default.
ADMIN_URL_PATH = env.str("ADMIN_URL_PATH", default="admin/").strip("/") + "/"

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Files clients ask for at the root without reading a page (/favicon.ico,
# /apple-touch-icon.png), served by WhiteNoise; drawn by scripts/make_icons.py.
WHITENOISE_ROOT = BASE_DIR / "webroot"
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads on S3-compatible object storage (AWS, Cloudflare R2, MinIO...) when a bucket is
# named, so that any number of app servers share them and none keeps files on its disk.
# Credentials come from the usual AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            # Pictures are public, and linked from pages kept for a day in the page cache
            # and the CDN: plain addresses (a media CDN's, when set), not expiring signed ones.
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# Documents always go through Wagtail's view, which enforces their privacy, never straight
# to their file's address, and which sends them with a sandboxing Content-Security-Policy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
DOCUMENT_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=25 * 1024 * 1024)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "config.uploads.DocumentForm"
# Pictures: no SVG (a script can hide in one), at most 20 MB and 50 megapixels (a
# decompression bomb is small on disk and huge in memory).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "stories.image_forms.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGE_MAX_PIXELS", default=50_000_000)
# Uploaded originals are stored without the photograph's metadata (GPS position, camera,
# time), keeping colour profile and orientation (stories/image_metadata.py). true keeps it,
# for an archive that needs it and never publishes originals.
IMAGES_KEEP_ORIGINAL_METADATA = env.bool("IMAGES_KEEP_ORIGINAL_METADATA", default=False)

# Partners' feeds (syndication): each download, feed or lead picture, must finish within
# SYNDICATION_TIMEOUT seconds and stay under its size (a lead picture: the upload limit).
SYNDICATION_TIMEOUT = env.float("SYNDICATION_TIMEOUT", default=20.0)
SYNDICATION_MAX_FEED_BYTES = env.int("SYNDICATION_MAX_FEED_BYTES", default=5 * 1024 * 1024)
# An import from the admin runs in the editor's request: it stops starting new items after
# this many seconds, well within the app server's timeout; the rest come next time.
SYNDICATION_ADMIN_IMPORT_SECONDS = env.float("SYNDICATION_ADMIN_IMPORT_SECONDS", default=15.0)
SYNDICATION_ALLOW_PRIVATE_ADDRESSES = env.bool("SYNDICATION_ALLOW_PRIVATE_ADDRESSES", default=False)
SYNDICATION_USER_AGENT = env.str(
    "SYNDICATION_USER_AGENT", default="MeridianFeedImporter/1.0 (+partner syndication)"
)

# Content-Security-Policy (django-csp): reader pages run only the site's own script and
# styles (no inline script or style at all), frame only the video players the video block
# accepts, and are framed by nobody. The admin gets ADMIN_CONTENT_SECURITY_POLICY
# (config/security.py): Wagtail's editor still needs inline script and styles.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
_media = STORAGES["default"].get("OPTIONS", {})
MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[])
if _media.get("custom_domain"):
    MEDIA_ORIGINS.append(f"https://{_media['custom_domain']}")
elif _media.get("endpoint_url"):
    MEDIA_ORIGINS.append(_media["endpoint_url"].rstrip("/"))
elif _media.get("bucket_name"):
    MEDIA_ORIGINS.append(f"https://{_media['bucket_name']}.s3.amazonaws.com")
    if _media.get("region_name"):
        MEDIA_ORIGINS.append(
            f"https://{_media['bucket_name']}.s3.{_media['region_name']}.amazonaws.com"
        )
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *MEDIA_ORIGINS],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *VIDEO_PLAYER_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The editor frames its own previews.
        "frame-ancestors": ["'self'"],
    }
}
# Permissions-Policy (django-permissions-policy): no page asks for a sensor or device; the
# video players may autoplay, go full screen and play protected media once clicked.
_players = ["self", *VIDEO_PLAYER_ORIGINS]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": _players,
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": _players,
    "fullscreen": _players,
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "picture-in-picture": _players,
    "publickey-credentials-get": [],
    "usb": [],
}
# Every environment sends these; HTTPS-only settings (HSTS, secure cookies) are production's.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Complex page models exceed Django's default of 1,000 form fields in the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "The Meridian Review"
# No Gravatar in the admin: it would tell a third party which editors are signed in, and
# from where (the admin's CSP would refuse it anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor the dashboard's check for new Wagtail releases: upgrades come through the lock files.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Search: the database (PostgreSQL's full-text search in production), or OpenSearch from
# OPENSEARCH_URL (then run `manage.py update_index` once).
if env.str("OPENSEARCH_URL", default=""):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": env.list("OPENSEARCH_URL"),
            "INDEX_PREFIX": env.str("OPENSEARCH_INDEX", default="meridian") + "_",
            "TIMEOUT": env.int("OPENSEARCH_TIMEOUT", default=5),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# wagtail-localize publishes a new translation at once when its source is live, which puts
# the untranslated Russian text on the French edition; a translation starts as a draft.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation in wagtail-localize's editor. DEEPL_AUTH_KEY selects DeepL,
# LIBRETRANSLATE_URL selects LibreTranslate; with neither, wagtail-localize's dummy
# translator (it reverses the words) keeps the button working on a fresh machine.
if env.str("DEEPL_AUTH_KEY", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translation.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": env.str("DEEPL_AUTH_KEY"),
            "API_URL": env.str("DEEPL_API_URL", default=""),
        },
    }
elif env.str("LIBRETRANSLATE_URL", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translation.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.str("LIBRETRANSLATE_URL").rstrip("/"),
            "API_KEY": env.str("LIBRETRANSLATE_API_KEY", default=""),
        },
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }

# Newsletter sign-ups allowed per IP address (django-ratelimit, on the default cache).
NEWSLETTER_SIGNUP_RATE = env.str("NEWSLETTER_SIGNUP_RATE", default="5/h")
# Briefing e-mails sent per SMTP connection by manage.py send_briefing.
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)

# After a call to Redis fails (unreachable, or no answer within its timeout), each process
# stops asking it for this many seconds: the cache misses at once (config/cache.py).
CACHE_RETRY_AFTER = env.float("CACHE_RETRY_AFTER", default=5.0)

# The page cache (pagecache/): anonymous readers' pages kept whole in the default cache and
# purged by what they show, exactly, when it changes. Browsers keep a page for
# PAGE_CACHE_MAX_AGE seconds, since nobody can purge them.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE", default=True)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=24 * 60 * 60)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
# App servers' clocks may disagree by this much (seconds): a page made this soon after a
# purge of what it shows is not trusted, and is made again.
PAGE_CACHE_CLOCK_SKEW = env.float("PAGE_CACHE_CLOCK_SKEW", default=1.0)
# How often each process applies purges the cache did not take when they were made
# (pagecache.purge): the longest a reader can be served a purged page once the cache is back.
PAGE_CACHE_REPLAY_INTERVAL = env.float("PAGE_CACHE_REPLAY_INTERVAL", default=1.0)
# A page missing from the cache is made by one request while others asking for it wait
# (pagecache.store): at most PAGE_CACHE_WAIT seconds, after which they make it themselves;
# a claim to make one expires after PAGE_CACHE_MAKING_TIMEOUT seconds (a process killed).
PAGE_CACHE_WAIT = env.float("PAGE_CACHE_WAIT", default=5.0)
PAGE_CACHE_MAKING_TIMEOUT = env.int("PAGE_CACHE_MAKING_TIMEOUT", default=30)
# Whether the task worker makes again, at once, the pages a purge took out of the cache,
# so that readers find them made (pagecache.tasks).
PAGE_CACHE_REWARM = env.bool("PAGE_CACHE_REWARM", default=True)
# Pieces of pages kept by revision and purged with the pages (pagecache.fragments): what a
# page made again after a purge takes unchanged from the cache.
FRAGMENT_CACHE_ENABLED = env.bool("FRAGMENT_CACHE", default=True)

# How wide the demo loader draws its pictures (demo/images.py): narrower for a quicker
# load where the pictures are not looked at (the fault-injection test).
DEMO_PICTURE_WIDTH = env.int("DEMO_PICTURE_WIDTH", default=1200)

# Work that is not the request's (an uploaded picture's renditions, search index updates,
# Wagtail's reference index and CDN purges) goes to a queue in the database, which
# `manage.py db_worker` empties (started by `make run`; a service of its own in production,
# docs/deploying.md). Tests run tasks at once (config/settings/test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task that fails for a while (a mail server down) is tried again this many times in all,
# after 1, 2, 4, ... times TASK_RETRY_DELAY seconds (config.retry).
TASK_ATTEMPTS = env.int("TASK_ATTEMPTS", default=5)
TASK_RETRY_DELAY = env.float("TASK_RETRY_DELAY", default=60)
# E-mail (Wagtail's notifications, password resets, sign-ups) waits in the same queue; the
# worker hands it to EMAIL_DELIVERY_BACKEND (config.mail).
EMAIL_BACKEND = "config.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
# With a CDN (FRONTEND_CACHE), which the same purges reach: how long it keeps a page
# (s-maxage) and serves a stale copy while it fetches a new one (stale-while-revalidate).
PAGE_CACHE_CDN_MAX_AGE = env.int("PAGE_CACHE_CDN_MAX_AGE", default=24 * 60 * 60)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env.int("PAGE_CACHE_STALE_WHILE_REVALIDATE", default=60)

# A CDN in front of the site, purged through wagtail.contrib.frontend_cache.
FRONTEND_CACHE = env.str("FRONTEND_CACHE", default="")
if FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        }
    }
elif FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    }
elif FRONTEND_CACHE:
    raise ImproperlyConfigured(
        f"FRONTEND_CACHE={FRONTEND_CACHE!r}: use cloudflare or cloudfront, or leave it empty"
    )
# Our purges name every address they mean, translated slugs and all: Wagtail's default
# would also purge each address under every other language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
