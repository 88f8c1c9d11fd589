"""The body editor's block definitions, packed once where Wagtail packs them per request.

Wagtail's StreamField widget serialises the definition of every block a story may hold (each
one's form, help text, defaults and choices, as telepath's JavaScript) for every edit form
it renders, and every save renders one: 45 % of a story's edit form's time, the same
57 KB each time. The definition is the same for every editor and story; what varies is the
language it is written in, the time zone the admin shows times in, and the defaults made
from the clock (an update note's "updated at" is now, to the minute shown). So it is packed
once per process for each of those, and kept."""

import time

from django.utils import timezone, translation
from wagtail.blocks.base import BlockWidget

_packed = {}  # (block, language, time zone, minute): (JSON, telepath context)
_KEPT = 64  # entries: a few languages and zones, this minute's and the last


class PackedOnceBlockWidget(BlockWidget):
    def _build_block_json(self):
        key = (
            id(self.block_def),
            translation.get_language(),
            timezone.get_current_timezone_name(),
            int(time.time() // 60),
        )
        found = _packed.get(key)
        if found is None:
            super()._build_block_json()
            if len(_packed) >= _KEPT:
                _packed.clear()
            _packed[key] = (self._block_json, self._js_context)
        else:
            self._block_json, self._js_context = found


def pack_once(form, name="body"):
    """Give `form`'s StreamField `name` the widget that packs its definition once."""
    field = form.fields.get(name)
    if field is not None:
        field.widget = PackedOnceBlockWidget(field.block)
