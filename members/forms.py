"""The sign-up form: only what the programme needs, and most of it optional."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import OrganisationType, User, normalise_postcode, uk_postcode_validator


class SignupForm(AllauthSignupForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    job_title = forms.CharField(
        label=_("Job title or role"),
        max_length=User._meta.get_field("job_title").max_length,
        required=False,
        help_text=_("For example: support worker, peer mentor, volunteer."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=User._meta.get_field("organisation").max_length,
        required=False,
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("Choose one (optional)")), *OrganisationType.choices],
        required=False,
    )
    work_postcode = forms.CharField(
        label=_("Work postcode"),
        max_length=10,
        required=False,
        help_text=_("The first part is enough, for example NG1. We use it only to count by area."),
    )
    email_consent = forms.BooleanField(
        label=_("Send me emails about events and news (about twice a month)"),
        required=False,
        help_text=_("You can stop them at any time from your hub or any email we send."),
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "job_title",
        "organisation",
        "organisation_type",
        "work_postcode",
        "email_consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["work_postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.fields["email"].help_text = _(
            "Any email address you use: it does not have to be a work one."
        )
        # allauth's placeholders repeat the labels; visible labels are enough.
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        # allauth's honeypot hides itself with an inline style, which the site's CSP forbids.
        honeypot = self.fields.get(settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD)
        if honeypot is not None:
            honeypot.honeypot = True
            honeypot.label = _("Leave this empty")
            honeypot.widget.attrs = {"tabindex": "-1", "autocomplete": "off"}

    def clean_work_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["work_postcode"])
        if postcode:
            uk_postcode_validator(postcode)
        return postcode

    def custom_signup(self, request, user):
        # Called by allauth once the account exists: store the optional details.
        data = self.cleaned_data
        user.job_title = data["job_title"]
        user.organisation = data["organisation"]
        user.organisation_type = data["organisation_type"]
        user.work_postcode = data["work_postcode"]
        user.set_email_consent(data["email_consent"])
        user.save()


class EmailPreferencesForm(forms.Form):
    """The hub's yes or no to news by email, and the language emails are written in."""

    email_consent = forms.BooleanField(
        label=_("Send me emails about events and news (about twice a month)"),
        required=False,
        help_text=_("We still email you about your account, for example to reset a password."),
    )

    language = forms.ChoiceField(label=_("Language for our emails"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language in its own name, as people look for it.
        self.fields["language"].choices = [
            (code, translation.get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ]

    def save(self, user):
        user.set_email_consent(self.cleaned_data["email_consent"])
        fields = ["email_consent", "email_consent_at"]
        if self.cleaned_data["language"]:
            user.language = self.cleaned_data["language"]
            fields.append("language")
        user.save(update_fields=fields)
        return user


class DeleteAccountForm(forms.Form):
    """Asks for the password, so a device left signed in cannot delete someone's account."""

    # Far longer than any real password; anything longer is refused rather than hashed.
    MAX_PASSWORD_LENGTH = 1024

    password = forms.CharField(
        label=_("Your password"),
        max_length=MAX_PASSWORD_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={
            "required": _("Enter your password to delete your account."),
            "max_length": _("That is longer than any password on this site. Check it."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Check it and try again."), code="wrong_password"
            )
        return password
