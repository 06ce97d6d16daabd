"""What the get-involved forms hold about a member: the forms they sent while signed in."""

from members.personal_data import personal_data_eraser, personal_data_section

from .models import GetInvolvedFormSubmission

SECTION = "get_involved_forms"


@personal_data_section(SECTION)
def sent_forms(user):
    submissions = GetInvolvedFormSubmission.objects.filter(user=user).select_related("page")
    return [
        {
            "form": submission.page.title,
            "sent_at": submission.submit_time.isoformat(),
            "answers": submission.form_data,
        }
        for submission in submissions.order_by("submit_time", "pk")
    ]


@personal_data_eraser(SECTION)
def delete_sent_forms(user):
    GetInvolvedFormSubmission.objects.filter(user=user).delete()
