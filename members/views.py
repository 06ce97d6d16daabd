"""The member's hub: saved pages and email preferences, with links to everything else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from home.pagination import paginate

from .forms import EmailPreferencesForm
from .models import SavedPage
from .restrictions import members_only_page_ids

SAVED_PER_PAGE = 20
# Page ids are 32-bit integers; bigger numbers in a URL are simply not a page.
MAX_PAGE_ID = 2**31 - 1


def saved_pages_for(user):
    return SavedPage.objects.filter(user=user).select_related("page")


@login_required
@require_GET
def hub(request):
    saved = paginate(request, saved_pages_for(request.user), SAVED_PER_PAGE, param="saved")
    live_pages = [item.page for item in saved if item.page.live]
    members_only = members_only_page_ids(live_pages)
    for item in saved:
        item.members_only = item.page.pk in members_only
    context = {
        "saved_pages": saved,
        "email_form": EmailPreferencesForm(
            initial={
                "email_consent": request.user.email_consent,
                "language": request.user.email_language,
            }
        ),
    }
    return TemplateResponse(request, "members/hub.html", context)


# Saving pages to the hub


def live_page(page_id):
    page = Page.objects.live().filter(pk=page_id).first() if page_id <= MAX_PAGE_ID else None
    if page is None:
        raise Http404
    return page


def page_the_user_may_view(request, page_id):
    """The live page `page_id` if the person asking may open it, else 404."""
    page = live_page(page_id)
    # Wagtail's own test for private pages: members-only, password or specific groups.
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page


def back_to(request, page):
    """Where the button was pressed (a safe local address), or the page itself."""
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return page.get_url(request) or reverse("members:hub")


@require_POST
def save_page(request, page_id):
    if not request.user.is_authenticated:
        # Back to the page after signing in, where the button now saves it.
        return redirect_to_login(live_page(page_id).get_url(request) or reverse("members:hub"))
    page = page_the_user_may_view(request, page_id)
    _saved, created = SavedPage.objects.get_or_create(user=request.user, page=page)
    if created:
        messages.success(request, _("“%(title)s” is saved in your hub.") % {"title": page.title})
    else:
        messages.info(request, _("“%(title)s” was already in your hub.") % {"title": page.title})
    return HttpResponseRedirect(back_to(request, page))


@login_required
@require_POST
def remove_saved_page(request, page_id):
    saved = SavedPage.objects.filter(user=request.user, page_id=page_id).select_related("page")
    item = saved.first() if page_id <= MAX_PAGE_ID else None
    if item is None:
        raise Http404
    title = item.page.title
    item.delete()
    messages.success(request, _("“%(title)s” is no longer in your hub.") % {"title": title})
    return HttpResponseRedirect(back_to(request, item.page))


# Email preferences


@login_required
@require_POST
def email_preferences(request):
    form = EmailPreferencesForm(request.POST)
    if not form.is_valid():  # only a language the site does not offer gets here
        messages.error(request, _("Choose one of the languages in the list."))
        return redirect("members:hub")
    form.save(request.user)
    if request.user.email_consent:
        messages.success(request, _("You will get emails about events and news."))
    else:
        messages.success(request, _("You will not get emails about events and news."))
    return redirect("members:hub")
