"""Start-up checks for the editorial set-up."""

from django.conf import settings
from django.core.checks import Warning as CheckWarning
from django.core.checks import register

# PDU_MACHINE_TRANSLATOR value: (the option it cannot work without, the variable that sets it)
MACHINE_TRANSLATORS = {
    "deepl": ("AUTH_KEY", "DEEPL_API_KEY"),
    "libretranslate": ("LIBRETRANSLATE_URL", "LIBRETRANSLATE_URL"),
}


@register()
def check_machine_translator(app_configs=None, **kwargs):
    """Machine translation that is switched on but cannot work fails only when someone uses it."""
    chosen = getattr(settings, "PDU_MACHINE_TRANSLATOR", "")
    if not chosen:
        return []
    if chosen not in MACHINE_TRANSLATORS:
        return [
            CheckWarning(
                f"PDU_MACHINE_TRANSLATOR is {chosen!r}, which is not a machine translator this "
                "site knows, so machine translation is off.",
                hint=f"Use one of: {', '.join(sorted(MACHINE_TRANSLATORS))}, or leave it empty.",
                id="editorial.W001",
            )
        ]
    option, variable = MACHINE_TRANSLATORS[chosen]
    options = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) or {}
    if not options.get("OPTIONS", {}).get(option):
        return [
            CheckWarning(
                f"PDU_MACHINE_TRANSLATOR is {chosen!r} but {variable} is not set, so machine "
                "translation will fail when an editor asks for it.",
                hint=f"Set {variable} in the environment, or unset PDU_MACHINE_TRANSLATOR.",
                id="editorial.W002",
            )
        ]
    return []
