"""Languages a resource itself can be written or recorded in.

This is about the material (a report in Polish), not the language the site is being read in.
"""

from django.utils.translation import gettext_lazy as _

MATERIAL_LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("bn", _("Bengali")),
    ("fa", _("Persian (Farsi)")),
    ("ku", _("Kurdish")),
    ("pa", _("Punjabi")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("ur", _("Urdu")),
    ("zxx", _("No spoken or written language")),
]
