"""wagtail-localize's admin routes, made to follow the site's review rule.

Stock wagtail-localize publishes translations without review: "Sync translated pages" can publish
every translation at once with only the permission to translate, and converting a translation
back into an alias makes it live. Saving a draft of a live translation also rewrites the public
copy (see editorial.live_content). This module registers its own views at wagtail-localize's own
paths, ahead of wagtail-localize's (`order=-1`), so every link wagtail-localize makes leads here:

- "Sync translated pages" saves each translation as a draft and sends it for review; only site
  administrators still see and may use "Publish immediately".
- "Translate this page" / "Translate" keep live translations (of the page's subtree or of the
  snippets it uses) as they are while drafts are saved.
- "Convert to alias page" is for site administrators only.

The translation editor's own "Publish" is already refused to everyone else: pages by
editorial.permissions, snippets because nobody holds their publish permission (editorial.roles).
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from editorial.live_content import live_versions_kept
from editorial.translation_review import (
    LARGEST_ID,
    may_publish_translations_directly,
    show_outcome,
    submit_for_review,
    submit_translation_for_review,
)


class UpdateTranslationsThroughReview(UpdateTranslationsView):
    """ "Sync translated pages": updated translations go to review, not straight to the public."""

    def get_object(self):
        if self.kwargs["translation_source_id"] > LARGEST_ID:
            raise Http404
        return super().get_object()

    def get_form(self):
        form = super().get_form()
        if not may_publish_translations_directly(self.request.user):
            # Not offered, and a posted value is ignored: the field is not there to read it.
            del form.fields["publish_translations"]
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["updates_go_to_review"] = not may_publish_translations_directly(self.request.user)
        return context

    @transaction.atomic
    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        response = super().form_valid(form)
        if not form.cleaned_data["publish_translations"]:
            self.send_updates_for_review()
        return response

    def send_updates_for_review(self):
        # Those already in review are left as the reviewer sees them, and the message says so.
        translations = self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )
        for translation in translations:
            outcome = submit_for_review(translation, self.request.user)
            show_outcome(self.request, outcome, translation, self.object.object_repr)


class TranslatePageKeepingLiveVersions(SubmitPageTranslationView):
    """ "Translate this page": new drafts, and translations already live stay as they are."""

    def get_object(self):
        if self.kwargs["page_id"] > LARGEST_ID:
            raise Http404
        return super().get_object()

    def form_valid(self, form):
        # The subtree is translated in the same request (wagtail-localize's default job backend).
        with live_versions_kept():
            return super().form_valid(form)


class TranslateSnippetKeepingLiveVersions(SubmitSnippetTranslationView):
    def form_valid(self, form):
        with live_versions_kept():
            return super().form_valid(form)


def convert_to_alias_for_administrators(request, page_id):
    """An alias shows the source page's live content at once, so this publishes: admins only."""
    if page_id > LARGEST_ID:
        raise Http404
    if not may_publish_translations_directly(request.user):
        messages.error(
            request, _("Only site administrators can turn a translation back into an alias.")
        )
        return redirect("wagtailadmin_pages:edit", page_id)
    return convert.convert_to_alias(request, page_id)


@hooks.register("register_admin_urls", order=-1)
def register_translation_routes():
    return [
        path(
            "translations/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name="translation_submit_for_review",
        ),
        # The same paths as wagtail-localize's (admin/localize/...), found first.
        path(
            "localize/submit/page/<int:page_id>/",
            TranslatePageKeepingLiveVersions.as_view(),
            name="translation_submit_page",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            TranslateSnippetKeepingLiveVersions.as_view(),
            name="translation_submit_snippet",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsThroughReview.as_view(),
            name="translation_update_through_review",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_for_administrators,
            name="translation_convert_to_alias",
        ),
    ]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_administrators(menu_items, request, context):
    if not may_publish_translations_directly(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
