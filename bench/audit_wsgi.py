"""The production WSGI app, plus the pictures' renditions, for bench/audit only.

Production leaves media to the web server or object storage in front of gunicorn; the audit
has neither, and a page whose images 404 would be audited for the wrong reasons. Only the
renditions folder is served, as in production: originals and documents never are.
"""

import os

from django.conf import settings
from whitenoise import WhiteNoise

from config.wsgi import application as site

application = WhiteNoise(
    site,
    root=os.path.join(settings.MEDIA_ROOT, "images"),
    prefix=f"{settings.MEDIA_URL}images/",
    autorefresh=True,
    max_age=86400,
)
