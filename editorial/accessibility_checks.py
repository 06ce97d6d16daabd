"""Wagtail's content checker, set to the site's standard.

The same checker runs in the quick-actions bar on a live page (for signed-in staff) and in the
page editor's "Checks" panel, against the preview. It runs axe-core's WCAG 2.2 A and AA rules plus
content rules that catch what editors most often get wrong: alt text that is a file name, vague
link text, empty or misplaced headings, and bold paragraphs standing in for headings.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# axe-core best-practice rules and Wagtail's own, run on top of the WCAG ones.
CONTENT_RULES = [
    "alt-text-quality",
    "link-text-quality",
    "empty-heading",
    "p-as-heading",
    "heading-order",
]

# Link text that says nothing about where the link goes, or is a bare web address.
VAGUE_LINK_TEXT = (
    r"^((click|tap) here\b.*|here|more|read more|learn more|find out more|more info(rmation)?"
    r"|this|this link|this page|link|go|continue|https?://\S+|www\.\S+)$"
)


class SiteContentChecker(ContentCheckerItem):
    axe_run_only = WCAG_22_AA_TAGS
    # A rule enabled here runs whatever its tags: axe lets these options add to axe_run_only.
    axe_rules = {rule: {"enabled": True} for rule in CONTENT_RULES}
    axe_custom_rules = [
        *ContentCheckerItem.axe_custom_rules,
        {
            "id": "link-text-quality",
            "impact": "serious",
            "selector": "a[href]",
            "tags": ["best-practice"],
            "any": ["check-link-text-quality"],
            "enabled": True,
        },
    ]
    # The check's code is in editorial/js/content-checks.js: the strict policy forbids eval.
    axe_custom_checks = [
        *ContentCheckerItem.axe_custom_checks,
        {"id": "check-link-text-quality", "options": {"pattern": VAGUE_LINK_TEXT}},
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "link-text-quality": {
            "error_name": _("Link text does not say where the link goes"),
            "help_text": _(
                "Use words that make sense on their own, such as 'Book a place' rather than "
                "'click here' or a web address"
            ),
        },
        "alt-text-quality": {
            "error_name": _("Image alt text looks like a file name"),
            "help_text": _("Describe what the image shows, in words"),
        },
    }

    class Media:
        js = ["editorial/js/content-checks.js"]


def use_site_content_checker(request, items, page=None):
    """Swap Wagtail's checker for the site's, wherever Wagtail puts one."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentChecker):
            items[index] = SiteContentChecker(in_editor=item.in_editor)
