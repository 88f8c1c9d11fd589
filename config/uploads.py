from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the size limit Wagtail sets for pictures but not for
    documents (DOCUMENT_MAX_UPLOAD_SIZE)."""

    def _post_clean(self):
        # After the model's own checks: refusing the file any earlier empties the field, and
        # the document's extension check would then complain of a file without a name.
        super()._post_clean()
        file = self.cleaned_data.get("file")
        limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
        if file and "file" in self.changed_data and file.size > limit:
            self.add_error(
                "file",
                ValidationError(
                    _("This file is %(size)s; a document may be at most %(limit)s."),
                    code="file_too_large",
                    params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
                ),
            )
