"""Highlighted excerpts for search results.

Wagtail's search has no highlighting, so this module finds where a result matches the query and
shows about 30 words around the first match, with each matching word wrapped in `<mark>`.

Text comes from the page itself (its summary or introduction, its other text fields and its
StreamField body, read from the stored JSON so no chooser block costs a query) and, for pages
with attached files (resources, evaluation reports), each file's `extracted_text`. Everything is
HTML-escaped; only the `<mark>` elements added here are markup.

Matching is case-insensitive and word by word, so "trauma-informed" and "trauma informed" are
the same two words. For English, words also match their simple variants through a light suffix
stripping (`stem`), much weaker than PostgreSQL's Snowball stemmer but enough to show why a page
matched: plurals ("hostels", "communities"), past tenses and "-ing" forms ("informed",
"housing", "planned") and "-ation" nouns ("information") are reduced to a shared stem, and a
final "e" is dropped ("house" and "housing" both become "hous"). Other languages match whole
words only, as PostgreSQL has no stemmer for some of them (Polish, Urdu): what a page in one of
them shows is the words as written. Each page is highlighted by its own language, so an English
page in a Polish search still shows its word variants.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from members.restrictions import members_only_collection_ids

EXCERPT_WORDS = 30
WORDS_BEFORE_MATCH = 10
MAX_QUERY_TERMS = 12
# Fields shown as a result's summary, in order of preference.
SUMMARY_FIELDS = ("summary", "introduction")

WORD = re.compile(r"\w+")
TOKEN = re.compile(r"\S+")
VOWEL = re.compile(r"[aeiouy]")

# Words too common to be worth highlighting, unless the query has nothing else.
_STOP_WORDS_TEXT = (
    "a an and are as at be but by for from has have how i in into is it its of on or our so "
    "that the their them they this to was we were what when where which who why will with "
    "you your"
)
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# (suffix, replacement), tried in order; the first that applies wins.
INFLECTIONS = (
    ("sses", "ss"),
    ("ies", "y"),
    ("ied", "y"),
    ("ss", "ss"),
    ("us", "us"),
    ("is", "is"),
    ("eed", "eed"),
    ("s", ""),
    ("ed", ""),
    ("ing", ""),
)
MIN_STEM_LENGTH = 3
UNDOUBLED_ENDINGS = frozenset("bdfgkmnprt")


def stem(word):
    """A light English stem of `word` (lower case). See the module docstring for what it does."""
    word = word.lower()
    if len(word) <= MIN_STEM_LENGTH or not word.isalpha():
        return word
    for suffix, replacement in INFLECTIONS:
        if word.endswith(suffix):
            candidate = word[: len(word) - len(suffix)] + replacement
            # "-ed" and "-ing" only come off a stem with a vowel: "bed" and "string" stay.
            if len(candidate) >= MIN_STEM_LENGTH and (
                suffix not in ("ed", "ing") or VOWEL.search(candidate)
            ):
                word = candidate
            break
    if word.endswith("ation") and len(word) - 5 >= MIN_STEM_LENGTH:
        word = word[:-5]
    if len(word) > MIN_STEM_LENGTH and word[-1] == word[-2] and word[-1] in UNDOUBLED_ENDINGS:
        word = word[:-1]  # planned -> plann -> plan
    if word.endswith("e") and len(word) > MIN_STEM_LENGTH:
        word = word[:-1]
    return word


def is_english(language_code):
    return (language_code or "en").lower().startswith("en")


class Highlighter:
    """Finds and marks the words of one query in any text."""

    def __init__(self, query, language_code="en"):
        self.query = query
        words = [word.lower() for word in WORD.findall(query or "")]
        content_words = [word for word in words if word not in STOP_WORDS] or words
        content_words = list(dict.fromkeys(content_words))[:MAX_QUERY_TERMS]
        self.words = set(content_words)
        self.english = is_english(language_code)
        self.stems = {stem(word) for word in content_words} if self.english else set()
        prefixes = set(self.words)
        for word_stem in self.stems:
            # Cover "community" -> "communities" and "apply" -> "applied": the stem's last letter
            # can change in an inflected form, so look for words starting with the rest.
            prefixes.add(
                word_stem[:-1] if word_stem.endswith("y") and len(word_stem) > 3 else word_stem
            )
        if prefixes:
            alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
            self.candidates = re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)
        else:
            self.candidates = None

    def __bool__(self):
        return self.candidates is not None

    def for_language(self, language_code):
        """The highlighter of the same query for text in `language_code`: English text (an
        English page shown in a Polish search, say) matches word variants, other text matches
        words as written."""
        if is_english(language_code) == self.english:
            return self
        return Highlighter(self.query, language_code)

    def is_match(self, word):
        word = word.lower()
        return word in self.words or (self.english and stem(word) in self.stems)

    def matches(self, text):
        """(start, end) of each matching word in `text`."""
        if not self or not text:
            return
        for found in self.candidates.finditer(text):
            if self.is_match(found.group()):
                yield found.span()

    def first_match(self, text):
        return next(self.matches(text), None)

    def highlight(self, text):
        """All of `text`, escaped, with matching words marked."""
        parts = []
        position = 0
        for start, end in self.matches(text):
            parts.append(escape(text[position:start]))
            parts.append(format_html("<mark>{}</mark>", text[start:end]))
            position = end
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped

    def excerpt(self, text, words=EXCERPT_WORDS):
        """About `words` words of `text` around its first match, highlighted; None if no match."""
        match = self.first_match(text)
        if match is None:
            return None
        match_start = match[0]
        window_start = max(0, match_start - 40 * WORDS_BEFORE_MATCH)
        before = list(TOKEN.finditer(text, window_start, match_start))
        if window_start > 0 and before:
            before = before[1:]  # the first token may be cut in half
        before = before[-WORDS_BEFORE_MATCH:]
        start = before[0].start() if before else match_start
        after_limit = match_start + 40 * words
        after = list(TOKEN.finditer(text, match_start, after_limit))[: words - len(before)]
        end = after[-1].end() if after else match[1]
        snippet = " ".join(text[start:end].split())
        prefix = "… " if text[:start].strip() else ""
        suffix = " …" if text[end:].strip() else ""
        return format_html("{}{}{}", prefix, self.highlight(snippet), suffix)


# Page text --------------------------------------------------------------------------------------


def block_text(block, value):
    """Plain text in a block's stored (JSON) value, without loading images, documents or pages."""
    if value is None or value == "":
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [get_text_for_indexing(value)] if isinstance(value, str) else []
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [value] if isinstance(value, str) else []
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            return []
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            return []
        items = [
            item["value"] if isinstance(item, dict) and "type" in item else item for item in value
        ]
        return [text for item in items for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return stream_text(block, value)
    return []  # URLs, dates, choices, chooser ids...


def stream_text(stream_block, raw_items):
    texts = []
    for item in raw_items or []:
        if not isinstance(item, dict):
            continue
        child = stream_block.child_blocks.get(item.get("type"))
        if child is not None:
            texts.extend(block_text(child, item.get("value")))
    return texts


def field_text(page, field):
    value = getattr(page, field.name, None)
    if not value:
        return ""
    if isinstance(field, StreamField):
        return " ".join(stream_text(field.stream_block, value.raw_data))
    if isinstance(field, RichTextField):
        return get_text_for_indexing(value)
    return value if isinstance(value, str) else ""


def summary_text(page):
    """What a result shows under its title."""
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if value:
            return value
    return page.search_description or ""


def page_texts(page):
    """The texts of `page`'s own searchable fields other than the title and summary, in order."""
    concrete = {field.name: field for field in page._meta.concrete_fields}
    texts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        name = search_field.field_name
        if name == "title" or name in SUMMARY_FIELDS or name not in concrete:
            continue
        text = field_text(page, concrete[name])
        if text:
            texts.append(text)
    return texts


def attached_documents(page):
    """Documents attached to `page` (resources, evaluation reports); [] for other pages."""
    cache = getattr(page, "_prefetched_objects_cache", {})
    links = cache.get("documents")
    return [link.document for link in links] if links is not None else []


def prefetch_for_excerpts(pages):
    """Load what excerpts need for `pages` (specific pages): one query per type with files.

    Members-only files are left out (two more queries): a public page's excerpt never quotes them.
    """
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    private_collections = None
    for model, model_pages in by_model.items():
        link_model = document_link_model(model)
        if link_model is not None:
            if private_collections is None:
                private_collections = members_only_collection_ids()
            links = (
                link_model.objects.select_related("document")
                .exclude(document__collection__in=private_collections)
                .order_by("sort_order", "pk")
            )
            prefetch_related_objects(model_pages, Prefetch("documents", queryset=links))


def document_link_model(page_model):
    """The model linking `page_model` to its files, when it has a `documents` inline."""
    try:
        relation = page_model._meta.get_field("documents")
    except FieldDoesNotExist:
        return None
    related = getattr(relation, "related_model", None)
    if related is None or not hasattr(related, "document"):
        return None
    return related


@dataclass
class Excerpt:
    html: SafeString
    # The title of the attached file the excerpt comes from; "" when it is from the page.
    document_title: str = ""


def excerpt_for(page, highlighter):
    """The excerpt around the first match outside the summary (the summary is shown anyway)."""
    if not highlighter:
        return None
    for text in page_texts(page):
        html = highlighter.excerpt(text)
        if html is not None:
            return Excerpt(html)
    for document in attached_documents(page):
        html = highlighter.excerpt(getattr(document, "extracted_text", "") or "")
        if html is not None:
            return Excerpt(html, document_title=document.title)
    return None
