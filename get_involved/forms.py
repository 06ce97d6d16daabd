"""The public form built from an editor's fields: length limits, autocomplete hints, a honeypot."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 5000

# Bots fill in every field they find; people never see this one. The name must not clash with a
# field an editor adds (Wagtail names fields after their labels), hence the unusual wording.
HONEYPOT_FIELD_NAME = "website_address_check"

# What browsers may fill in for people (WCAG 2.2, 1.3.5), by the names Wagtail gives common labels.
AUTOCOMPLETE_BY_FIELD_NAME = {
    "name": "name",
    "your_name": "name",
    "full_name": "name",
    "email": "email",
    "your_email": "email",
    "email_address": "email",
    "organisation": "organization",
    "your_organisation": "organization",
    "job_title": "organization-title",
}


class TextLengthLimit:
    """Refuses text longer than `limit`, saying how long it may be and how long it is.

    Used instead of `max_length`, whose `maxlength` attribute makes browsers silently cut off
    pasted text: people should see what went wrong, not lose words.
    """

    def __init__(self, limit, label):
        self.limit = limit
        self.label = label

    def __call__(self, value):
        if len(value) > self.limit:
            raise ValidationError(
                _("%(label)s must be %(limit)s characters or fewer. You have typed %(length)s.")
                % {
                    "label": self.label,
                    "limit": number_format(self.limit, force_grouping=True),
                    "length": number_format(len(value), force_grouping=True),
                },
                code="max_length",
            )


class GetInvolvedForm(BaseForm):
    """Base of every get-involved form: knows its honeypot and keeps it out of the data."""

    honeypot_name = HONEYPOT_FIELD_NAME

    def honeypot_filled(self):
        return bool(self.data.get(self.honeypot_name, "").strip())

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data.pop(self.honeypot_name, None)
        return cleaned_data


def honeypot_field():
    field = forms.CharField(label=_("Leave this empty"), required=False)
    field.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}
    field.honeypot = True  # components/forms/field.html hides it
    return field


class GetInvolvedFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        return limited_text_field(SINGLE_LINE_MAX_LENGTH, options)

    def create_multiline_field(self, field, options):
        options.setdefault("widget", forms.Textarea)
        return limited_text_field(MULTI_LINE_MAX_LENGTH, options)

    def create_hidden_field(self, field, options):
        options.setdefault("widget", forms.HiddenInput)
        return limited_text_field(SINGLE_LINE_MAX_LENGTH, options)

    @property
    def formfields(self):
        fields = super().formfields
        for name, field in fields.items():
            autocomplete = AUTOCOMPLETE_BY_FIELD_NAME.get(name)
            if autocomplete is None and isinstance(field, forms.EmailField):
                autocomplete = "email"
            if autocomplete:
                field.widget.attrs["autocomplete"] = autocomplete
        fields[HONEYPOT_FIELD_NAME] = honeypot_field()
        return fields

    def get_form_class(self):
        return type("GetInvolvedFormFromFields", (GetInvolvedForm,), self.formfields)


def limited_text_field(limit, options):
    return forms.CharField(validators=[TextLengthLimit(limit, options["label"])], **options)
