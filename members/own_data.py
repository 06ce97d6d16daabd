"""What the members app itself holds about a person, for the download and for deletion."""

from allauth.account.models import EmailAddress

from .models import SavedPage
from .personal_data import personal_data_eraser, personal_data_section


def iso(moment):
    return moment.isoformat() if moment else None


@personal_data_section("account")
def account_details(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": user.job_title,
        "organisation": user.organisation,
        "organisation_type": user.get_organisation_type_display(),
        "work_postcode": user.work_postcode,
        "joined": iso(user.date_joined),
        "last_signed_in": iso(user.last_login),
    }


@personal_data_section("email_addresses")
def email_addresses(user):
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


@personal_data_section("email_preferences")
def email_preferences(user):
    return {
        "wants_emails_about_events_and_news": user.email_consent,
        "said_yes_on": iso(user.email_consent_at),
        "language": user.language,
    }


@personal_data_section("saved_pages")
def saved_pages(user):
    return [
        {"title": saved.page.title, "address": saved.page.full_url, "saved": iso(saved.saved_at)}
        for saved in SavedPage.objects.filter(user=user).select_related("page")
    ]


@personal_data_eraser("saved_pages")
def erase_saved_pages(user):
    SavedPage.objects.filter(user=user).delete()


@personal_data_eraser("email_addresses")
def erase_email_addresses(user):
    EmailAddress.objects.filter(user=user).delete()
