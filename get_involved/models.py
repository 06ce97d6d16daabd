import html

from django.conf import settings
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from editorial.models import ReviewedPage
from home.blocks import SHORT_RICH_TEXT_FEATURES

from .forms import GetInvolvedFormBuilder
from .notifications import send_submission_email
from .rate_limit import too_many_submissions

LISTING_SUMMARY_WORDS = 30
TOO_MANY_SUBMISSIONS = _(
    "You have sent too many forms in a short time. Please try again later: what you typed is "
    "still here."
)


class GetInvolvedFormField(AbstractFormField):
    page = ParentalKey("GetInvolvedFormPage", on_delete=models.CASCADE, related_name="form_fields")


class GetInvolvedFormPage(ReviewedPage, AbstractEmailForm):
    """A form editors build themselves, e.g. "Suggest a topic" or "Offer to speak or facilitate".

    Submissions are stored (with the member, if signed in), emailed to the team by the worker and
    listed, with a spreadsheet export, under Forms in the admin.
    """

    intro = RichTextField(
        _("before the form"),
        blank=True,
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_(
            "What the form is for, what happens after someone sends it and how we use their "
            "details. The first sentences are also shown where this page is listed."
        ),
    )
    thank_you_text = RichTextField(
        _("thank-you message"),
        blank=True,
        features=SHORT_RICH_TEXT_FEATURES,
        help_text=_(
            "Shown after someone sends the form. Say thank you and when they will hear from us."
        ),
    )
    to_address = models.CharField(
        _("send submissions to"),
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text=_(
            "Optional. Email addresses that get each submission, separated by commas. Leave empty "
            "to send no emails: submissions are always kept under Forms in the admin."
        ),
    )
    from_address = models.EmailField(
        _("send from"),
        max_length=255,
        blank=True,
        help_text=_("Optional. The sender of those emails. Leave empty for the site's usual one."),
    )
    subject = models.CharField(
        _("email subject"),
        max_length=255,
        blank=True,
        help_text=_("Optional. Leave empty for 'New submission:' and the page title."),
    )

    form_builder = GetInvolvedFormBuilder

    content_panels = [
        *Page.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            heading=_("Form fields"),
            label=_("Field"),
            help_text=_(
                "The questions, in order. Ask only what the team needs. A spam trap is added "
                "automatically."
            ),
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Emails to the team"),
        ),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    # Translators translate the words; where the emails go stays the same in every language.
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]

    parent_page_types = ["home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("get involved form")

    @property
    def introduction(self):
        """Plain-text start of the intro, for cards on the parent page (home.StandardPage)."""
        # A space after each paragraph so sentences from separate paragraphs don't run together.
        text = html.unescape(strip_tags(self.intro.replace("</p>", "</p> ")))
        return Truncator(" ".join(text.split())).words(LISTING_SUMMARY_WORDS)

    def get_submission_class(self):
        return GetInvolvedFormSubmission

    def get_data_fields(self):
        return [*super().get_data_fields(), ("member", _("Signed-in member"))]

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            response = self.serve_submission(request, *args, **kwargs)
        else:
            response = self.render_form(request, self.get_form(page=self, user=request.user))
        # Forms hold a CSRF token and what people typed: never keep them in any cache.
        add_never_cache_headers(response)
        return response

    def serve_submission(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if too_many_submissions(request):
            form.add_error(None, TOO_MANY_SUBMISSIONS)
            return self.render_form(request, form, status=429)
        if form.honeypot_filled():
            # Look the same as a success to the bot, and keep and send nothing.
            return self.render_landing_page(request, None, *args, **kwargs)
        if form.is_valid():
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)
        return self.render_form(request, form)

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        member = form.user if form.user is not None and form.user.is_authenticated else None
        # The submission and the team's email are kept together or not at all, so a failure
        # part-way never leaves a submission nobody hears about (the person sees an error and
        # sends it again).
        with transaction.atomic():
            submission = self.get_submission_class().objects.create(
                form_data=form.cleaned_data, page=self, user=member
            )
            self.send_mail(form)
        return submission

    def send_mail(self, form):
        # Through the worker, not Wagtail's send_mail inside the request.
        send_submission_email(self, form, form.user)


class GetInvolvedFormSubmission(AbstractFormSubmission):
    """One sent form. Linked to the member who sent it, if signed in, for their data download."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="get_involved_submissions",
    )

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("get involved form submission")
        verbose_name_plural = _("get involved form submissions")

    def get_data(self):
        return {**super().get_data(), "member": self.user.email if self.user else ""}
