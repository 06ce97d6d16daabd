"""The site's user: one account type for staff and members, signing in by email address."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def normalise_email(email):
    """Email addresses are compared without regard to case, so store them in lower case."""
    return (email or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        # Signing in with "Sam@Example.org" finds the account stored as "sam@example.org".
        return self.get(email__iexact=normalise_email(email))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class OrganisationType(models.TextChoices):
    """The kinds of organisation funders ask about; "none" is a real answer, not a gap."""

    VOLUNTARY = "voluntary", _("Voluntary or community organisation")
    HEALTH = "health", _("NHS or health service")
    LOCAL_AUTHORITY = "local_authority", _("Local authority (council)")
    CRIMINAL_JUSTICE = "criminal_justice", _("Police, probation or prison")
    HOUSING = "housing", _("Housing provider")
    EDUCATION = "education", _("College or university")
    PRIVATE = "private", _("Private sector")
    NONE = "none", _("No organisation (for example, lived experience)")
    OTHER = "other", _("Other")


# Outward code and an optional inward code: "NG1", "NG7 2RD". Checked loosely on purpose.
uk_postcode_validator = RegexValidator(
    r"^[A-Z]{1,2}[0-9][0-9A-Z]?( ?[0-9][A-Z]{2})?$",
    _("Enter a UK postcode, such as NG1 5AW, or just its first part, such as NG1."),
)


def normalise_postcode(postcode):
    """Upper case, single space before the inward code: " ng15aw " becomes "NG1 5AW"."""
    compact = "".join((postcode or "").split()).upper()
    if len(compact) > 4 and compact[-3].isdigit():
        return f"{compact[:-3]} {compact[-3:]}"
    return compact


class User(AbstractUser):
    """A person with an account. The email address is the sign-in name; there is no username."""

    username = None
    email = models.EmailField(
        _("email address"),
        unique=True,
        help_text=_("Used to sign in and for messages about the account."),
        error_messages={"unique": _("An account with this email address already exists.")},
    )

    # About the member's work, all optional: people with lived experience may have none of it.
    job_title = models.CharField(_("job title or role"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=30, choices=OrganisationType.choices, blank=True
    )
    work_postcode = models.CharField(
        _("work postcode"),
        max_length=8,
        blank=True,
        validators=[uk_postcode_validator],
        help_text=_("Used only to count members by area."),
    )
    # Consent to news by email is opt-in; the date shows when it was given.
    language = models.CharField(
        _("language for emails"),
        max_length=10,
        blank=True,
        help_text=_("The language the member joined in, or chose on their hub."),
    )
    email_consent = models.BooleanField(_("wants emails about events and news"), default=False)
    email_consent_at = models.DateTimeField(_("email consent given"), null=True, blank=True)
    # Set when the member was told an inactive account is about to be deleted.
    deletion_warning_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="members_user_email_case_insensitive_unique",
                violation_error_message=_("An account with this email address already exists."),
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)
        self.work_postcode = normalise_postcode(self.work_postcode)

    @property
    def email_language(self):
        """The language to write to this person in: theirs if the site still offers it."""
        offered = {code for code, _name in settings.LANGUAGES}
        return self.language if self.language in offered else settings.LANGUAGE_CODE

    def set_email_consent(self, wanted, when=None):
        """Record a yes or no to news by email; a yes keeps the date it was first given."""
        if wanted and not self.email_consent:
            self.email_consent_at = when or timezone.now()
        if not wanted:
            self.email_consent_at = None
        self.email_consent = wanted

    @property
    def postcode_area(self):
        """The outward code ("NG7"), the part of a postcode used for counting by area."""
        return self.work_postcode.split(" ")[0] if self.work_postcode else ""


class SavedPage(models.Model):
    """A page a member keeps in their hub to come back to (a resource, for example)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_pages"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        verbose_name = _("saved page")
        verbose_name_plural = _("saved pages")
        ordering = ["-saved_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="members_savedpage_once_per_user")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.page_id}"


class RetentionRun(models.Model):
    """One run of the daily clear-out of old personal data (members/retention.py).

    The worker's clock reads the latest row to know when the clear-out is next due, so a restart
    neither skips a day nor runs it twice; the counts tell operators what each run removed.
    """

    finished_at = models.DateTimeField(default=timezone.now, db_index=True)
    form_submissions_deleted = models.PositiveIntegerField(default=0)
    warnings_sent = models.PositiveIntegerField(default=0)
    accounts_deleted = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self):
        return f"Retention run at {self.finished_at:%Y-%m-%d %H:%M}"
