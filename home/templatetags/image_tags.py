"""Body figures as <picture>: WebP first, a fallback that suits the upload, and only the widths
the original can give (Wagtail never enlarges, so a wider rendition would repeat one)."""

from pathlib import PurePath

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()

# 800 first: the fallback <img> takes the first rendition's width and height, so figures show
# at most 800px wide; the others are for narrow screens and high-density ones.
FIGURE_WIDTHS = (800, 400, 1200, 1600)
# Diagrams and logos keep their transparency; photographs fall back to JPEG.
TRANSPARENT_KINDS = {".png", ".gif"}


def figure_widths(original_width):
    widths = [width for width in FIGURE_WIDTHS if width == 800 or width <= original_width]
    if 800 < original_width < max(FIGURE_WIDTHS) and original_width not in widths:
        widths.append(original_width)
    return widths


@register.simple_tag
def figure_picture(image, **attributes):
    transparent = PurePath(image.file.name).suffix.lower() in TRANSPARENT_KINDS
    fallback = "png" if transparent else "jpeg"
    specs = [
        f"format-{kind}|width-{width}"
        for kind in ("webp", fallback)
        for width in figure_widths(image.width)
    ]
    renditions = get_renditions_or_not_found(image, specs)
    return mark_safe(Picture(renditions, attributes).__html__())  # noqa: S308 - attributes escaped by Wagtail
