"""The site's own image and document models, swapped in from the first migration.

Custom models can't be introduced later without rewriting every reference to them, so they
exist from the start even while they add little to Wagtail's own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class CustomImage(AbstractImage):
    """An image. Images are always public: nothing members-only belongs in one."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_(
            "Who made or owns the image, as they wish to be named, e.g. 'Photo: Sam Jones'. "
            "Shown beside the image."
        ),
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """A downloadable file (report, toolkit, slides...).

    The resource library adds the text, page count and extraction state it finds in the file.
    """

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        # The admin's upload form records a file's size and hash; documents made in code (demo
        # content, imports, tests) skip that form, and listings would then show no size.
        if self.file and self.file_size is None:
            self._set_document_file_metadata()
        super().save(*args, **kwargs)
