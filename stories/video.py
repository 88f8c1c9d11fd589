"""Turn a video URL an editor pastes into a provider and a video id.

Stories embed video as a click-to-load facade, so we need the provider and id,
not an oEmbed call at save time (which would need the network).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")


@dataclass(frozen=True)
class Video:
    provider: str
    video_id: str

    @property
    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}[self.provider]

    @property
    def embed_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1"
        return f"https://player.vimeo.com/video/{self.video_id}?autoplay=1&dnt=1"

    @property
    def watch_url(self):
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def parse_video_url(url):
    """Return a Video for a YouTube or Vimeo URL, or None for anything else."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/").split("/")
    candidate, provider = None, None
    if host in ("youtube.com", "youtube-nocookie.com"):
        provider = "youtube"
        if path == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [None])[0]
        elif len(path) == 2 and path[0] in ("embed", "shorts", "live"):
            candidate = path[1]
    elif host == "youtu.be" and len(path) == 1:
        provider, candidate = "youtube", path[0]
    elif host == "vimeo.com" and len(path) == 1:
        provider, candidate = "vimeo", path[0]
    elif host == "player.vimeo.com" and len(path) == 2 and path[0] == "video":
        provider, candidate = "vimeo", path[1]
    pattern = {"youtube": _YOUTUBE_ID, "vimeo": _VIMEO_ID}.get(provider)
    if pattern and candidate and pattern.match(candidate):
        return Video(provider, candidate)
    return None


def validate_video_url(url):
    if url and parse_video_url(url) is None:
        raise ValidationError(
            _(
                "We can only show videos from YouTube or Vimeo. Paste the video's own page "
                "address, for example https://www.youtube.com/watch?v=… or https://vimeo.com/…"
            ),
            code="unknown_video_provider",
        )
