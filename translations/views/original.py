"""The original, to read: what a translator needs beside the segments, and may not open in
the page editor (it belongs to another desk). Its text, pictures and credits, tab by tab as
editors see them, with what each topic, author and partner is called in the reader's
editions."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, PanelGroup
from wagtail.images.models import AbstractImage
from wagtail.models import Page, TranslatableMixin
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation

from ..permissions import DESK_PERMISSION, editions_worked_by, may_edit

THUMBNAIL = "max-320x200"


def original_view(request, page_id):
    if not request.user.has_perm(DESK_PERMISSION):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id).specific
    if not (page.live or may_read_draft(request.user, page)):
        raise PermissionDenied
    version = page if page.live else page.get_latest_revision_as_object()
    editions = [e for e in editions_worked_by(request.user) if e.pk != page.locale_id]
    translation = Translation.objects.filter(
        pk=request.GET.get("translation") or 0, source__object_id=page.translation_key
    ).first()
    return TemplateResponse(
        request,
        "translations/admin/original.html",
        {
            "page": page,
            "tabs": tabs(version, editions),
            "editions": editions,
            "translation": translation,
            "changed_since_sync": bool(
                translation
                and page.last_published_at
                and page.last_published_at > translation.source.last_updated_at
            ),
        },
    )


def may_read_draft(user, page):
    if may_edit(user, page):
        return True
    return any(may_edit(user, version.specific) for version in page.get_translations())


def tabs(page, editions):
    """[(tab heading, [(field label, html)])] of `page`, following its edit form's tabs."""
    handler = page.get_edit_handler()
    result = []
    for tab in handler.children if isinstance(handler, PanelGroup) else [handler]:
        rows = [row for row in panel_rows(tab, page, editions) if row[1]]
        if rows:
            result.append((tab.heading, rows))
    return result


def panel_rows(panel, page, editions):
    if isinstance(panel, InlinePanel):
        children = getattr(page, panel.relation_name).all()
        items = format_html_join(
            "", "<li>{}</li>", ((child_html(child, editions),) for child in children)
        )
        yield panel.heading, format_html("<ul>{}</ul>", items) if items else ""
    elif isinstance(panel, FieldPanel):
        field = page._meta.get_field(panel.field_name)
        value = getattr(page, panel.field_name)
        if field.choices:
            value = getattr(page, f"get_{panel.field_name}_display")()
        yield panel.heading or field.verbose_name, value_html(value, editions)
    elif isinstance(panel, PanelGroup):
        for child in panel.children:
            yield from panel_rows(child, page, editions)


def child_html(child, editions):
    """An inline row (a topic, a byline): the object it links to, and any flag it carries."""
    parts = []
    for field in child._meta.concrete_fields:
        if field.name in ("id", "page", "sort_order", "locale", "translation_key"):
            continue
        value = getattr(child, field.name)
        if isinstance(value, Model):
            parts.append(value_html(value, editions))
        elif value is True:
            parts.append(format_html("<em>{}</em>", field.verbose_name))
    return format_html_join(" · ", "{}", ((part,) for part in parts))


def value_html(value, editions):
    if value in (None, "", False):
        return ""
    if value is True:
        return _("Yes")
    if isinstance(value, datetime.datetime):
        return date_format(localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, Page):
        value = value.specific
    if isinstance(value, AbstractImage):
        rendition = value.get_rendition(THUMBNAIL)
        return format_html(
            '<figure><img src="{}" width="{}" height="{}" alt="">'
            "<figcaption>{}</figcaption></figure>",
            rendition.url,
            rendition.width,
            rendition.height,
            value.title,
        )
    if isinstance(value, TranslatableMixin):
        return named_in_editions(value, editions)
    if isinstance(value, RichText):
        return format_html("<div class='original__rich-text'>{}</div>", value)
    if hasattr(value, "stream_block") or isinstance(value, blocks.StreamValue):
        return format_html_join(
            "",
            "<section class='original__block'><h4>{}</h4>{}</section>",
            (
                (block.block.label, block_html(block.block, block.value, editions))
                for block in value
            ),
        )
    return format_html("<p>{}</p>", value)


def block_html(block, value, editions):
    if isinstance(block, blocks.StructBlock):
        return format_html_join(
            "",
            "<p><strong>{}</strong>: {}</p>",
            (
                (child.label, block_html(child, value.get(name), editions))
                for name, child in block.child_blocks.items()
                if value.get(name) not in (None, "")
            ),
        )
    if isinstance(block, blocks.ChoiceBlock):
        return dict(block.field.choices).get(value, value)
    return value_html(value, editions)


def named_in_editions(instance, editions):
    """`instance` by its own name, then by its name in each of `editions`."""
    versions = {
        version.locale_id: version
        for version in type(instance)
        .objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
    }
    names = [
        format_html(
            "{}: {}",
            edition.get_display_name(),
            versions[edition.pk] if edition.pk in versions else _("not translated yet"),
        )
        for edition in editions
    ]
    if not names:
        return format_html("{}", instance)
    return format_html(
        "{} <span class='original__names'>({})</span>",
        instance,
        format_html_join("; ", "{}", ((name,) for name in names)),
    )
