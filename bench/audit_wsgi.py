"""The production WSGI app, plus uploaded media, for bench/audit only.

Production leaves media to the web server or object storage in front of gunicorn; the audit
has neither, and a page whose images 404 would be audited for the wrong reasons. Renditions
are made while pages render, so the media folder is looked up on every request (autorefresh).
"""

from django.conf import settings
from whitenoise import WhiteNoise

from config.wsgi import application as site

application = WhiteNoise(
    site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True, max_age=86400
)
