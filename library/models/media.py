"""The site's own image and document models, swapped in from the first migration.

Custom models can't be introduced later without rewriting every reference to them, so they
exist from the start even while they add little to Wagtail's own.
"""

from django import forms
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index

from library import text_extraction
from members.search_index import document_text_is_private


class CustomImage(AbstractImage):
    """An image. Images are always public: nothing members-only belongs in one."""

    # Wagtail offers this as the alt text whenever the image is placed on a page.
    description = models.CharField(
        _("suggested alt text"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "Optional. What the image shows, for people who cannot see it, e.g. 'Two support "
            "workers talking with a man outside a hostel'. It is offered as the alt text each "
            "time the image is added to a page, where it can be changed."
        ),
    )
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

    @property
    def default_alt_text(self):
        # Wagtail falls back to the title, often a file name ("IMG_2041"): better no suggestion,
        # so that the editor writes alt text or ticks "decorative".
        return self.description


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ReadOnlyTextWidget(forms.Widget):
    """Shows a value as text: for facts the site records and editors read but never type."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs)
        self.choices = choices

    def render(self, name, value, attrs=None, renderer=None):
        labels = {str(key): label for key, label in self.choices}
        text = labels.get(str(value), value) if value else _("None")
        element_id = self.build_attrs(self.attrs, attrs).get("id", "")
        # <output> is text, not a control, yet a <label for> can still name it.
        return format_html('<output id="{}">{}</output>', element_id, text)

    def value_from_datadict(self, data, files, name):
        return None  # never posted: the form field is disabled and keeps the stored value


class ReadOnlyCharField(models.CharField):
    """A CharField the site fills in, shown read-only in the admin's forms."""

    def formfield(self, **kwargs):
        return super().formfield(
            **{**kwargs, "widget": ReadOnlyTextWidget, "disabled": True, "required": False}
        )


class CustomDocument(AbstractDocument):
    """A downloadable file (report, toolkit, slides...).

    The resource library adds the text, page count and extraction state it finds in the file
    (library/text_extraction.py, run in the background by library/tasks.py).
    """

    TEXT_STATUS_CHOICES = [
        (text_extraction.PENDING, _("Waiting to be read")),
        (text_extraction.EXTRACTED, _("Text extracted")),
        (text_extraction.NOT_EXTRACTED, _("Text not extracted")),
        (text_extraction.NOT_APPLICABLE, _("Text not read from this type of file")),
    ]
    # The most text of one document the search index takes. PostgreSQL refuses a search vector
    # over 1 MB, and one page's vector holds all its documents' text: measured, 100,000
    # characters make at most about 300 KB even of unique made-up words (about 60 KB of
    # ordinary English). Text past this point is kept but not searched.
    SEARCH_TEXT_LIMIT = 100_000

    extracted_text = models.TextField(
        _("extracted text"),
        blank=True,
        editable=False,
        help_text=_("The words in the file, read automatically so that search can find them."),
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    text_status = ReadOnlyCharField(
        _("text from the file"),
        max_length=20,
        choices=TEXT_STATUS_CHOICES,
        default=text_extraction.PENDING,
        help_text=_(
            "Read automatically a moment after a file is uploaded or replaced, so that search "
            "finds the words inside it."
        ),
    )
    text_status_reason = ReadOnlyCharField(
        _("note on the text"),
        max_length=255,
        blank=True,
        help_text=_("Why the text could not be read, or what was left out."),
    )
    text_extracted_at = models.DateTimeField(
        _("text read at"), null=True, blank=True, editable=False
    )

    admin_form_fields = (*WagtailDocument.admin_form_fields, "text_status", "text_status_reason")

    # The admin's document listing searches AutocompleteFields only, so the text is both.
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("indexed_text"),
        index.AutocompleteField("indexed_text"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        # The admin's upload form records a file's size and hash; documents made in code (demo
        # content, imports, tests) skip that form, and listings would then show no size.
        if self.file and self.file_size is None:
            self._set_document_file_metadata()
        super().save(*args, **kwargs)

    @property
    def indexed_text(self):
        """The part of the file's text the search index holds (see SEARCH_TEXT_LIMIT).

        None of it while the document is members only (its collection is private): its words
        must not find it, or the pages it is attached to, for people who cannot open it.
        """
        if document_text_is_private(self):
            return ""
        text = self.extracted_text
        if len(text) <= self.SEARCH_TEXT_LIMIT:
            return text
        # Cut at a space so that no half word is indexed.
        return text[: self.SEARCH_TEXT_LIMIT].rsplit(None, 1)[0]

    @property
    def text_summary(self):
        """The text's state in a line: "Text not extracted: The PDF is password-protected"."""
        label = self.get_text_status_display()
        return f"{label}: {self.text_status_reason}" if self.text_status_reason else str(label)
