"""StreamField blocks shared by every page type. Other apps import from here, never define their own
copies, so content looks and behaves the same everywhere.

Nothing here fetches from the network: video is a link (and an optional transcript) rather than an
oEmbed, which would call out to the video host when the page is saved.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

# Headings start at h2: each page's title is its only h1.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


ALT_TEXT_MISSING = _(
    "Describe what the image shows in the alt text, or tick 'Image is decorative' if it adds "
    "nothing to the text."
)


class AltTextImageBlock(ImageBlock):
    """Wagtail's ImageBlock, asking for the alt text decision on every save, drafts included.

    Wagtail leaves that check to submitting and publishing, but approving a review publishes the
    latest draft as it stands. Alt text of only spaces counts as none.
    """

    def clean(self, value):
        if value and not value.decorative:
            value.contextual_alt_text = (value.contextual_alt_text or "").strip()
            if not value.contextual_alt_text:
                raise blocks.StructBlockValidationError(
                    block_errors={"alt_text": ValidationError(ALT_TEXT_MISSING)}
                )
        return super().clean(value)


class FigureBlock(blocks.StructBlock):
    """An image with alt text (or a deliberate "decorative" choice) and an optional caption."""

    image = AltTextImageBlock(
        help_text=_(
            "Describe what the image shows for people who cannot see it, or tick 'decorative' "
            "if it adds nothing to the text."
        )
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text=_("Optional. Shown under the image.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text=_("The words being quoted, without quotation marks."))
    attribution = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_(
            "Who said it, named the way they choose to be named. Leave empty for anonymous."
        ),
    )
    lived_experience = blocks.BooleanBlock(
        required=False,
        label=_("Contributor with lived experience"),
        help_text=_("Tick to credit the speaker as a contributor with lived experience."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"


class ContentNoteBlock(blocks.StructBlock):
    """A warning placed before difficult material, so readers can choose whether to go on."""

    text = blocks.TextBlock(
        help_text=_(
            "Say plainly what the following material covers, e.g. 'This section talks about "
            "suicide and self-harm.'"
        )
    )

    class Meta:
        icon = "warning"
        label = _("Content note")
        template = "components/blocks/content_note.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text=_("What the video is called."))
    url = blocks.URLBlock(
        required=False,
        label=_("Link to the video"),
        help_text=_("Where to watch it, e.g. its YouTube or Vimeo page."),
    )
    file = DocumentChooserBlock(
        required=False,
        label=_("Video file"),
        help_text=_("Or an uploaded video file, if it is not hosted elsewhere."),
    )
    duration = blocks.CharBlock(
        required=False, max_length=50, help_text=_("Optional, e.g. '12 minutes'.")
    )
    captions = blocks.BooleanBlock(
        required=False, label=_("Has captions"), help_text=_("Tick if the video has captions.")
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_("Optional. A transcript helps people who cannot watch or listen."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("url") and not value.get("file"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Add a link or a video file."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, help_text=_("One or two sentences."))
    page = blocks.PageChooserBlock(
        required=False, help_text=_("The page to go to. Or give a web address below.")
    )
    url = blocks.URLBlock(required=False, label=_("Web address"))
    link_text = blocks.CharBlock(
        max_length=80,
        help_text=_("Says where the link goes, e.g. 'Join the hub', never 'Click here'."),
    )

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or a web address."))}
            )
        return value


class DetailsBlock(blocks.StructBlock):
    """A disclosure ("details" element): a short summary that opens to show more."""

    summary = blocks.CharBlock(max_length=120, help_text=_("The line people click to open it."))
    content = blocks.RichTextBlock(features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Details (open and close)")
        template = "components/blocks/details.html"


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, default=_("Downloads"))
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "components/blocks/downloads.html"


class BodyBlock(blocks.StreamBlock):
    """The main content of a page."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    figure = FigureBlock()
    quote = QuoteBlock()
    content_note = ContentNoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    details = DetailsBlock()
    downloads = DownloadsBlock()


class HeadlineFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=30, help_text=_("The number, e.g. '2,000+' or '86%'."))
    label = blocks.CharBlock(
        max_length=150, help_text=_("What it counts, e.g. 'people reached from 360 organisations'.")
    )

    class Meta:
        icon = "order"
        label = _("Headline figure")


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=50, help_text=_("The service's name, e.g. 'LinkedIn'."))
    url = blocks.URLBlock(label=_("Web address"))

    class Meta:
        icon = "link"
        label = _("Social media link")
