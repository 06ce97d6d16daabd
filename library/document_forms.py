"""The admin's document form, with uploads checked by their contents (library/upload_checks.py).

Wagtail builds its single upload, multiple upload and edit ("replace file") forms on the class
named by WAGTAILDOCS_DOCUMENT_FORM_BASE, so this one check covers all three.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from library import upload_checks


class CheckedDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = accepted_files_text()

    def clean_file(self):
        file = self.cleaned_data.get("file")
        # On edit without a new file, this is the stored one: it was checked when it came in.
        if isinstance(file, UploadedFile):
            try:
                upload_checks.check_document(
                    file,
                    file.name,
                    allowed_extensions=settings.WAGTAILDOCS_EXTENSIONS,
                    max_mb=settings.PDU_UPLOAD_MAX_MB,
                )
            except upload_checks.RefusedUploadError as refusal:
                raise ValidationError(refusal.message, code=refusal.code) from None
        return file

    def _post_clean(self):
        refusals = len(self.errors.get("file", []))
        super()._post_clean()
        # The model's own extension check would add a second, vaguer message to a refusal
        # already explained (and, on add, judge the empty file left behind).
        if refusals:
            del self.errors["file"][refusals:]


def accepted_files_text():
    """ "Accepted: PDF up to 50 MB, Word document (.docx) up to 25 MB, ..." """
    limits = settings.PDU_UPLOAD_MAX_MB
    kinds = [
        _("%(kind)s up to %(limit)s")
        % {"kind": upload_checks.DOCUMENT_KINDS[ext], "limit": upload_checks.megabytes(limits[ext])}
        if ext in limits
        else str(upload_checks.DOCUMENT_KINDS[ext])
        for ext in settings.WAGTAILDOCS_EXTENSIONS
        if ext in upload_checks.DOCUMENT_KINDS
    ]
    return _("Accepted: %(kinds)s.") % {"kinds": ", ".join(kinds)}
