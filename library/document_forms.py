"""The admin's document form, with uploads checked by their contents (library/upload_checks.py).

Wagtail builds its single upload, multiple upload and edit ("replace file") forms on the class
named by WAGTAILDOCS_DOCUMENT_FORM_BASE, so this one check covers all three.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from editorial.roles import REVIEWERS
from library import upload_checks
from members.restrictions import collection_is_members_only, document_is_members_only


class CheckedDocumentForm(BaseDocumentForm):
    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.user = user
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

    def clean_collection(self):
        """Moving a file out of "Members only" publishes it at once: a reviewer's decision."""
        collection = self.cleaned_data.get("collection")
        leaving_members_only = (
            self.instance.pk
            and document_is_members_only(self.instance)
            and collection is not None
            and not collection_is_members_only(collection.pk)
        )
        if leaving_members_only and not may_make_documents_public(self.user):
            raise ValidationError(
                _(
                    "Only reviewers and site administrators can make a members-only document "
                    "public. Leave it in its collection and ask a reviewer to move it."
                ),
                code="members_only",
            )
        return collection

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


def may_make_documents_public(user):
    return user is not None and (user.is_superuser or user.groups.filter(name=REVIEWERS).exists())
